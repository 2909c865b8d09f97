/* cmd-list.c — `cdtt list members|teams|areas`: the records in list order, as
 * aligned text or as CSV with stable columns, personal data masked unless --full
 * (field_shown: the same rule as exports). */
#include "cli.h"
#include "commands.h"
#include "choices.h"
#include "csv.h"
#include "db.h"
#include "fields.h"
#include "progress.h"
#include "records.h"
#include "text.h"
#include "validate.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS 32
#define CELL 1100

typedef struct {
    int csv;
    const char *search, *team, *area, *commune;
    bool deleted, full;
    int consolidated; /* the office is above a commune: each row says its commune */
    int widths[MAX_COLS]; /* text columns: the kind's widths, widened to fit the headers */
} list_opts;

typedef char cell_row[MAX_COLS][CELL];

/* One kind of list: its records (record_list) and how its rows become cells. */
typedef struct {
    const char *table; /* member team area: record_list_of */
    const char *const *csv_cols;
    int n_csv;
    const char *const *text_cols; /* English labels, translated on output */
    const int *widths;            /* column widths of the text form (the last one unlimited) */
    int n_text;
    /* Fills the cells of one row: the CSV columns, or the text columns. */
    void (*cells)(sqlite3 *db, const void *row, const list_opts *o, cell_row out);
} list_kind;

/* s as it is when shown, else masked: "0912345678" → "09******78" (the first
 * and last two characters kept). */
static void mask(const char *s, int shown, char *out, size_t n)
{
    size_t len = strlen(s);
    if (shown || len == 0) {
        snprintf(out, n, "%s", s);
        return;
    }
    size_t i = 0;
    for (; i < len && i + 1 < n; i++)
        out[i] = (i < 2 || i + 2 >= len) && len > 4 ? s[i] : '*';
    out[i] = '\0';
}

static void put(cell_row out, int col, const char *s)
{
    snprintf(out[col], CELL, "%s", s ? s : "");
}

static void put_int(cell_row out, int col, long long v)
{
    snprintf(out[col], CELL, "%lld", v);
}

/* The roles of the member's current memberships, in the order of team_names. */
static void member_roles(sqlite3 *db, const char *uuid, char *out, size_t n)
{
    int count = 0;
    membership_rec *ms = membership_list_for_member(db, uuid, &count);
    out[0] = '\0';
    for (int i = 0; i < count; i++) {
        size_t len = strlen(out);
        snprintf(out + len, n - len, "%s%s", i ? ", " : "", ms[i].role);
    }
    free(ms);
}

/* Whether the member lists show catalogue field f (its one-line fields). */
static int member_listed(const field_def *f)
{
    return field_is_content(f) && !(f->flags & FIELD_LONG);
}

/* The CSV columns of the member list: uuid, the member's fields in catalogue
 * order, then its teams, roles and deletion mark. Returns their number. */
static int member_csv_columns(const char **cols)
{
    int n = 0;
    cols[n++] = "uuid";
    for (const field_def *f = record_kind_of("member")->fields; f->column && n < MAX_COLS - 3; f++)
        if (member_listed(f))
            cols[n++] = f->column;
    cols[n++] = "teams";
    cols[n++] = "roles";
    cols[n++] = "deleted";
    return n;
}

/* Field f of member m as stored, masked (mask) where the personal-data rule
 * (field_shown) withholds it. */
static void member_value(const member_rec *m, const field_def *f, const list_opts *o, char *out, size_t n)
{
    const field_def *consent = record_consent_field(record_kind_of("member"));
    const char *at = (const char *)m + f->off;
    if (f->type == FIELD_BOOL || f->type == FIELD_COUNT) {
        snprintf(out, n, "%d", *(const int *)at);
        return;
    }
    int consented = consent && *(const int *)((const char *)m + consent->off);
    mask(at, field_shown(f, consented, o->full), out, n);
}

static void member_cells(sqlite3 *db, const void *row, const list_opts *o, cell_row out)
{
    const member_rec *m = row;
    char buf[CELL];
    if (o->csv) {
        int col = 0;
        put(out, col++, m->uuid);
        for (const field_def *f = record_kind_of("member")->fields; f->column && col < MAX_COLS - 3; f++) {
            if (!member_listed(f))
                continue;
            member_value(m, f, o, buf, sizeof buf);
            put(out, col++, buf);
        }
        put(out, col++, m->team_names);
        member_roles(db, m->uuid, buf, sizeof buf);
        put(out, col++, buf);
        put_int(out, col, m->deleted);
        return;
    }
    put(out, 0, m->full_name);
    put(out, 1, m->gender[0] ? choice_label(CHOICES_GENDER, m->gender) : "");
    date_to_display(m->birth, buf);
    put(out, 2, buf);
    member_value(m, field_of("member", "phone"), o, buf, sizeof buf);
    put(out, 3, buf);
    put(out, 4, choice_label(CHOICES_MOOC_STATUS, m->mooc_status));
    put(out, 5, m->deleted ? _("deleted") : m->team_names);
}

static void team_cells(sqlite3 *db, const void *row, const list_opts *o, cell_row out)
{
    (void)db;
    const team_rec *t = row;
    if (o->csv) {
        put(out, 0, t->uuid);
        put(out, 1, t->name);
        put(out, 2, t->level);
        put(out, 3, t->area_name);
        put(out, 4, t->decision_no);
        put(out, 5, t->decision_date);
        put(out, 6, t->decision_issuer);
        put(out, 7, t->status);
        put_int(out, 8, t->n_members);
        put_int(out, 9, t->deleted);
        return;
    }
    char date[11];
    put(out, 0, t->name);
    put(out, 1, choice_label(CHOICES_TEAM_LEVEL, t->level));
    put(out, 2, t->area_name);
    put_int(out, 3, t->n_members);
    date_to_display(t->decision_date, date);
    snprintf(out[4], CELL, "%s%s%s", t->decision_no, t->decision_no[0] && date[0] ? " " : "", date);
    put(out, 5, t->deleted ? _("deleted") : choice_label(CHOICES_TEAM_STATUS, t->status));
}

static void area_cells(sqlite3 *db, const void *row, const list_opts *o, cell_row out)
{
    const area_rec *a = row;
    list_filter f = {.area_uuid = a->uuid};
    long long teams = team_count(db, &f);
    if (o->csv) {
        put(out, 0, a->uuid);
        put(out, 1, a->name);
        put(out, 2, a->kind);
        put_int(out, 3, teams);
        put_int(out, 4, a->deleted);
        return;
    }
    put(out, 0, a->name);
    put(out, 1, choice_label(CHOICES_AREA_KIND, a->kind));
    put_int(out, 2, teams);
    put(out, 3, a->deleted ? _("deleted") : "");
}

static const char *member_csv[MAX_COLS]; /* member_csv_columns */
static const char *const MEMBER_TEXT[] = {N_("Full name"), N_("Gender"), N_("Birth"), N_("Phone"),
                                          N_("Online course"), N_("Team")};
static const int MEMBER_WIDTHS[] = {28, 6, 10, 10, 14, 0};
static const char *const TEAM_CSV[] = {"uuid", "name", "level", "area", "decision_no", "decision_date",
                                       "decision_issuer", "status", "members", "deleted"};
static const char *const TEAM_TEXT[] = {N_("Team"), N_("Level"), N_("Village/group"), N_("Members"),
                                        N_("Decision"), N_("Status")};
static const int TEAM_WIDTHS[] = {30, 14, 24, 7, 24, 0};
static const char *const AREA_CSV[] = {"uuid", "name", "kind", "teams", "deleted"};
static const char *const AREA_TEXT[] = {N_("Village/group"), N_("Kind"), N_("Teams"), ""};
static const int AREA_WIDTHS[] = {30, 18, 5, 0};

#define N(a) ((int)(sizeof a / sizeof a[0]))
static list_kind KINDS[] = {
    {"member", member_csv, 0, MEMBER_TEXT, MEMBER_WIDTHS, N(MEMBER_TEXT), member_cells},
    {"team", TEAM_CSV, N(TEAM_CSV), TEAM_TEXT, TEAM_WIDTHS, N(TEAM_TEXT), team_cells},
    {"area", AREA_CSV, N(AREA_CSV), AREA_TEXT, AREA_WIDTHS, N(AREA_TEXT), area_cells},
};

/* Prints cells as one line of aligned columns: each shown safely (control
 * characters as ^[ and the like, see text_safe), cut to its width and padded
 * by display columns (Vietnamese letters take one column, wide characters two). */
static void print_aligned(const char *const *cells, const int *widths, int n)
{
    int pending = 0; /* spaces owed before the next non-empty text */
    for (int i = 0; i < n; i++) {
        char *s = text_safe(cells[i], 0);
        size_t len = widths[i] > 0 ? text_fit(s, widths[i]) : strlen(s);
        if (len > 0) {
            printf("%*s%.*s", pending, "", (int)len, s);
            pending = 0;
        }
        if (i + 1 < n) {
            s[len] = '\0';
            pending += (widths[i] > 0 ? widths[i] - text_width(s) : 0) + 2;
        }
        free(s);
    }
    printf("\n");
}

/* Width of the commune column of text lists at a consolidating office. */
#define COMMUNE_WIDTH 18

/* The columns of a row as printed: at a consolidating office the commune comes
 * first in text and last (code, name) in CSV. Returns their number. */
static int row_columns(const list_kind *k, const list_opts *o, const char *const *cells, const char *code,
                       const char *name, const char **ptrs)
{
    int n = o->csv ? k->n_csv : k->n_text, m = 0;
    if (o->consolidated && !o->csv)
        ptrs[m++] = name;
    for (int i = 0; i < n; i++)
        ptrs[m++] = cells[i];
    if (o->consolidated && o->csv) {
        ptrs[m++] = code;
        ptrs[m++] = name;
    }
    return m;
}

static void print_row(sqlite3 *db, const list_kind *k, const list_opts *o, cell_row cells, const char *uuid)
{
    const char *ptrs[MAX_COLS + 2], *in[MAX_COLS];
    char code[8] = "", name[128] = "";
    if (o->consolidated && records_commune_of(db, k->table, uuid, code, name) == 0 && !name[0])
        snprintf(name, sizeof name, "%s", code);
    for (int i = 0; i < MAX_COLS; i++)
        in[i] = cells[i];
    int n = row_columns(k, o, in, code, name, ptrs);
    if (o->csv)
        csv_write_row(stdout, ptrs, n, ',');
    else
        print_aligned(ptrs, o->widths, n);
}

static void print_header(const list_kind *k, list_opts *o)
{
    const char *ptrs[MAX_COLS + 2], *in[MAX_COLS];
    int n = o->csv ? k->n_csv : k->n_text;
    for (int i = 0; i < n; i++)
        in[i] = o->csv ? k->csv_cols[i] : (k->text_cols[i][0] ? _(k->text_cols[i]) : "");
    n = row_columns(k, o, in, "commune_code", o->csv ? "commune" : _("Commune"), ptrs);
    if (o->csv) {
        csv_write_row(stdout, ptrs, n, ',');
        return;
    }
    int shift = o->consolidated ? 1 : 0;
    if (shift)
        o->widths[0] = COMMUNE_WIDTH;
    for (int i = 0; i < k->n_text; i++) {
        int w = text_width(ptrs[i + shift]);
        o->widths[i + shift] = k->widths[i] > 0 && k->widths[i] < w ? w : k->widths[i];
    }
    print_aligned(ptrs, o->widths, n);
}

/* Reads the options after the kind word. Returns 0, or 2 after a usage message. */
static int parse_opts(const list_kind *k, int argc, char **argv, list_opts *o)
{
    memset(o, 0, sizeof *o);
    const char *format = NULL, *pos[1];
    int is_members = strcmp(k->table, "member") == 0, is_areas = strcmp(k->table, "area") == 0;
    cli_opt opts[8] = {
        {"--format", &format, NULL},
        {"--search", &o->search, NULL},
        {"--deleted", NULL, &o->deleted},
        {"--full", NULL, &o->full},
    };
    int n = 4;
    if (!is_areas)
        opts[n++] = (cli_opt){"--area", &o->area, NULL};
    if (is_members)
        opts[n++] = (cli_opt){"--team", &o->team, NULL};
    opts[n++] = (cli_opt){"--commune", &o->commune, NULL};
    opts[n] = (cli_opt){NULL, NULL, NULL};
    int npos = cli_parse_opts("list", argc, argv, opts, pos, 0);
    if (npos < 0)
        return 2;
    if (format && strcmp(format, "csv") != 0 && strcmp(format, "text") != 0)
        return cli_usage("list", _("--format must be text or csv, not '%s'"), format);
    o->csv = format && strcmp(format, "csv") == 0;
    return 0;
}

/* Turns --team/--area names into the filter's uuids. Returns 0, or 1 after a message. */
static int resolve_names(sqlite3 *db, const list_opts *o, char area[UUID_LEN], char team[UUID_LEN],
                         list_filter *f)
{
    if (o->area) {
        if (cli_find_area(db, o->area, o->commune, 0, area))
            return 1;
        f->area_uuid = area;
    }
    if (o->team) {
        if (cli_find_team(db, o->team, o->area ? area : NULL, o->commune, 0, team))
            return 1;
        f->team_uuid = team;
    }
    return 0;
}

/* What print_one needs: the list, its options and a row of cells. */
typedef struct {
    sqlite3 *db;
    const list_kind *k;
    const list_opts *o;
    cell_row *cells;
} printer;

/* Prints one record (a record_list_each callback). */
static int print_one(void *ctx, const void *row)
{
    printer *p = ctx;
    memset(p->cells, 0, sizeof *p->cells);
    p->k->cells(p->db, row, p->o, *p->cells);
    print_row(p->db, p->k, p->o, *p->cells, (const char *)row + record_list_of(p->k->table)->off_uuid);
    return 0;
}

static int run_list(cli_ctx *ctx, const list_kind *k, int argc, char **argv)
{
    list_opts o;
    int rc = parse_opts(k, argc, argv, &o);
    if (rc)
        return rc;
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    char area[UUID_LEN], team[UUID_LEN];
    list_filter f = {.search = o.search, .deleted = o.deleted ? -1 : 0, .unit_code = o.commune};
    o.consolidated = records_consolidating(db);
    if (o.commune) {
        progress_scope sc;
        cdtt_err ce;
        if (progress_scope_commune(db, o.commune, &sc, &ce) < 0)
            return cli_fail("%s", ce.msg);
    }
    if (resolve_names(db, &o, area, team, &f))
        return 1;
    cdtt_err e;
    printer pr = {db, k, &o, xmalloc(sizeof(cell_row))};
    print_header(k, &o);
    long long n = record_list_each(db, record_list_of(k->table), &f, print_one, &pr, &e);
    free(pr.cells);
    return n < 0 ? cli_fail("%s", e.msg) : 0;
}

static int cmd_list_members(cli_ctx *ctx, int argc, char **argv)
{
    KINDS[0].n_csv = member_csv_columns(member_csv);
    return run_list(ctx, &KINDS[0], argc, argv);
}

static int cmd_list_teams(cli_ctx *ctx, int argc, char **argv)
{
    return run_list(ctx, &KINDS[1], argc, argv);
}

static int cmd_list_areas(cli_ctx *ctx, int argc, char **argv)
{
    return run_list(ctx, &KINDS[2], argc, argv);
}

/* The commands' entries (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_LIST_MEMBERS = {"list", "members", cmd_list_members,
 N_("[--format text|csv] [--search TEXT] [--commune CODE] [--team NAME] [--area NAME] [--deleted] [--full]"),
 N_("list the members by given name (personal data masked unless --full)")};
const cli_command CMD_LIST_TEAMS = {"list", "teams", cmd_list_teams,
 N_("[--format text|csv] [--search TEXT] [--commune CODE] [--area NAME] [--deleted]"),
 N_("list the teams with their village or group and number of members")};
const cli_command CMD_LIST_AREAS = {"list", "areas", cmd_list_areas, N_("[--format text|csv] [--search TEXT] [--commune CODE] [--deleted]"),
 N_("list the villages and residential groups")};
