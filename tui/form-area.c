/* form-area.c — the area form's rows (village, residential group): the area's
 * fields as the field catalogue describes them (fields.h), in this order. */
#include "tui-form.h"

static const char *const LAYOUT[] = {"kind", "name", "note", NULL};

const form_field *area_form_fields(void)
{
    static const form_field *rows; /* made once, by the TUI's one thread */
    if (!rows)
        rows = form_rows_of("area", LAYOUT, 0, NULL);
    return rows;
}
