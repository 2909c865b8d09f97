/* add-record.c — the end every `… add` subcommand without findings shares:
 * open the database, add the record, print its uuid. */
#include "cli.h"

#include <stdio.h>

int cli_add_record(cli_ctx *ctx, cli_add_fn add, const void *rec)
{
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    char uuid[37];
    cdtt_err e;
    if (add(db, rec, uuid, &e) < 0)
        return cli_fail("%s", e.msg);
    printf("%s\n", uuid);
    return 0;
}
