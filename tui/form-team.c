/* form-team.c — the field table of a team. */
#include "tui-form.h"

#include <stdio.h>

FIELD_STR(team_rec, name, name)
FIELD_STR(team_rec, level, level)
FIELD_STR(team_rec, area_uuid, area_uuid)
FIELD_STR(team_rec, decision_no, decision_no)
FIELD_STR(team_rec, decision_date, decision_date)
FIELD_STR(team_rec, decision_issuer, decision_issuer)
FIELD_STR(team_rec, status, status)
FIELD_STR(team_rec, note, note)

const form_field TEAM_FIELDS[] = {
    {N_("Team name"), "name", FK_NAME, NAME_MAX_CHARS, NULL, true, ACCESS(name), NULL},
    {N_("Level"), "level", FK_CHOICE, 30, CHOICES_TEAM_LEVEL, true, ACCESS(level), NULL},
    {N_("Area"), "area_uuid", FK_CHOICE, 40, NULL, false, ACCESS(area_uuid), NULL},
    {N_("Decision number"), "decision_no", FK_TEXT, DECISION_NO_MAX_CHARS, NULL, false, ACCESS(decision_no), NULL},
    {N_("Decision date"), "decision_date", FK_DATE, DATE_MAX_CHARS, NULL, false, ACCESS(decision_date), NULL},
    {N_("Issued by"), "decision_issuer", FK_TEXT, ISSUER_MAX_CHARS, NULL, false, ACCESS(decision_issuer), NULL},
    {N_("Status"), "status", FK_CHOICE, 30, CHOICES_TEAM_STATUS, true, ACCESS(status), NULL},
    {N_("Note"), "note", FK_TEXT, NOTE_MAX_CHARS, NULL, false, ACCESS(note), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};
