/* package-report.c — the words of an import's result, one line at a time, so
 * that `cdtt import` and the import screen say exactly the same. */
#include "keys.h"
#include "package.h"

#include <stdio.h>
#include <string.h>

/* A readable name of a travelling table. */
const char *package_table_label(const char *table)
{
    static const struct { const char *tbl, *label; } T[] = {
        {"area", N_("Village/group")}, {"team", N_("Team")}, {"member", N_("Member")},
        {"membership", N_("Team membership")}, {"training_session", N_("Training session")},
        {"attendance", N_("Attendance")}, {"activity", N_("Activity")},
    };
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++)
        if (strcmp(T[i].tbl, table) == 0)
            return _(T[i].label);
    return table;
}

void package_counts_text(const char *label, const package_counts *c, char *out, size_t n)
{
    snprintf(out, n, _("%s: new %lld, updated %lld, unchanged %lld, deleted %lld, refused %lld, conflicts %lld"),
             label, c->n_new, c->n_updated, c->n_unchanged, c->n_deleted, c->n_rejected, c->n_conflicts);
}

/* What the outcome adds to the counts, or NULL. */
static void outcome_line(const package_import_result *r, const char *name, package_line_fn line, void *user)
{
    char buf[1600];
    const package_manifest *m = &r->m;
    switch (r->outcome) {
    case PACKAGE_OLDER:
        snprintf(buf, sizeof buf, _("%s: older than the package already imported from %s (this is number %lld, "
                                    "number %lld was imported): nothing changed. If %s restored its file from a "
                                    "backup, import its newest package with --replace."),
                 name, m->source_name, m->sequence, r->last_sequence, m->source_name);
        line(user, PACKAGE_LINE_NOTE, buf);
        break;
    case PACKAGE_EMPTY:
        snprintf(buf, sizeof buf, _("%s: the package holds no record; %s does not count as having sent data."),
                 name, m->source_name);
        line(user, PACKAGE_LINE_NOTE, buf);
        break;
    case PACKAGE_REPLACED:
        snprintf(buf, sizeof buf, _("%s: everything this office held for %s was replaced by the package's content."),
                 name, m->source_name);
        line(user, PACKAGE_LINE_NOTE, buf);
        if (r->new_key) {
            char fp[KEY_FINGERPRINT_LEN];
            keys_fingerprint(r->key, fp);
            snprintf(buf, sizeof buf, _("%s: the package's key (fingerprint %s) now replaces the one known for %s."),
                     name, fp, m->source_name);
            line(user, PACKAGE_LINE_NOTE, buf);
        }
        break;
    default:
        break;
    }
}

/* A note when the package's PC clock looks wrong. */
static void skew_line(const package_import_result *r, const char *name, package_line_fn line, void *user)
{
    if (!r->made_skew)
        return;
    char made[32], buf[1024];
    package_format_time(r->m.created_at, made);
    snprintf(buf, sizeof buf, r->made_skew > 0
             ? _("%s: note: made %s by the clock of its PC, which is ahead of this one; check the clock there "
                 "(the merge does not depend on it).")
             : _("%s: note: made %s by the clock of its PC, more than 180 days ago; check that this is the "
                 "latest package and the clock there (the merge does not depend on it)."),
             name, made);
    line(user, PACKAGE_LINE_NOTE, buf);
}

void package_result_lines(const package_import_result *r, const char *name, package_line_fn line, void *user)
{
    char buf[2400];
    if (r->outcome == PACKAGE_REFUSED) {
        snprintf(buf, sizeof buf, _("%s: REFUSED: %s"), name, r->err.msg);
        line(user, PACKAGE_LINE_ERROR, buf);
        return;
    }
    char made[32];
    package_format_time(r->m.created_at, made);
    if (r->m.sequence)
        snprintf(buf, sizeof buf, _("%s: from %s (%s), package %lld, made %s"), name, r->m.source_name,
                 r->m.source_code, r->m.sequence, made);
    else
        snprintf(buf, sizeof buf, _("%s: from %s (%s), made %s"), name, r->m.source_name, r->m.source_code, made);
    line(user, PACKAGE_LINE_HEAD, buf);
    skew_line(r, name, line, user);
    if (r->outcome == PACKAGE_HELD) {
        snprintf(buf, sizeof buf, _("%s: NOT MERGED: %s"), name, r->err.msg);
        line(user, PACKAGE_LINE_ERROR, buf);
    } else {
        package_counts_text(name, &r->c, buf, sizeof buf);
        line(user, PACKAGE_LINE_TEXT, buf);
        outcome_line(r, name, line, user);
    }
    for (int i = 0; i < r->n_refused; i++) {
        const package_refusal *f = &r->refused[i];
        snprintf(buf, sizeof buf, _("  refused: %s %s (%s): %s"), package_table_label(f->table),
                 f->label[0] ? f->label : "-", f->uuid, f->reason);
        line(user, PACKAGE_LINE_REFUSAL, buf);
    }
}
