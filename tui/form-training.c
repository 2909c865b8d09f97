/* form-training.c — the field tables of the training forms: whom a checklist
 * shows (team, area, date), a training session, and a team's activity. */
#include "tui-training-forms.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

FIELD_STR(checklist_pick, team_uuid, team_uuid)
FIELD_STR(checklist_pick, area_uuid, area_uuid)
FIELD_STR(checklist_pick, date, date)

const form_field CHECKLIST_PICK_FIELDS[] = {
    {N_("Team (— = all)"), "team_uuid", FK_CHOICE, 40, NULL, false, ACCESS(team_uuid), NULL},
    {N_("Area (— = all)"), "area_uuid", FK_CHOICE, 40, NULL, false, ACCESS(area_uuid), NULL},
    {N_("Date"), "date", FK_DATE, DATE_MAX_CHARS, NULL, true, ACCESS(date), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};

FIELD_STR(session_entry, s_date, s.date)
FIELD_STR(session_entry, place, s.place)
FIELD_STR(session_entry, organiser, s.organiser)
FIELD_STR(session_entry, topic, s.topic)
FIELD_STR(session_entry, s_team, team_uuid)
FIELD_STR(session_entry, s_area, area_uuid)

const form_field SESSION_FIELDS[] = {
    {N_("Session date"), "date", FK_DATE, DATE_MAX_CHARS, NULL, true, ACCESS(s_date), NULL},
    {N_("Place"), "place", FK_TEXT, TRAINING_TEXT_MAX_CHARS, NULL, false, ACCESS(place), NULL},
    {N_("Organiser"), "organiser", FK_TEXT, TRAINING_TEXT_MAX_CHARS, NULL, false, ACCESS(organiser), NULL},
    {N_("Topic"), "topic", FK_TEXT, TRAINING_TEXT_MAX_CHARS, NULL, false, ACCESS(topic), NULL},
    {N_("Attendance of team (— = all)"), "team_uuid", FK_CHOICE, 40, NULL, false, ACCESS(s_team), NULL},
    {N_("or of area (— = all)"), "area_uuid", FK_CHOICE, 40, NULL, false, ACCESS(s_area), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};

FIELD_STR(activity_rec, a_team, team_uuid)
FIELD_STR(activity_rec, a_date, date)
FIELD_STR(activity_rec, a_type, type)
FIELD_STR(activity_rec, a_note, note)

/* Writes a count for its field: "" for 0, so typing replaces nothing. */
static void count_text(long v, char *o, size_t n)
{
    if (v)
        snprintf(o, n, "%ld", v);
    else if (n)
        o[0] = 0;
}

/* Accessors for a count (long) of an activity. */
static void get_people(const void *r, char *o, size_t n)
{
    count_text(((const activity_rec *)r)->people, o, n);
}
static void set_people(void *r, const char *v)
{
    ((activity_rec *)r)->people = strtol(v, NULL, 10);
}
static void get_households(const void *r, char *o, size_t n)
{
    count_text(((const activity_rec *)r)->households, o, n);
}
static void set_households(void *r, const char *v)
{
    ((activity_rec *)r)->households = strtol(v, NULL, 10);
}

/* A count: empty (0) or a whole number from 0 to 1,000,000. */
static valid_status check_count(const void *rec, const char *in, char *out, size_t n, valid_result *r)
{
    (void)rec;
    const char *p = in;
    while (*p == ' ')
        p++;
    char *end = NULL;
    errno = 0;
    long v = *p ? strtol(p, &end, 10) : 0;
    if (*p && end)
        while (*end == ' ')
            end++;
    if ((*p && (!end || *end || end == p)) || errno || v < 0 || v > 1000000) {
        r->status = VALID_ERROR;
        snprintf(r->msg, sizeof r->msg, "%s", _("a whole number from 0 to 1000000"));
        return VALID_ERROR;
    }
    snprintf(out, n, "%ld", v);
    r->status = VALID_OK;
    return VALID_OK;
}

const form_field ACTIVITY_FIELDS[] = {
    {N_("Team"), "team_uuid", FK_CHOICE, 40, NULL, true, ACCESS(a_team), NULL},
    {N_("Date"), "date", FK_DATE, DATE_MAX_CHARS, NULL, true, ACCESS(a_date), NULL},
    {N_("Type"), "type", FK_CHOICE, 32, CHOICES_ACTIVITY_TYPE, true, ACCESS(a_type), NULL},
    {N_("People helped"), "people", FK_TEXT, 8, NULL, false, ACCESS(people), check_count},
    {N_("Households helped"), "households", FK_TEXT, 8, NULL, false, ACCESS(households), check_count},
    {N_("Note (no names)"), "note", FK_TEXT, TRAINING_NOTE_MAX_CHARS, NULL, false, ACCESS(a_note), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};
