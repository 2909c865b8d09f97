/* cmd-add.c — `cdtt add area|team|member NAME [options]`: one record from a
 * script, with the same checks as the screens; prints the new record's uuid. */
#include "cli.h"
#include "commands.h"
#include "fields.h"
#include "choices.h"
#include "db.h"
#include "records.h"
#include "validate.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* An option that fills a text field of the record (or of the extras). */
typedef struct {
    const char *flag;
    size_t off, size;       /* where in the record; size 0 = a yes/no flag (int) */
    const choice *choices;  /* codes or labels accepted, or NULL */
    int is_date;            /* dd/mm/yyyy accepted, stored ISO */
} add_opt;

/* What is not a field of the record: names to look up, the role, --yes. */
typedef struct {
    char area[512], team[512], role[16], since[11];
    int yes;
} add_extra;

#define F(type, field) offsetof(type, field), sizeof(((type *)0)->field)
#define X(field) offsetof(add_extra, field), sizeof(((add_extra *)0)->field)

static const add_opt AREA_OPTS[] = {
    {"--kind", F(area_rec, kind), CHOICES_AREA_KIND, 0},
    {"--note", F(area_rec, note), NULL, 0},
    {NULL, 0, 0, NULL, 0},
};
static const add_opt TEAM_OPTS[] = {
    {"--level", F(team_rec, level), CHOICES_TEAM_LEVEL, 0},
    {"--decision-no", F(team_rec, decision_no), NULL, 0},
    {"--decision-date", F(team_rec, decision_date), NULL, 1},
    {"--issuer", F(team_rec, decision_issuer), NULL, 0},
    {"--status", F(team_rec, status), CHOICES_TEAM_STATUS, 0},
    {"--note", F(team_rec, note), NULL, 0},
    {NULL, 0, 0, NULL, 0},
};
/* A member's options: one per catalogue field that has one (fields.h); a
 * yes/no field is a flag. */
static void member_opts(add_opt *opts, size_t max)
{
    size_t n = 0;
    for (const field_def *f = record_kind_of("member")->fields; f->column && n + 1 < max; f++) {
        if (!f->option || !field_is_content(f) || f->type == FIELD_COUNT)
            continue;
        opts[n++] = (add_opt){f->option, f->off, f->type == FIELD_BOOL ? 0 : f->size, f->choices,
                              f->type == FIELD_DATE && !(f->flags & FIELD_YEAR)};
    }
    opts[n] = (add_opt){NULL, 0, 0, NULL, 0};
}
static const add_opt EXTRA_OPTS[] = {
    {"--area", X(area), NULL, 0},
    {"--team", X(team), NULL, 0},
    {"--role", X(role), CHOICES_ROLE, 0},
    {"--since", X(since), NULL, 1},
    {"--yes", offsetof(add_extra, yes), 0, NULL, 0},
    {NULL, 0, 0, NULL, 0},
};

/* Stores one option's value. Returns 0, or 2 after a usage message. */
static int store(const add_opt *o, char *base, const char *value)
{
    char *dst = base + o->off;
    if (o->choices) {
        const char *code = choice_match(o->choices, value);
        if (!code)
            return cli_usage("add", _("'%s' is not an allowed value for %s"), value, o->flag);
        value = code;
    }
    char iso[11];
    if (o->is_date) {
        valid_result vr;
        if (validate_date(value, iso, &vr) == VALID_ERROR)
            return cli_usage("add", "%s: %s", o->flag, vr.msg);
        value = iso;
    }
    if (strlen(value) >= o->size)
        return cli_usage("add", _("%s is too long (at most %zu bytes)"), o->flag, o->size - 1);
    snprintf(dst, o->size, "%s", value);
    return 0;
}

/* The most options an `add` takes. */
#define MAX_OPTS 48

/* Parses NAME and the options (cli_parse_opts: "--opt VALUE" or "--opt=VALUE")
 * into rec (the name field at name_off) and ex. Returns 0, or 2 after a usage
 * message. */
static int parse(int argc, char **argv, const add_opt *opts, char *rec, size_t name_off,
                 size_t name_size, add_extra *ex, const char *const *extras_allowed)
{
    const add_opt *which[MAX_OPTS];
    char *base[MAX_OPTS];
    const char *value[MAX_OPTS] = {0};
    bool flag[MAX_OPTS] = {0};
    cli_opt copts[MAX_OPTS + 1];
    int n = 0;
    for (int j = 0; opts[j].flag && n < MAX_OPTS; j++, n++)
        which[n] = &opts[j], base[n] = rec;
    for (int j = 0; EXTRA_OPTS[j].flag; j++)
        for (int k = 0; extras_allowed[k] && n < MAX_OPTS; k++)
            if (strcmp(EXTRA_OPTS[j].flag, extras_allowed[k]) == 0)
                which[n] = &EXTRA_OPTS[j], base[n++] = (char *)ex;
    for (int i = 0; i < n; i++)
        copts[i] = which[i]->size ? (cli_opt){which[i]->flag, &value[i], NULL}
                                  : (cli_opt){which[i]->flag, NULL, &flag[i]};
    copts[n] = (cli_opt){NULL, NULL, NULL};
    const char *name = NULL;
    int npos = cli_parse_opts("add", argc, argv, copts, &name, 1);
    if (npos < 0)
        return 2;
    if (npos == 0)
        return cli_usage("add", _("'add %s' needs the name first"), argv[0]);
    if (strlen(name) >= name_size)
        return cli_usage("add", _("the name is too long (at most %zu bytes)"), name_size - 1);
    snprintf(rec + name_off, name_size, "%s", name);
    for (int i = 0; i < n; i++) {
        int rc = 0;
        if (!which[i]->size && flag[i])
            *(int *)(base[i] + which[i]->off) = 1;
        else if (which[i]->size && value[i])
            rc = store(which[i], base[i], value[i]);
        if (rc)
            return rc;
    }
    return 0;
}

/* The label of a finding's field for a record of table (a member's findings
 * may be about its membership), or "" for a finding about the whole record. */
static const char *field_words(const char *table, const char *field)
{
    const field_def *d = field[0] ? field_of(table, field) : NULL;
    if (!d && field[0])
        d = field_of("membership", field);
    return d ? field_def_label(d) : field;
}

/* Prints the findings, each with its field's label; returns the exit code of
 * the save (0 when saved). */
static int report(const char *table, int rc, const findings *f, const cdtt_err *e, int yes, const char *uuid)
{
    for (int i = 0; i < f->n; i++) {
        const char *label = field_words(table, f->items[i].field);
        cli_print_safe(stderr, "cdtt: %s: %s%s%s\n",
                       f->items[i].severity == VALID_ERROR ? _("error") : _("warning"), label,
                       label[0] ? ": " : "", f->items[i].msg);
    }
    if (rc == 0) {
        printf("%s\n", uuid);
        return 0;
    }
    if (findings_worst(f) == VALID_WARN && !yes)
        fprintf(stderr, _("cdtt: nothing was saved; add --yes to save it anyway\n"));
    else if (f->n == 0)
        cli_fail("%s", e->msg);
    return 1;
}

static int cmd_add_area(cli_ctx *ctx, int argc, char **argv)
{
    static const char *const extras[] = {"--yes", NULL};
    area_rec r;
    add_extra ex = {0};
    area_init(&r);
    int rc = parse(argc, argv, AREA_OPTS, (char *)&r, F(area_rec, name), &ex, extras);
    if (rc)
        return rc;
    sqlite3 *db = cli_open_db(ctx, DB_CREATE);
    if (!db)
        return 1;
    findings f = {.n = 0};
    cdtt_err e = {{0}};
    rc = area_save(db, &r, ex.yes, &f, &e);
    return report("area", rc, &f, &e, ex.yes, r.uuid);
}

static int cmd_add_team(cli_ctx *ctx, int argc, char **argv)
{
    static const char *const extras[] = {"--area", "--yes", NULL};
    team_rec r;
    add_extra ex = {0};
    team_init(&r);
    r.level[0] = '\0';
    int rc = parse(argc, argv, TEAM_OPTS, (char *)&r, F(team_rec, name), &ex, extras);
    if (rc)
        return rc;
    sqlite3 *db = cli_open_db(ctx, DB_CREATE);
    if (!db)
        return 1;
    if (ex.area[0] && cli_find_area(db, ex.area, NULL, 0, r.area_uuid))
        return 1;
    if (!r.level[0])
        snprintf(r.level, sizeof r.level, "%s", ex.area[0] ? "village" : "commune");
    findings f = {.n = 0};
    cdtt_err e = {{0}};
    rc = team_save(db, &r, ex.yes, &f, &e);
    return report("team", rc, &f, &e, ex.yes, r.uuid);
}

static int cmd_add_member(cli_ctx *ctx, int argc, char **argv)
{
    static const char *const extras[] = {"--team", "--area", "--role", "--since", "--yes", NULL};
    member_rec r;
    add_extra ex = {0};
    add_opt opts[MAX_OPTS];
    member_init(&r);
    member_opts(opts, sizeof opts / sizeof opts[0]);
    int rc = parse(argc, argv, opts, (char *)&r, F(member_rec, full_name), &ex, extras);
    if (rc)
        return rc;
    if (ex.role[0] && !ex.team[0])
        return cli_usage("add", _("--role needs --team"));
    if (ex.since[0] && !ex.team[0])
        return cli_usage("add", _("--since needs --team (it is the date the member joined it)"));
    if (ex.area[0] && !ex.team[0])
        return cli_usage("add", _("--area needs --team (it says which village's team)"));
    sqlite3 *db = cli_open_db(ctx, DB_CREATE);
    if (!db)
        return 1;
    char team[UUID_LEN], area[UUID_LEN];
    if (ex.area[0] && cli_find_area(db, ex.area, NULL, 0, area))
        return 1;
    if (ex.team[0] && cli_find_team(db, ex.team, ex.area[0] ? area : NULL, NULL, 0, team))
        return 1;
    findings f = {.n = 0};
    cdtt_err e = {{0}};
    rc = ex.team[0] ? member_save_in_team_since(db, &r, team, ex.role[0] ? ex.role : "member", ex.since, ex.yes,
                                                &f, &e)
                    : member_save(db, &r, ex.yes, &f, &e);
    return report("member", rc, &f, &e, ex.yes, r.uuid);
}

/* The commands' entries (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_ADD_AREA = {"add", "area", cmd_add_area, N_("NAME [--kind KIND] [--note TEXT] [--yes]"),
 N_("add a village or residential group")};
const cli_command CMD_ADD_TEAM = {"add", "team", cmd_add_team,
 N_("NAME [--area NAME] [--level commune|village|group] [--decision-no NO] [--decision-date D] "
    "[--issuer TEXT] [--status S] [--yes]"),
 N_("add a team (commune-level when no --area is given)")};
const cli_command CMD_ADD_MEMBER = {"add", "member", cmd_add_member,
 N_("NAME [--team NAME [--area NAME] [--role leader|deputy|member] [--since D]] [--gender G] [--birth D] [--phone P] "
    "[--cccd N] [--email E] [--category C] [--youth-union] [--consent] [--consent-date D] "
    "[--mooc S] [--mooc-date D] [--zalo-date D] [--note TEXT] [--yes]"),
 N_("add a member, optionally into a team")};
