/* tui-training-forms.h — the records and field tables of the training forms
 * (form-training.c), used by the training screens. */
#ifndef CDTT_TUI_TRAINING_FORMS_H
#define CDTT_TUI_TRAINING_FORMS_H

#include "tui-form.h"
#include "training.h"

/* Whom a bulk checklist shows, and the date it applies. */
typedef struct {
    char team_uuid[UUID_LEN];
    char area_uuid[UUID_LEN];
    char date[11];
} checklist_pick;
extern const form_field CHECKLIST_PICK_FIELDS[];

/* A new session and whom its attendance checklist shows. */
typedef struct {
    training_session_rec s;
    char team_uuid[UUID_LEN];
    char area_uuid[UUID_LEN];
    char uuid[37]; /* set when saved */
} session_entry;
extern const form_field SESSION_FIELDS[];

/* A team's activity (activity_rec of training.h). */
extern const form_field ACTIVITY_FIELDS[];

#endif
