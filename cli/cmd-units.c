/* cmd-units.c — `cdtt units import FILE.csv [--scheme S]` and
 * `cdtt units list [--under CODE] [--scheme S] [--format text|csv]`. */
#include "cli.h"
#include "commands.h"
#include "csv.h"
#include "db.h"
#include "text.h"
#include "units.h"

#include <stdio.h>
#include <string.h>

/* Prints s shown safely (cli_shown), padded with spaces to cols terminal
 * columns (cut when longer). */
static void print_cell(const char *s, int cols)
{
    s = cli_shown(s);
    size_t fit = text_fit(s, cols);
    fwrite(s, 1, fit, stdout);
    for (int w = text_width(s) > cols ? cols : text_width(s); w < cols; w++)
        putchar(' ');
}

/* The translated name of a level, for people. */
static const char *level_label(const char *level)
{
    int l = units_level_of(level);
    return l >= 0 ? _(units_level_name((enum unit_level)l)) : level;
}

static void print_counts(const units_import_result *r)
{
    const char *head[] = {"", _("added"), _("changed"), _("unchanged")};
    for (int i = 0; i < 3; i++)
        print_cell(head[i], 12);
    printf("%s\n", head[3]);
    for (int l = 0; l < UNIT_LEVELS; l++) {
        if (r->added[l] + r->changed[l] + r->unchanged[l] == 0)
            continue;
        print_cell(_(units_level_name((enum unit_level)l)), 12);
        printf("%-11ld %-11ld %ld\n", r->added[l], r->changed[l], r->unchanged[l]);
    }
}

static int cmd_units_import(cli_ctx *ctx, int argc, char **argv)
{
    const char *scheme = NULL, *file = NULL;
    const cli_opt opts[] = {{"--scheme", &scheme, NULL}, {NULL, NULL, NULL}};
    int n = cli_parse_opts("units import", argc, argv, opts, &file, 1);
    if (n < 0)
        return 2;
    if (n == 0)
        return cli_usage("units import", _("which file? cdtt units import FILE.csv [--scheme S]"));
    if (scheme && !units_scheme_valid(scheme))
        return cli_usage("units import", _("the scheme must be 2025-07 or pre-2025, not '%s'"), scheme);
    sqlite3 *db = cli_open_db(ctx, DB_CREATE);
    if (!db)
        return 1;
    units_import_result r;
    cdtt_err e;
    if (units_import_csv(db, file, scheme, &r, &e) < 0) {
        cli_fail("%s", e.msg);
        fprintf(stderr, _("Nothing was imported; the file is unchanged.\n"));
        return 1;
    }
    printf(_("%s: %ld rows of the %s list read.\n"), cli_shown(file), r.rows, r.scheme);
    print_counts(&r);
    long touched = 0;
    for (int l = 0; l < UNIT_LEVELS; l++)
        touched += r.added[l] + r.changed[l];
    if (touched == 0)
        printf(_("Nothing changed: every unit was already there.\n"));
    return 0;
}

typedef struct {
    bool csv;
} list_state;

static int print_unit(const unit_rec *u, void *arg)
{
    const list_state *s = arg;
    if (s->csv) {
        const char *f[] = {u->scheme, u->level, u->code, u->name, u->kind, u->parent_code, u->province_code};
        csv_write_row(stdout, f, 7, ',');
        return 0;
    }
    print_cell(level_label(u->level), 10);
    putchar(' ');
    print_cell(u->code, 6);
    putchar(' ');
    if (u->parent_code[0]) {
        print_cell(u->name, 40);
        printf(" %s", cli_shown(u->parent_code));
    } else {
        fputs(cli_shown(u->name), stdout);
    }
    putchar('\n');
    return 0;
}

/* True when a unit with this code exists in scheme (NULL = either scheme). */
static bool unit_exists(sqlite3 *db, const char *scheme, const char *code, cdtt_err *e)
{
    static const char *const schemes[] = {"2025-07", "pre-2025"};
    unit_rec u;
    for (int i = 0; i < 2; i++)
        if ((!scheme || strcmp(scheme, schemes[i]) == 0) && units_find(db, schemes[i], code, &u, e) == 1)
            return true;
    return false;
}

static int cmd_units_list(cli_ctx *ctx, int argc, char **argv)
{
    const char *scheme = NULL, *under = NULL, *format = "text";
    const cli_opt opts[] = {
        {"--scheme", &scheme, NULL},
        {"--under", &under, NULL},
        {"--format", &format, NULL},
        {NULL, NULL, NULL},
    };
    if (cli_parse_opts("units list", argc, argv, opts, NULL, 0) < 0)
        return 2;
    if (scheme && !units_scheme_valid(scheme))
        return cli_usage("units list", _("the scheme must be 2025-07 or pre-2025, not '%s'"), scheme);
    if (strcmp(format, "text") != 0 && strcmp(format, "csv") != 0)
        return cli_usage("units list", _("--format must be text or csv, not '%s'"), format);
    if (under && units_level_of_code(under) < 0)
        return cli_usage("units list", _("'%s' is not a unit code (2, 3 or 5 digits)"), under);
    sqlite3 *db = cli_open_db(ctx, DB_CREATE);
    if (!db)
        return 1;
    cdtt_err e;
    if (under && !unit_exists(db, scheme, under, &e))
        return cli_fail(_("there is no unit %s in the imported lists; see 'cdtt units list'"), under);
    list_state s = {strcmp(format, "csv") == 0};
    if (s.csv) {
        const char *h[] = {"scheme", "level", "code", "name", "kind", "parent_code", "province_code"};
        csv_write_row(stdout, h, 7, ',');
    }
    if (units_list(db, scheme, under, print_unit, &s, &e) < 0)
        return cli_fail("%s", e.msg);
    return 0;
}

/* The commands' entries (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_UNITS_IMPORT = {"units", "import", cmd_units_import, N_("FILE.csv [--scheme 2025-07|pre-2025]"),
 N_("import an official list of provinces, districts and communes")};
const cli_command CMD_UNITS_LIST = {"units", "list", cmd_units_list, N_("[--under CODE] [--scheme S] [--format text|csv]"),
 N_("list the administrative units (all, or those under CODE)")};
