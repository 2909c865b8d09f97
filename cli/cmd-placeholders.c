/* cmd-placeholders.c — TEMPORARY: commands not written yet. Each is replaced by cli/cmd-NAME.c. */
#include "cli.h"
int cmd_init(cli_ctx *ctx, int argc, char **argv) { (void)ctx; (void)argc; (void)argv; return cli_fail("init: not written yet"); }
int cmd_check(cli_ctx *ctx, int argc, char **argv) { (void)ctx; (void)argc; (void)argv; return cli_fail("not written yet"); }
