/* cmd-activity.c — `cdtt activity add`: what a team did, as counts. */
#include "cli.h"
#include "commands.h"
#include "progress.h"
#include "training.h"
#include "validate.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A count typed as digits (0 ... 10^9); -1 when it is not one. */
static long parse_count(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < 0 || v > 1000000000L)
        return -1;
    return v;
}

/* Adds the activity rec (cli_add_fn). */
static int add_activity(sqlite3 *db, const void *rec, char uuid[37], cdtt_err *e)
{
    return activity_add(db, (const activity_rec *)rec, uuid, e);
}

static int cmd_activity_add(cli_ctx *ctx, int argc, char **argv)
{
    const char *team = NULL, *date = NULL, *type = NULL, *people = "0", *households = "0", *note = "";
    const cli_opt opts[] = {
        {"--team", &team, NULL}, {"--date", &date, NULL}, {"--type", &type, NULL},
        {"--people", &people, NULL}, {"--households", &households, NULL}, {"--note", &note, NULL},
        {NULL, NULL, NULL},
    };
    if (cli_parse_opts("activity add", argc, argv, opts, NULL, 0) < 0)
        return 2;
    if (!team || !date || !type)
        return cli_usage("activity add", _("--team, --date and --type are required"));
    activity_rec a;
    memset(&a, 0, sizeof a);
    if (cli_date_arg("activity add", date, a.date))
        return 2;
    a.people = parse_count(people);
    a.households = parse_count(households);
    if (a.people < 0 || a.households < 0)
        return cli_usage("activity add", _("--people and --households must be whole numbers, 0 or more"));
    if (cli_text_arg("--team", team, a.team_uuid, sizeof a.team_uuid) ||
        cli_text_arg("--type", type, a.type, sizeof a.type) || cli_text_arg("--note", note, a.note, sizeof a.note))
        return 1;
    return cli_add_record(ctx, add_activity, &a);
}

static int cmd_activity_summary(cli_ctx *ctx, int argc, char **argv)
{
    const char *from_s = NULL, *to_s = NULL, *fmt_s = "text";
    const cli_opt opts[] = {
        {"--from", &from_s, NULL}, {"--to", &to_s, NULL}, {"--format", &fmt_s, NULL}, {NULL, NULL, NULL},
    };
    if (cli_parse_opts("activity summary", argc, argv, opts, NULL, 0) < 0)
        return 2;
    char from[11], to[11];
    report_format fmt;
    if (report_format_parse(fmt_s, &fmt) < 0)
        return cli_usage("activity summary", _("--format must be text, csv or json, not '%s'"), fmt_s);
    if (to_s ? cli_date_arg("activity summary", to_s, to) : (date_today(to), 0))
        return 2;
    if (from_s ? cli_date_arg("activity summary", from_s, from) : (snprintf(from, sizeof from, "%.8s01", to), 0))
        return 2;
    if (strcmp(from, to) > 0)
        return cli_usage("activity summary", _("--from must not be after --to"));
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    activity_summary s;
    cdtt_err e;
    if (activity_summarise(db, from, to, &s, &e) < 0)
        return cli_fail("%s", e.msg);
    report_activity_write(stdout, &s, from, to, fmt);
    return 0;
}

/* The commands' entries (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_ACTIVITY_ADD = {"activity", "add", cmd_activity_add,
 N_("--team TEAM-ID --date DATE --type TYPE [--people N] [--households N] [--note TEXT]"),
 N_("record a team's activity (counts of people and households helped only)")};
const cli_command CMD_ACTIVITY_SUMMARY = {"activity", "summary", cmd_activity_summary, N_("[--from DATE] [--to DATE] [--format text|csv|json]"),
 N_("activities by type, people and households helped, sessions held (this month by default)")};
