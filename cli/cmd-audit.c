/* cmd-audit.c — `cdtt audit [--record UUID] [--since DATE] [--office CODE]
 * [--format text|csv] [--full]`: who changed what, when, in words. */
#include "audit-read.h"
#include "cli.h"
#include "commands.h"
#include "csv.h"

#include <stdio.h>
#include <string.h>

/* Text: a heading line per entry, then one indented line per changed field. */
static int print_text(const audit_entry *en, void *arg)
{
    (void)arg;
    printf("%s  %s  %s %s%s%s  %s\n", en->at, en->os_user, en->kind, en->name, en->name[0] ? " " : "",
           en->uuid, en->action_text);
    for (int i = 0; i < en->n_changes; i++) {
        const audit_change *c = &en->changes[i];
        if (strcmp(en->action, "insert") == 0)
            printf("    %s: %s\n", c->label, c->new_text);
        else
            printf("    %s: %s → %s\n", c->label, c->old_text, c->new_text);
    }
    return 0;
}

/* CSV: one row per changed field (an entry that changed no field gets one row). */
static int print_csv(const audit_entry *en, void *arg)
{
    (void)arg;
    for (int i = 0; i < (en->n_changes ? en->n_changes : 1); i++) {
        const audit_change *c = en->n_changes ? &en->changes[i] : NULL;
        const char *row[] = {en->at, en->os_user, en->office, en->kind, en->uuid, en->name, en->action_text,
                             c ? c->label : "", c ? c->old_text : "", c ? c->new_text : ""};
        csv_write_row(stdout, row, 10, ',');
    }
    return 0;
}

static int cmd_audit(cli_ctx *ctx, int argc, char **argv)
{
    const char *record = NULL, *since_s = NULL, *office = NULL, *format = "text";
    bool full = false;
    const cli_opt opts[] = {
        {"--record", &record, NULL}, {"--since", &since_s, NULL}, {"--office", &office, NULL},
        {"--format", &format, NULL}, {"--full", NULL, &full},     {NULL, NULL, NULL},
    };
    if (cli_parse_opts("audit", argc, argv, opts, NULL, 0) < 0)
        return 2;
    int csv = strcmp(format, "csv") == 0;
    if (!csv && strcmp(format, "text") != 0)
        return cli_usage("audit", _("--format must be text or csv, not '%s'"), format);
    char since[11];
    if (since_s && cli_date_arg("audit", since_s, since))
        return 2;
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    audit_query q = {record, since_s ? since : NULL, office, full, 0, 0};
    if (csv) {
        const char *head[] = {_("When (UTC)"), _("OS user"), _("Office"), _("Kind"), _("Record id"), _("Name"),
                              _("Action"), _("Field"), _("Old value"), _("New value")};
        csv_write_row(stdout, head, 10, ',');
    }
    cdtt_err e;
    long n = audit_read(db, &q, csv ? print_csv : print_text, NULL, &e);
    if (n < 0)
        return cli_fail("%s", e.msg);
    if (!csv && n == 0)
        printf("%s\n", _("No change recorded matches."));
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_AUDIT = {"audit", NULL, cmd_audit, N_("[--record UUID] [--since DATE] [--office CODE] [--format text|csv] [--full]"),
 N_("who changed what and when, field by field (phone, CCCD and e-mail hidden unless --full)")};
