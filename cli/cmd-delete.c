/* cmd-delete.c — `cdtt delete|undelete member|team|area WHO`: marks a
 * record deleted or restores it (see records.h for the rules). WHO is a uuid,
 * or for a team or area also its name. */
#include "cli.h"
#include "commands.h"
#include "records.h"

#include <stdio.h>
#include <string.h>

/* The record's table from the kind word (argv[0]), or NULL. */
static const char *table_of(const char *word)
{
    static const char *const TABLES[] = {"member", "team", "area", NULL};
    for (int i = 0; TABLES[i]; i++)
        if (strcmp(TABLES[i], word) == 0)
            return TABLES[i];
    return NULL;
}

/* Whether who has the shape of a uuid (8-4-4-4-12 hexadecimal digits). */
static int looks_like_uuid(const char *who)
{
    for (int i = 0; i < 36; i++) {
        char c = who[i];
        int dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return 0;
    }
    return who[36] == '\0';
}

/* Finds the uuid of who: a uuid as it is; for a team or area also a name,
 * looked up among live records (delete) or deleted ones (undelete). Returns 0,
 * or 1 after saying why no single record has that name. */
static int resolve(sqlite3 *db, const char *table, const char *who, int deleted, char uuid[UUID_LEN])
{
    if (looks_like_uuid(who) || strcmp(table, "member") == 0) {
        snprintf(uuid, UUID_LEN, "%s", who);
        return 0;
    }
    return strcmp(table, "team") == 0 ? cli_find_team(db, who, NULL, NULL, deleted, uuid)
                                      : cli_find_area(db, who, NULL, deleted, uuid);
}

static int run(cli_ctx *ctx, int argc, char **argv, int undelete)
{
    const char *table = table_of(argv[0]);
    const char *pos[1];
    cli_opt opts[] = {{NULL, NULL, NULL}};
    int n = cli_parse_opts(undelete ? "undelete" : "delete", argc, argv, opts, pos, 1);
    if (n < 0)
        return 2;
    if (n != 1 || !table)
        return cli_usage(undelete ? "undelete" : "delete", _("say which record (its uuid, or a team's or area's name)"));
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    char uuid[UUID_LEN];
    if (resolve(db, table, pos[0], undelete, uuid))
        return 1;
    cdtt_err e = {{0}};
    int rc = undelete ? record_undelete(db, table, uuid, &e) : record_delete(db, table, uuid, &e);
    return rc == 0 ? 0 : cli_fail("%s", e.msg);
}

static int cmd_delete(cli_ctx *ctx, int argc, char **argv)
{
    return run(ctx, argc, argv, 0);
}

static int cmd_undelete(cli_ctx *ctx, int argc, char **argv)
{
    return run(ctx, argc, argv, 1);
}

/* The commands' entries (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_DELETE_MEMBER = {"delete", "member", cmd_delete, N_("UUID"), N_("delete a member (it leaves its teams today)")};
const cli_command CMD_DELETE_TEAM = {"delete", "team", cmd_delete, N_("UUID|NAME"), N_("delete a team that has no members left")};
const cli_command CMD_DELETE_AREA = {"delete", "area", cmd_delete, N_("UUID|NAME"), N_("delete a village or group that has no teams left")};
const cli_command CMD_UNDELETE_MEMBER = {"undelete", "member", cmd_undelete, N_("UUID"), N_("restore a deleted member and its teams")};
const cli_command CMD_UNDELETE_TEAM = {"undelete", "team", cmd_undelete, N_("UUID|NAME"), N_("restore a deleted team")};
const cli_command CMD_UNDELETE_AREA = {"undelete", "area", cmd_undelete, N_("UUID|NAME"), N_("restore a deleted village or group")};
