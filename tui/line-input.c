/* line-input.c — a single line of text outside forms (search lines, the first
 * run's filter): a one-field libformw form typed into through fe_key, like
 * every form field; there is no second editor. */
#include "tui-form.h"

#include <stdlib.h>
#include <string.h>

/* (Re)builds the field for cols visible columns, keeping the text. */
static void build(line_input *li, int cols)
{
    char *text = xmalloc(FIELD_MAX_CHARS * 4 + 8);
    text[0] = 0;
    if (li->field[0])
        line_input_get(li, text, FIELD_MAX_CHARS * 4 + 8);
    fe_unpost(&li->form, li->field, &li->pad);
    li->cols = cols < 2 ? 2 : cols;
    li->field[0] = fe_new(0, 0, li->cols, li->max + 1, FE_ANY);
    li->field[1] = NULL;
    li->form = fe_post(li->field, 1, li->cols, &li->pad);
    line_input_set(li, text);
    free(text);
}

void line_input_init(line_input *li, int max)
{
    memset(li, 0, sizeof *li);
    li->max = max > 0 && max <= FIELD_MAX_CHARS ? max : FIELD_MAX_CHARS;
    build(li, li->max + 1 < 30 ? li->max + 1 : 30);
}

void line_input_free(line_input *li)
{
    fe_unpost(&li->form, li->field, &li->pad);
}

bool line_input_set(line_input *li, const char *s)
{
    bool whole = fe_set(li->field[0], s, li->max);
    if (li->form)
        form_driver_w(li->form, KEY_CODE_YES, REQ_END_FIELD);
    return whole;
}

void line_input_get(line_input *li, char *out, size_t n)
{
    fe_get(li->form, li->field[0], out, n);
}

bool line_input_key(line_input *li, const tui_event *ev, bool telex, int telex_style, tui_report *out)
{
    fe_opts o = {li->max, FE_ANY, telex, telex_style, out};
    return fe_key(li->form, ev, &o) != FE_UNUSED;
}

int line_input_draw(line_input *li, int y, int x, int cols)
{
    if (cols < 2)
        cols = 2;
    if (cols != li->cols)
        build(li, cols);
    fe_show(li->form, li->field[0], li->pad, y, x);
    return x + fe_cursor_x(li->form);
}
