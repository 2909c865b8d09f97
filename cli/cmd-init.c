/* cmd-init.c — `cdtt init --office CODE|--national [--scheme S] [--name NAME]
 * [--force]`: which commune (district, province, or the nation: 00) owns this file. */
#include "check.h"
#include "cli.h"
#include "commands.h"
#include "db.h"
#include "keys.h"
#include "office.h"
#include "units.h"
#include "validate.h"

#include <stdio.h>
#include <string.h>

/* The code of the national office: above every province. */
#define NATIONAL_CODE "00"

/* Fills o as the national office of scheme (named name, or "Toàn quốc"). */
static int national_office(const char *scheme, const char *name, office_rec *o)
{
    snprintf(o->scheme, sizeof o->scheme, "%s", scheme);
    snprintf(o->code, sizeof o->code, "%s", NATIONAL_CODE);
    snprintf(o->level, sizeof o->level, "national");
    valid_result r;
    if (validate_name(name ? name : "Toàn quốc", o->name, sizeof o->name, &r) != VALID_OK)
        return cli_usage("init", "--name: %s", r.msg);
    return 0;
}

/* Fills o from the imported list, or from the code and --name when the list is
 * missing. Returns 0, or an exit code after printing why not. */
static int resolve_office(sqlite3 *db, const char *scheme, const char *code, const char *name, office_rec *o)
{
    if (strcmp(code, NATIONAL_CODE) == 0)
        return national_office(scheme, name, o);
    int level = units_level_of_code(code);
    if (level < 0)
        return cli_usage("init", _("'%s' is not a unit code: 2 digits for a province, 3 for a district, "
                                   "5 for a commune (keep the leading zeros)"),
                         code);
    if (level == UNIT_DISTRICT && strcmp(scheme, "2025-07") == 0)
        return cli_usage("init", _("the 2025-07 scheme has no districts; a 3-digit code needs --scheme pre-2025"));
    snprintf(o->scheme, sizeof o->scheme, "%s", scheme);
    snprintf(o->code, sizeof o->code, "%s", code);
    unit_rec u;
    cdtt_err e;
    int found = units_find(db, scheme, code, &u, &e);
    if (found < 0)
        return cli_fail("%s", e.msg);
    if (!found && units_count(db, scheme, -1) > 0)
        return cli_fail(_("there is no unit %s in the %s list; check the code with 'cdtt units list'"), code,
                        scheme);
    if (!found && !name)
        return cli_fail(_("no list of units of the %s scheme is imported, so the name of %s is unknown: give it "
                          "with --name NAME, or import the list first with 'cdtt units import FILE.csv'"),
                        scheme, code);
    snprintf(o->level, sizeof o->level, "%s", units_level_name((enum unit_level)level));
    valid_result r;
    if (validate_name(name ? name : u.name, o->name, sizeof o->name, &r) != VALID_OK)
        return cli_usage("init", "--name: %s", r.msg);
    return 0;
}

static int cmd_init(cli_ctx *ctx, int argc, char **argv)
{
    const char *code = NULL, *scheme = "2025-07", *name = NULL;
    bool force = false, national = false;
    const cli_opt opts[] = {
        {"--office", &code, NULL},
        {"--national", NULL, &national},
        {"--scheme", &scheme, NULL},
        {"--name", &name, NULL},
        {"--force", NULL, &force},
        {NULL, NULL, NULL},
    };
    if (cli_parse_opts("init", argc, argv, opts, NULL, 0) < 0)
        return 2;
    if (national && code && strcmp(code, NATIONAL_CODE) != 0)
        return cli_usage("init", _("--national is the office 00; give one of them"));
    if (national)
        code = NATIONAL_CODE;
    if (!code)
        return cli_usage("init", _("which office? cdtt init --office CODE (the commune's 5-digit code)"));
    if (!units_scheme_valid(scheme))
        return cli_usage("init", _("the scheme must be 2025-07 or pre-2025, not '%s'"), scheme);
    sqlite3 *db = cli_open_db(ctx, DB_CREATE);
    if (!db)
        return 1;
    cdtt_err e;
    int loaded = units_ensure(db, scheme, &e);
    if (loaded < 0)
        return cli_fail("%s", e.msg);
    if (loaded)
        printf(_("The official unit list of the %s scheme built into cdtt is now in this file "
                 "(cdtt units import FILE.csv takes a newer one).\n"), scheme);
    office_rec o, old;
    memset(&o, 0, sizeof o);
    int rc = resolve_office(db, scheme, code, name, &o);
    if (rc != 0)
        return rc;
    bool had = office_get(db, &old) == 0;
    bool other = had && (strcmp(old.scheme, o.scheme) != 0 || strcmp(old.code, o.code) != 0);
    if (other && !force && check_record_count(db) != 0)
        return cli_fail(_("this file belongs to %s %s (%s) and already holds records; to make it %s's "
                          "anyway, add --force"),
                        old.code, old.name, old.scheme, o.name);
    long long rekeyed = 0;
    if (office_change(db, &o, &rekeyed, &e) < 0)
        return cli_fail("%s", e.msg);
    printf(_("This file now belongs to %s %s %s (scheme %s).\n"), _(o.level), o.code, cli_shown(o.name),
           o.scheme);
    if (rekeyed)
        cli_print_safe(stdout, _("The %lld records in this file have new identities, and those of %s %s now belong to %s: the "
                                 "level above takes them as %s's own records, never as changes to the records of %s.\n"),
                       rekeyed, old.code, old.name, o.name, o.name, old.name);
    if (other)
        printf(_("This file has a new key (cdtt keys show): the offices above must trust it for the new office.\n"));
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_INIT = {"init", NULL, cmd_init, N_("--office CODE|--national [--scheme 2025-07|pre-2025] [--name NAME] [--force]"),
 N_("say which commune (or district, province) owns this file")};
