/* fields.c — the field catalogue (see fields.h): the columns of every table of
 * records, with their labels and kinds of value. */
#include "fields.h"
#include "cdtt.h"
#include "validate.h"

#include <stdio.h>
#include <string.h>

/* The columns every travelling record carries (records.h: uuid, stamps). */
#define STAMPS                                                                  \
    {"uuid", FIELD_TEXT, N_("Record id"), NULL, NULL, FIELD_HIDDEN},            \
    {"created_at", FIELD_TEXT, N_("Created"), NULL, NULL, FIELD_HIDDEN},        \
    {"updated_at", FIELD_TEXT, N_("Changed"), NULL, NULL, FIELD_HIDDEN},        \
    {"changed_by", FIELD_TEXT, N_("Changed by"), NULL, NULL, FIELD_HIDDEN},     \
    {"base_updated_at", FIELD_TEXT, N_("Changed"), NULL, NULL, FIELD_HIDDEN},   \
    {"deleted", FIELD_BOOL, N_("Deleted"), NULL, NULL, 0}
#define UNIT                                                                    \
    {"unit_scheme", FIELD_TEXT, N_("Unit list"), NULL, NULL, 0},                \
    {"unit_code", FIELD_TEXT, N_("Commune"), NULL, NULL, 0}
#define NAME_KEYS                                                               \
    {"name_fold", FIELD_TEXT, N_("Name"), NULL, NULL, FIELD_HIDDEN},            \
    {"sort_key", FIELD_TEXT, N_("Name"), NULL, NULL, FIELD_HIDDEN}
#define END {NULL, FIELD_TEXT, NULL, NULL, NULL, 0}

static const field_def AREA[] = {
    UNIT,
    {"kind", FIELD_CHOICE, N_("Kind"), CHOICES_AREA_KIND, NULL, 0},
    {"name", FIELD_TEXT, N_("Name"), NULL, NULL, 0},
    NAME_KEYS,
    {"note", FIELD_TEXT, N_("Note"), NULL, NULL, 0},
    STAMPS,
    END,
};

static const field_def TEAM[] = {
    UNIT,
    {"level", FIELD_CHOICE, N_("Level"), CHOICES_TEAM_LEVEL, NULL, 0},
    {"area_uuid", FIELD_REF, N_("Area"), NULL, "area", 0},
    {"name", FIELD_TEXT, N_("Team name"), NULL, NULL, 0},
    NAME_KEYS,
    {"decision_no", FIELD_TEXT, N_("Decision number"), NULL, NULL, 0},
    {"decision_date", FIELD_DATE, N_("Decision date"), NULL, NULL, 0},
    {"decision_issuer", FIELD_TEXT, N_("Issued by"), NULL, NULL, 0},
    {"status", FIELD_CHOICE, N_("Status"), CHOICES_TEAM_STATUS, NULL, 0},
    {"note", FIELD_TEXT, N_("Note"), NULL, NULL, 0},
    STAMPS,
    END,
};

static const field_def MEMBER[] = {
    UNIT,
    {"full_name", FIELD_TEXT, N_("Full name"), NULL, NULL, 0},
    NAME_KEYS,
    {"gender", FIELD_CHOICE, N_("Gender"), CHOICES_GENDER, NULL, 0},
    {"birth", FIELD_DATE, N_("Birth date"), NULL, NULL, 0},
    {"phone", FIELD_TEXT, N_("Mobile phone"), NULL, NULL, FIELD_PERSONAL},
    {"cccd", FIELD_TEXT, N_("CCCD number"), NULL, NULL, FIELD_PERSONAL},
    {"email", FIELD_TEXT, N_("E-mail"), NULL, NULL, FIELD_PERSONAL},
    {"category", FIELD_CHOICE, N_("Category"), CHOICES_CATEGORY, NULL, 0},
    {"youth_union", FIELD_BOOL, N_("Youth Union member"), NULL, NULL, 0},
    {"consent", FIELD_BOOL, N_("Consent given"), NULL, NULL, 0},
    {"consent_date", FIELD_DATE, N_("Consent date"), NULL, NULL, 0},
    {"mooc_status", FIELD_CHOICE, N_("MOOC course"), CHOICES_MOOC_STATUS, NULL, 0},
    {"mooc_date", FIELD_DATE, N_("MOOC completed on"), NULL, NULL, 0},
    {"zalo_date", FIELD_DATE, N_("Follows Zalo OA since"), NULL, NULL, 0},
    {"note", FIELD_TEXT, N_("Note"), NULL, NULL, 0},
    STAMPS,
    END,
};

static const field_def MEMBERSHIP[] = {
    {"team_uuid", FIELD_REF, N_("Team"), NULL, "team", 0},
    {"member_uuid", FIELD_REF, N_("Member"), NULL, "member", 0},
    {"role", FIELD_CHOICE, N_("Role in team"), CHOICES_ROLE, NULL, 0},
    {"date_from", FIELD_DATE, N_("In the team since"), NULL, NULL, 0},
    {"date_to", FIELD_DATE, N_("In the team until"), NULL, NULL, 0},
    STAMPS,
    END,
};

static const field_def SESSION[] = {
    UNIT,
    {"date", FIELD_DATE, N_("Date"), NULL, NULL, 0},
    {"place", FIELD_TEXT, N_("Place"), NULL, NULL, 0},
    {"organiser", FIELD_TEXT, N_("Organiser"), NULL, NULL, 0},
    {"topic", FIELD_TEXT, N_("Topic"), NULL, NULL, 0},
    {"note", FIELD_TEXT, N_("Note"), NULL, NULL, 0},
    STAMPS,
    END,
};

static const field_def ATTENDANCE[] = {
    {"session_uuid", FIELD_REF, N_("Training session"), NULL, "training_session", 0},
    {"member_uuid", FIELD_REF, N_("Member"), NULL, "member", 0},
    STAMPS,
    END,
};

static const field_def ACTIVITY[] = {
    {"team_uuid", FIELD_REF, N_("Team"), NULL, "team", 0},
    {"date", FIELD_DATE, N_("Date"), NULL, NULL, 0},
    {"type", FIELD_CHOICE, N_("Activity type"), CHOICES_ACTIVITY_TYPE, NULL, 0},
    {"people", FIELD_COUNT, N_("People helped"), NULL, NULL, 0},
    {"households", FIELD_COUNT, N_("Households helped"), NULL, NULL, 0},
    {"note", FIELD_TEXT, N_("Note"), NULL, NULL, 0},
    STAMPS,
    END,
};

static const field_def OFFICE[] = {
    {"scheme", FIELD_TEXT, N_("Unit list"), NULL, NULL, 0},
    {"code", FIELD_TEXT, N_("Code"), NULL, NULL, 0},
    {"level", FIELD_TEXT, N_("Level"), NULL, NULL, 0},
    {"name", FIELD_TEXT, N_("Name"), NULL, NULL, 0},
    {"id", FIELD_COUNT, N_("Record id"), NULL, NULL, FIELD_HIDDEN},
    {"created_at", FIELD_TEXT, N_("Created"), NULL, NULL, FIELD_HIDDEN},
    END,
};

static const record_kind KINDS[] = {
    {"area", N_("village or residential group"), "name", AREA},
    {"team", N_("team"), "name", TEAM},
    {"member", N_("member"), "full_name", MEMBER},
    {"membership", N_("membership"), NULL, MEMBERSHIP},
    {"training_session", N_("training session"), "topic", SESSION},
    {"attendance", N_("attendance"), NULL, ATTENDANCE},
    {"activity", N_("activity"), NULL, ACTIVITY},
    {"office", N_("office"), "name", OFFICE},
};

const record_kind *record_kind_of(const char *table)
{
    for (size_t i = 0; table && i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (strcmp(KINDS[i].table, table) == 0)
            return &KINDS[i];
    return NULL;
}

const field_def *field_of(const char *table, const char *column)
{
    const record_kind *k = record_kind_of(table);
    for (const field_def *f = k ? k->fields : NULL; f && f->column && column; f++)
        if (strcmp(f->column, column) == 0)
            return f;
    return NULL;
}

const char *field_def_label(const field_def *f)
{
    return _(f->label);
}

void field_value_text(const field_def *f, const char *stored, int full, char *out, size_t n)
{
    if (!stored || !stored[0]) {
        snprintf(out, n, "—");
        return;
    }
    if ((f->flags & FIELD_PERSONAL) && !full) {
        snprintf(out, n, "%s", _("(hidden)"));
        return;
    }
    switch (f->type) {
    case FIELD_DATE: {
        char d[11];
        date_to_display(stored, d);
        snprintf(out, n, "%s", d);
        break;
    }
    case FIELD_CHOICE:
        snprintf(out, n, "%s", choice_label(f->choices, stored));
        break;
    case FIELD_BOOL:
        snprintf(out, n, "%s", strcmp(stored, "0") == 0 ? _("no") : _("yes"));
        break;
    default:
        snprintf(out, n, "%s", stored);
    }
}

/* ---- a record's content columns, by label and number --------------------
 * The content columns of a table are its catalogue rows that are not
 * bookkeeping (FIELD_HIDDEN): they are numbered 1, 2, … in catalogue order,
 * which is how a field is chosen on the command line (conflicts --except). */

const char *field_label(const char *table, const char *column)
{
    const field_def *f = field_of(table, column);
    return f ? field_def_label(f) : column;
}

int field_number(const char *table, const char *column)
{
    const record_kind *k = record_kind_of(table);
    int n = 0;
    for (const field_def *f = k ? k->fields : NULL; f && f->column; f++) {
        if (f->flags & FIELD_HIDDEN)
            continue;
        n++;
        if (strcmp(f->column, column) == 0)
            return n;
    }
    return 0;
}

const char *field_by_number(const char *table, int number)
{
    const record_kind *k = record_kind_of(table);
    int n = 0;
    for (const field_def *f = k ? k->fields : NULL; f && f->column; f++)
        if (!(f->flags & FIELD_HIDDEN) && ++n == number)
            return f->column;
    return NULL;
}

char *field_display(const char *table, const char *column, const char *value)
{
    const field_def *f = field_of(table, column);
    if (!value || !*value)
        return xstrdup("");
    char out[1024];
    if (!f)
        return xstrdup(value);
    field_value_text(f, value, 1, out, sizeof out);
    return xstrdup(out);
}
