/* form-member.c — the field table of a member and the team it joins. */
#include "tui-form.h"

#include <stdio.h>

FIELD_STR(member_entry, full_name, m.full_name)
FIELD_STR(member_entry, gender, m.gender)
FIELD_STR(member_entry, birth, m.birth)
FIELD_STR(member_entry, phone, m.phone)
FIELD_STR(member_entry, cccd, m.cccd)
FIELD_STR(member_entry, email, m.email)
FIELD_STR(member_entry, category, m.category)
FIELD_INT(member_entry, youth_union, m.youth_union)
FIELD_INT(member_entry, consent, m.consent)
FIELD_STR(member_entry, consent_date, m.consent_date)
FIELD_STR(member_entry, team_uuid, team_uuid)
FIELD_STR(member_entry, role, role)
FIELD_STR(member_entry, date_from, since)
FIELD_STR(member_entry, date_to, left)
FIELD_STR(member_entry, mooc_status, m.mooc_status)
FIELD_STR(member_entry, mooc_date, m.mooc_date)
FIELD_STR(member_entry, zalo_date, m.zalo_date)
FIELD_STR(member_entry, note, m.note)

/* The CCCD is compared with the birth date and gender typed above it. */
static valid_status check_cccd(const void *rec, const char *in, char *out, size_t n, valid_result *r)
{
    const member_entry *me = rec;
    char c[16];
    valid_status s = validate_cccd(in, me->m.birth, me->m.gender, c, r);
    snprintf(out, n, "%s", c);
    return s;
}

/* An e-mail address, checked loosely. */
static valid_status check_email(const void *rec, const char *in, char *out, size_t n, valid_result *r)
{
    (void)rec;
    char m[256];
    valid_status s = validate_email(in, m, r);
    snprintf(out, n, "%s", m);
    return s;
}

const form_field MEMBER_FIELDS[] = {
    {N_("Full name"), "full_name", FK_NAME, NAME_MAX_CHARS, NULL, true, ACCESS(full_name), NULL},
    {N_("Gender"), "gender", FK_CHOICE, 12, CHOICES_GENDER, false, ACCESS(gender), NULL},
    {N_("Birth date"), "birth", FK_BIRTH, DATE_MAX_CHARS, NULL, false, ACCESS(birth), NULL},
    {N_("Mobile phone"), "phone", FK_PHONE, PHONE_TYPED_MAX_CHARS, NULL, false, ACCESS(phone), NULL},
    {N_("CCCD number"), "cccd", FK_TEXT, CCCD_TYPED_MAX_CHARS, NULL, false, ACCESS(cccd), check_cccd},
    {N_("E-mail"), "email", FK_TEXT, EMAIL_MAX_BYTES, NULL, false, ACCESS(email), check_email},
    {N_("Category"), "category", FK_CHOICE, 40, CHOICES_CATEGORY, true, ACCESS(category), NULL},
    {N_("Youth Union member"), "youth_union", FK_YESNO, 6, NULL, true, ACCESS(youth_union), NULL},
    {N_("Consent given"), "consent", FK_YESNO, 6, NULL, true, ACCESS(consent), NULL},
    {N_("Consent date"), "consent_date", FK_DATE, DATE_MAX_CHARS, NULL, false, ACCESS(consent_date), NULL},
    {N_("Team"), "team_uuid", FK_CHOICE, 40, NULL, false, ACCESS(team_uuid), NULL},
    {N_("Role in team"), "role", FK_CHOICE, 20, CHOICES_ROLE, true, ACCESS(role), NULL},
    {N_("MOOC course"), "mooc_status", FK_CHOICE, 20, CHOICES_MOOC_STATUS, true, ACCESS(mooc_status), NULL},
    {N_("MOOC completed on"), "mooc_date", FK_DATE, DATE_MAX_CHARS, NULL, false, ACCESS(mooc_date), NULL},
    {N_("Follows Zalo OA since"), "zalo_date", FK_DATE, DATE_MAX_CHARS, NULL, false, ACCESS(zalo_date), NULL},
    {N_("Note"), "note", FK_TEXT, NOTE_MAX_CHARS, NULL, false, ACCESS(note), NULL},
    /* The dates of the membership in the team above (last: added after the form's first tests). */
    {N_("Joined the team on"), "date_from", FK_DATE, DATE_MAX_CHARS, NULL, false, ACCESS(date_from), NULL},
    {N_("Left the team on"), "date_to", FK_DATE, DATE_MAX_CHARS, NULL, false, ACCESS(date_to), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};
