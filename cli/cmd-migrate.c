/* cmd-migrate.c — `cdtt migrate --to 2025-07`: a pre-2025 commune's file becomes
 * the file of the new commune its old commune went into on 1 July 2025. */
#include "cli.h"
#include "commands.h"
#include "migrate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Places the villages named by --place 'NAME=CODE' and --place-file. Returns 0,
 * or prints why and returns 1 (2 for a badly written --place). */
static int place_all(migrate_plan *p, const char **places, int n, const char *file)
{
    cdtt_err e;
    for (int i = 0; i < n; i++) {
        const char *eq = strrchr(places[i], '=');
        if (!eq || eq == places[i])
            return cli_usage("migrate", _("--place is written 'NAME=CODE', e.g. 'Thôn 5=00008'"));
        char name[512];
        snprintf(name, sizeof name, "%.*s", (int)(eq - places[i]), places[i]);
        if (migrate_place(p, name, eq + 1, &e) < 0)
            return cli_fail("%s", e.msg);
    }
    if (file && migrate_place_file(p, file, &e) < 0)
        return cli_fail("%s", e.msg);
    return 0;
}

/* Prints a line of the summary. */
static void print_line(void *user, const char *text)
{
    cli_print_safe(user, "%s\n", text);
}

static int cmd_migrate(cli_ctx *ctx, int argc, char **argv)
{
    char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
    const char **places = xcalloc((size_t)argc + 1, sizeof *places);
    int nrest = 0, rc = 0;
    int nplaces = cli_take_repeated("migrate", argc, argv, "--place", rest, &nrest, places);
    const char *to = NULL, *commune = NULL, *place_file = NULL, *backup = NULL, *packages = NULL;
    const cli_opt opts[] = {{"--to", &to, NULL},         {"--commune", &commune, NULL},
                            {"--place-file", &place_file, NULL}, {"--backup", &backup, NULL},
                            {"--packages", &packages, NULL},     {NULL, NULL, NULL}};
    const char *pos[1];
    if (nplaces < 0 || cli_parse_opts("migrate", nrest, rest, opts, pos, 0) < 0)
        rc = 2;
    else if (!to || strcmp(to, "2025-07") != 0)
        rc = cli_usage("migrate", _("say where to: --to 2025-07 (the list of units in force since 1 July 2025)"));
    sqlite3 *db = rc ? NULL : cli_open_db(ctx, 0);
    if (!rc && !db)
        rc = 1;
    migrate_plan p;
    cdtt_err e;
    if (!rc && migrate_plan_read(db, commune, &p, &e) < 0)
        rc = cli_fail("%s", e.msg);
    else if (!rc) {
        rc = place_all(&p, places, nplaces, place_file);
        migrate_opts o = {.backup = backup, .packages_dir = packages};
        migrate_result r;
        if (!rc && migrate_run(db, ctx->db_path, &p, &o, &r, &e) < 0)
            rc = cli_fail(_("%s. The file was not changed."), e.msg);
        else if (!rc)
            migrate_summary_lines(&p, &r, print_line, stdout);
        migrate_plan_free(&p);
    }
    free(rest);
    free(places);
    return rc;
}

const cli_command CMD_MIGRATE = {
    "migrate", NULL, cmd_migrate,
    N_("--to 2025-07 [--commune CODE] [--place 'NAME=CODE']... [--place-file FILE.csv] [--backup FILE] "
       "[--packages FOLDER]"),
    N_("turn a pre-2025 commune's file into the file of the new commune it went into on 1 July 2025")};
