/* form-area.c — the field table of an area (village, residential group). */
#include "tui-form.h"

#include <stdio.h>

FIELD_STR(area_rec, kind, kind)
FIELD_STR(area_rec, name, name)
FIELD_STR(area_rec, note, note)

const form_field AREA_FIELDS[] = {
    {N_("Kind"), "kind", FK_CHOICE, 30, CHOICES_AREA_KIND, true, ACCESS(kind), NULL},
    {N_("Name"), "name", FK_NAME, NAME_MAX_CHARS, NULL, true, ACCESS(name), NULL},
    {N_("Note"), "note", FK_TEXT, NOTE_MAX_CHARS, NULL, false, ACCESS(note), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};
