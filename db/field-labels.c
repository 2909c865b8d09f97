/* field-labels.c — the names people read for the columns of the travelling
 * tables (Vietnamese or English, as the program speaks), and the place of each
 * content column, which is how a field is chosen on the command line. */
#include "field-labels.h"
#include "cdtt.h"
#include "choices.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *table; /* NULL: any table */
    const char *column;
    const char *label;
} field_label_def;

/* Content columns of each table in schema order; a NULL table applies to all. */
static const field_label_def LABELS[] = {
    {"area", "unit_scheme", N_("Unit list")},
    {"area", "unit_code", N_("Commune")},
    {"area", "kind", N_("Kind")},
    {"area", "name", N_("Name")},
    {"area", "note", N_("Note")},
    {"team", "unit_scheme", N_("Unit list")},
    {"team", "unit_code", N_("Commune")},
    {"team", "level", N_("Level")},
    {"team", "area_uuid", N_("Area")},
    {"team", "name", N_("Team name")},
    {"team", "decision_no", N_("Decision number")},
    {"team", "decision_date", N_("Decision date")},
    {"team", "decision_issuer", N_("Issued by")},
    {"team", "status", N_("Status")},
    {"team", "note", N_("Note")},
    {"member", "unit_scheme", N_("Unit list")},
    {"member", "unit_code", N_("Commune")},
    {"member", "full_name", N_("Full name")},
    {"member", "gender", N_("Gender")},
    {"member", "birth", N_("Birth date")},
    {"member", "phone", N_("Mobile phone")},
    {"member", "cccd", N_("CCCD number")},
    {"member", "email", N_("E-mail")},
    {"member", "category", N_("Category")},
    {"member", "youth_union", N_("Youth Union member")},
    {"member", "consent", N_("Consent given")},
    {"member", "consent_date", N_("Consent date")},
    {"member", "mooc_status", N_("MOOC course")},
    {"member", "mooc_date", N_("MOOC completed on")},
    {"member", "zalo_date", N_("Follows Zalo OA since")},
    {"member", "note", N_("Note")},
    {"membership", "team_uuid", N_("Team")},
    {"membership", "member_uuid", N_("Member")},
    {"membership", "role", N_("Role in team")},
    {"membership", "date_from", N_("In the team since")},
    {"membership", "date_to", N_("In the team until")},
    {"training_session", "unit_scheme", N_("Unit list")},
    {"training_session", "unit_code", N_("Commune")},
    {"training_session", "date", N_("Date")},
    {"training_session", "place", N_("Place")},
    {"training_session", "organiser", N_("Organiser")},
    {"training_session", "topic", N_("Topic")},
    {"training_session", "note", N_("Note")},
    {"attendance", "session_uuid", N_("Training session")},
    {"attendance", "member_uuid", N_("Member")},
    {"activity", "team_uuid", N_("Team")},
    {"activity", "date", N_("Date")},
    {"activity", "type", N_("Activity type")},
    {"activity", "people", N_("People helped")},
    {"activity", "households", N_("Households helped")},
    {"activity", "note", N_("Note")},
    {NULL, "deleted", N_("Deleted")},
};

const char *field_label(const char *table, const char *column)
{
    for (size_t i = 0; i < sizeof LABELS / sizeof LABELS[0]; i++)
        if ((!LABELS[i].table || strcmp(LABELS[i].table, table) == 0) && strcmp(LABELS[i].column, column) == 0)
            return _(LABELS[i].label);
    return column;
}

int field_number(const char *table, const char *column)
{
    int n = 0;
    for (size_t i = 0; i < sizeof LABELS / sizeof LABELS[0]; i++) {
        if (LABELS[i].table && strcmp(LABELS[i].table, table) != 0)
            continue;
        n++;
        if (strcmp(LABELS[i].column, column) == 0)
            return n;
    }
    return 0;
}

const char *field_by_number(const char *table, int number)
{
    int n = 0;
    for (size_t i = 0; i < sizeof LABELS / sizeof LABELS[0]; i++) {
        if (LABELS[i].table && strcmp(LABELS[i].table, table) != 0)
            continue;
        if (++n == number)
            return LABELS[i].column;
    }
    return NULL;
}

/* The list a choice column's codes come from, or NULL. */
static const choice *choices_of(const char *table, const char *column)
{
    static const struct {
        const char *table, *column;
        const choice *list;
    } C[] = {
        {"area", "kind", CHOICES_AREA_KIND},         {"team", "level", CHOICES_TEAM_LEVEL},
        {"team", "status", CHOICES_TEAM_STATUS},     {"member", "gender", CHOICES_GENDER},
        {"member", "category", CHOICES_CATEGORY},    {"member", "mooc_status", CHOICES_MOOC_STATUS},
        {"membership", "role", CHOICES_ROLE},        {"activity", "type", CHOICES_ACTIVITY_TYPE},
    };
    for (size_t i = 0; i < sizeof C / sizeof C[0]; i++)
        if (strcmp(C[i].table, table) == 0 && strcmp(C[i].column, column) == 0)
            return C[i].list;
    return NULL;
}

char *field_display(const char *table, const char *column, const char *value)
{
    const choice *list = choices_of(table, column);
    if (!*value)
        return xstrdup("");
    if (list)
        return xstrdup(choice_label(list, value));
    if (strcmp(column, "youth_union") == 0 || strcmp(column, "consent") == 0 || strcmp(column, "deleted") == 0)
        return xstrdup(strcmp(value, "0") == 0 ? _("no") : _("yes"));
    size_t n = strlen(value);
    if (n == 10 && value[4] == '-' && value[7] == '-') { /* a date: as it is typed, dd/mm/yyyy */
        char out[16];
        snprintf(out, sizeof out, "%.2s/%.2s/%.4s", value + 8, value + 5, value);
        return xstrdup(out);
    }
    return xstrdup(value);
}
