/* screen-areas.c — the list and the form of areas (villages, residential groups). */
#include "tui-screens.h"
#include "tui-columns.h"
#include "records.h"
#include "office.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Areas after or before a row, with the list screen's filter. */
static int page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    tui_ctx *cx = list_screen_ctx(l);
    list_screen *ls = l->ctx;
    list_pos p;
    const area_rec *r = from;
    if (r)
        rec_pos(r->sort_key, r->uuid, &p);
    return area_page(cx->db, &ls->flt, r ? &p : NULL, dir, limit, rows, e);
}

/* The area list's columns: the kind, then the name. */
static const list_column COLUMNS[] = {{N_("Kind"), 20}, {N_("Name"), 0}};
static const list_layout LAYOUT = {COLUMNS, 2, -1, 1, 0};

/* One area: its kind and name. */
static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    tui_ctx *cx = list_screen_ctx(l);
    const area_rec *r = row;
    const char *t[] = {choice_label(CHOICES_AREA_KIND, r->kind), r->name};
    list_layout_row_in(cx->db, &LAYOUT, out, n, cols, t, "area", r->uuid);
}

static void header(list_view *l, char *out, size_t n, int cols)
{
    tui_ctx *cx = list_screen_ctx(l);
    list_layout_header_in(cx->db, &LAYOUT, out, n, cols);
}

static const list_source SRC = {sizeof(area_rec), page, format, header, NULL, NULL};

/* The record checks of an area. */
static void check(form *f, findings *fs)
{
    tui_ctx *cx = form_screen_ctx(f);
    area_check(cx->db, f->rec, fs);
}

/* Saves the area with its audit entry, if the file still holds it as the form
 * read it (REC_CHANGED otherwise). */
static int save(form *f, int accept, findings *fs, cdtt_err *e)
{
    tui_ctx *cx = form_screen_ctx(f);
    rec_changes c;
    return area_save_since(cx->db, f->rec, f->base, f->stored, &c, accept, fs, e);
}

tui_screen *area_form_open(tui_ctx *cx, const char *uuid)
{
    area_rec *r = xcalloc(1, sizeof *r);
    area_init(r);
    office_rec o;
    if (!uuid && office_get(cx->db, &o) == 0) /* a Phường's areas are mostly tổ dân phố */
        snprintf(r->kind, sizeof r->kind, "%s", area_kind_for_commune(o.name));
    if (uuid && area_get(cx->db, uuid, r) < 0) {
        free(r);
        return NULL;
    }
    form_screen *fs = form_screen_new(cx, uuid ? N_("Area") : N_("New area"), area_form_fields(), r, !uuid, check, save);
    form_track(&fs->f, sizeof *r);
    form_screen_history(fs, uuid);
    title_with_commune(cx->db, fs->base.title, sizeof fs->base.title, "area", uuid);
    return &fs->base;
}

static tui_screen *open_form(list_screen *ls, const char *uuid)
{
    tui_ctx *cx = ls->base.cx;
    return area_form_open(cx, uuid);
}

const rec_kind KIND_AREAS = {N_("Villages and residential groups"), "area", &SRC, open_form, NULL};

tui_screen *screen_areas_new(tui_ctx *cx)
{
    return list_screen_new(cx, &KIND_AREAS, NULL);
}
