/* form-member.c — the member form's rows: the member's fields as the field
 * catalogue describes them (fields.h), in the order below, and the team it is
 * in, which is no member field. */
#include "tui-form.h"

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

FIELD_STR(member_entry, team_uuid, team_uuid)
FIELD_STR(member_entry, role, role)
FIELD_STR(member_entry, date_from, since)
FIELD_STR(member_entry, date_to, left)

/* The CCCD is compared with the birth date and gender typed above it. */
static valid_status check_cccd(const void *rec, const char *in, char *out, size_t n, valid_result *r)
{
    const member_entry *me = rec;
    char c[16];
    valid_status s = validate_cccd(in, me->m.birth, me->m.gender, c, r);
    snprintf(out, n, "%s", c);
    return s;
}

/* The rows that are no member field: the team the member is in. */
static const form_field PLACE_FIELDS[] = {
    {N_("Team"), "team_uuid", FK_CHOICE, 40, NULL, false, ACCESS(team_uuid), NULL},
    {N_("Role in team"), "role", FK_CHOICE, 20, CHOICES_ROLE, true, ACCESS(role), NULL},
    {N_("Joined the team on"), "date_from", FK_DATE, DATE_MAX_CHARS, NULL, false, ACCESS(date_from), NULL},
    {N_("Left the team on"), "date_to", FK_DATE, DATE_MAX_CHARS, NULL, false, ACCESS(date_to), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};

/* The order of the form; a catalogued member field it does not name comes
 * last. The membership's dates are last: added after the form's first tests. */
static const char *const LAYOUT[] = {
    "full_name", "gender",   "birth",       "phone",     "cccd",      "email", "category",
    "youth_union", "consent", "consent_date", "team_uuid", "role",     "mooc_status", "mooc_date",
    "zalo_date", "note",     "date_from",   "date_to",   NULL,
};

static const form_field *rows;

static void make_rows(void)
{
    form_field *r = form_rows_of("member", LAYOUT, offsetof(member_entry, m), PLACE_FIELDS);
    for (form_field *fd = r; fd->label; fd++)
        if (fd->kind == FK_CCCD)
            fd->check = check_cccd;
    rows = r;
}

const form_field *member_form_fields(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, make_rows);
    return rows;
}
