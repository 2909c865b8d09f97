/* form-team.c — the team form's rows: the team's fields as the field
 * catalogue describes them (fields.h), in this order; its area is picked from
 * the file's areas. */
#include "tui-form.h"

#include <stdio.h>

FIELD_STR(team_rec, area_uuid, area_uuid)

/* The area, a choice among the areas of the file (form_set_choices). */
static const form_field AREA_ROW[] = {
    {N_("Area"), "area_uuid", FK_CHOICE, 40, NULL, false, ACCESS(area_uuid), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};

static const char *const LAYOUT[] = {
    "name", "level", "area_uuid", "decision_no", "decision_date", "decision_issuer", "status", "note", NULL,
};

const form_field *team_form_fields(void)
{
    static const form_field *rows; /* made once, by the TUI's one thread */
    if (!rows)
        rows = form_rows_of("team", LAYOUT, 0, AREA_ROW);
    return rows;
}
