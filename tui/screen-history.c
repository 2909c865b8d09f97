/* screen-history.c — who changed what and when, in words: one record's history
 * (from its form) or the latest changes of the file (from home), read from the
 * audit log (audit-read.h) into a screen of lines. */
#include "tui-exchange.h"
#include "audit-read.h"

#include <stdio.h>
#include <string.h>

/* How many entries the latest changes show. */
#define HISTORY_LATEST 200

/* Adds one entry: a heading line, then a line per changed field. */
static int add_entry(const audit_entry *en, void *arg)
{
    lines_screen *ls = arg;
    lines_add(ls, 3, "%s  %s %s  %s  (%s)", en->at, en->kind, en->name, en->action_text, en->os_user);
    for (int i = 0; i < en->n_changes; i++) {
        const audit_change *c = &en->changes[i];
        if (strcmp(en->action, "insert") == 0)
            lines_add(ls, 0, "    %s: %s", c->label, c->new_text);
        else
            lines_add(ls, 0, "    %s: %s → %s", c->label, c->old_text, c->new_text);
    }
    return 0;
}

tui_screen *screen_history_new(tui_ctx *cx, const char *record_uuid)
{
    lines_screen *ls = lines_screen_new(cx, record_uuid ? _("History of this record") : _("Latest changes"), NULL,
                                        NULL);
    audit_query q = {0};
    q.record = record_uuid;
    q.newest_first = record_uuid == NULL;
    q.limit = record_uuid ? 0 : HISTORY_LATEST;
    cdtt_err e;
    long n = audit_read(cx->db, &q, add_entry, ls, &e);
    if (n < 0)
        lines_add(ls, 2, "%s", e.msg);
    else if (n == 0)
        lines_add(ls, 0, "%s", _("No change recorded yet."));
    return lines_base(ls);
}

tui_screen *screen_history_latest(tui_ctx *cx)
{
    return screen_history_new(cx, NULL);
}
