/* screen-setup.c — the first run: say which commune owns the file, picked from
 * the unit list (the one built into cdtt when the file has none: type to
 * filter, accents ignored, or type the code), then confirmed; typed by hand
 * only when no list can be had. */
#include "tui-screens.h"
#include "keys.h"
#include "office.h"
#include "text.h"
#include "units.h"

#include <stdio.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int pos;      /* index in the filtered view */
    unit_rec u;
} unit_row;

typedef struct {
    tui_screen base;
    char scheme[12];
    int step;           /* 0 province, 1 commune, 2 confirm the commune */
    unit_rec commune;   /* the commune chosen, while step 2 asks to confirm it */
    unit_rec province;
    unit_rec *all;      /* every unit of the step */
    int n_all;
    int *view;          /* indices of the units matching the filter */
    int n_view;
    line_input filter;
    list_view list;
    bool change;        /* from Settings: the file had an office, another one is chosen */
} setup_screen;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_BACK, ACT_NONE};

/* Keeps one unit of a listing. */
static int collect(const unit_rec *u, void *arg)
{
    setup_screen *s = arg;
    s->all = xrealloc(s->all, sizeof *s->all * (size_t)(s->n_all + 1));
    s->all[s->n_all++] = *u;
    return 0;
}

/* Recomputes the filtered view: the folded filter in the folded name, or a code prefix. */
static void refilter(setup_screen *s)
{
    char text[256];
    line_input_get(&s->filter, text, sizeof text);
    char *f = text_fold(text);
    s->view = xrealloc(s->view, sizeof *s->view * (size_t)(s->n_all + 1));
    s->n_view = 0;
    for (int i = 0; i < s->n_all; i++) {
        char *name = text_fold(s->all[i].name);
        if (!*f || strstr(name, f) || strncmp(s->all[i].code, f, strlen(f)) == 0)
            s->view[s->n_view++] = i;
        free(name);
    }
    free(f);
    list_rewind(&s->list);
}

/* Reads the provinces (step 0) or the chosen province's communes (step 1). */
static void load_step(setup_screen *s)
{
    tui_ctx *cx = s->base.cx;
    cdtt_err e;
    memset(&e, 0, sizeof e);
    free(s->all);
    s->all = NULL;
    s->n_all = 0;
    /* First the office above: the nation among the provinces, the province
     * itself among its communes (the file that consolidates them). */
    unit_rec above;
    memset(&above, 0, sizeof above);
    snprintf(above.scheme, sizeof above.scheme, "%s", s->scheme);
    if (s->step == 0) {
        snprintf(above.level, sizeof above.level, "national");
        snprintf(above.code, sizeof above.code, "00");
        snprintf(above.name, sizeof above.name, "%s", _("The whole country (national office)"));
    } else {
        above = s->province;
        snprintf(above.name, sizeof above.name, _("%s (province office: consolidates its communes)"),
                 s->province.name);
    }
    collect(&above, s);
    if (s->step == 0)
        units_provinces(cx->db, s->scheme, collect, s, &e);
    else
        units_communes(cx->db, s->scheme, s->province.code, NULL, 0, 0, collect, s, &e);
    if (e.msg[0])
        ctx_message(cx, 2, "%s", e.msg);
    line_input_set(&s->filter, "");
    refilter(s);
}

/* Units of the filtered view after or before a row (rows carry their position). */
static int page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    (void)e;
    setup_screen *s = l->ctx;
    const unit_row *r = from;
    int start = dir > 0 ? (r ? r->pos + 1 : 0) : (r ? r->pos - limit : s->n_view - limit);
    int end = dir > 0 ? start + limit : (r ? r->pos : s->n_view);
    if (start < 0)
        start = 0;
    if (end > s->n_view)
        end = s->n_view;
    unit_row *out = rows;
    int n = 0;
    for (int i = start; i < end; i++, n++) {
        out[n].pos = i;
        out[n].u = s->all[s->view[i]];
    }
    return n;
}

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    (void)l;
    const unit_row *r = row;
    static const int widths[] = {8, 0};
    const char *t[] = {r->u.code, r->u.name};
    list_columns(out, n, cols, widths, t, 2);
}

static const list_source SRC = {sizeof(unit_row), page, format, NULL, NULL, NULL};

/* Step 2: the choice in full, and what Enter and Esc do. */
static void draw_confirm(const setup_screen *s)
{
    char line[800];
    draw_text(1, 1, _("This file will belong to:"), COLS - 2, A_BOLD);
    snprintf(line, sizeof line, "%s (%s)", s->commune.name, s->commune.code);
    draw_text(3, 3, line, COLS - 4, A_BOLD);
    if (strcmp(s->commune.level, "commune") == 0) {
        snprintf(line, sizeof line, "%s (%s), %s %s", s->province.name, s->province.code, _("unit list"),
                 s->scheme);
        draw_text(4, 3, line, COLS - 4, A_NORMAL);
    }
    draw_text(6, 1, _("Enter: yes, this is our commune.   Esc: choose again."), COLS - 2, A_NORMAL);
    int y = 7 + draw_wrap(7, 1,
                          strcmp(s->commune.level, "commune") == 0
                              ? _("The commune owns every record of the file and goes into every package sent to "
                                  "the province.")
                              : _("This file imports the packages of the offices below it and reports on all of "
                                  "them."),
                          COLS - 2, 3, A_NORMAL);
    if (s->change)
        draw_wrap(y + 1, 1,
                  _("Changing the office: every record of this file becomes the new office's, and the file gets "
                    "a new key, so the offices above must trust it again (cdtt keys show). Packages sent before "
                    "stay the old office's."),
                  COLS - 2, LINES - 4 - (y + 1), theme_attr(TH_WARN));
}

static void draw(tui_screen *sc)
{
    setup_screen *s = (setup_screen *)sc;
    if (s->step == 2) {
        draw_confirm(s);
        return;
    }
    draw_text(1, 1,
              s->step == 0 ? _("Which province? Type part of the name (accents not needed) or the code, then Enter.")
                           : _("Which commune? Type part of the name (accents not needed) or the code, then Enter."),
              COLS - 2, A_BOLD);
    int x = draw_text(2, 1, _("Find: "), COLS, A_NORMAL) + 1;
    int cx = line_input_draw(&s->filter, 2, x, 30);
    if (s->step == 1)
        draw_text(2, x + 32, s->province.name, COLS - x - 32, A_NORMAL);
    list_draw(&s->list, 4, LINES - 6, true);
    ctx_cursor(sc->cx, 2, cx);
}

/* Enter: takes the province, then the commune, then saves the confirmed
 * commune as this file's office. */
static void choose(setup_screen *s)
{
    tui_ctx *cx = s->base.cx;
    if (s->step < 2) {
        const unit_row *r = list_selected(&s->list);
        if (!r)
            return;
        if (s->step == 0 && strcmp(r->u.level, "national") != 0) {
            s->province = r->u;
            s->step = 1;
            load_step(s);
        } else {
            s->commune = r->u;
            s->step = 2;
        }
        return;
    }
    office_rec o;
    memset(&o, 0, sizeof o);
    snprintf(o.scheme, sizeof o.scheme, "%s", s->scheme);
    snprintf(o.code, sizeof o.code, "%s", s->commune.code);
    snprintf(o.level, sizeof o.level, "%s", s->commune.level[0] ? s->commune.level : "commune");
    /* The office above is named as the unit list names it (the whole country: "Toàn quốc"). */
    snprintf(o.name, sizeof o.name, "%s",
             strcmp(o.level, "national") == 0 ? "Toàn quốc"
             : strcmp(o.level, "province") == 0 ? s->province.name : s->commune.name);
    cdtt_err e;
    memset(&e, 0, sizeof e);
    office_rec old;
    bool other = s->change && office_get(cx->db, &old) == 0 &&
                 (strcmp(old.scheme, o.scheme) != 0 || strcmp(old.code, o.code) != 0);
    if (other) {
        char q[1400];
        snprintf(q, sizeof q, _("Make this file %s's instead of %s's, with a new key?"), o.name, old.name);
        if (!ctx_confirm(cx, q)) {
            ctx_message(cx, 0, _("Nothing changed: this file still belongs to %s."), old.name);
            return;
        }
    }
    if (office_set(cx->db, &o, &e) < 0 || (other && keys_renew(cx->db, &e) < 0)) {
        ctx_message(cx, 2, "%s%s", _("Error: "), e.msg);
        return;
    }
    if (other)
        ctx_message(cx, 0, _("This file now belongs to %s, with a new key: the offices above must trust it (cdtt keys "
                         "show)."),
                    o.name);
    else
        ctx_message(cx, 0, _("This file now belongs to %s."), o.name);
    ctx_pop(cx);
}

/* Typing filters, arrows move, Enter chooses, Esc goes back to the provinces. */
static bool key(tui_screen *sc, const tui_event *ev)
{
    tui_ctx *cx = sc->cx;
    setup_screen *s = (setup_screen *)sc;
    bool enter = keys_enter(ev);
    if (enter) {
        choose(s);
        return true;
    }
    if (ev->act == ACT_BACK && s->step == 2) {
        s->step = strcmp(s->commune.level, "national") == 0 ? 0 : 1; /* back to the list, the filter as it was */
        return true;
    }
    if (ev->act == ACT_BACK && s->step == 1) {
        s->step = 0;
        load_step(s);
        return true;
    }
    if (s->step == 2)
        return true; /* only Enter and Esc mean something here */
    if (ev->act == ACT_NONE && list_key(&s->list, ev))
        return true;
    if (ev->act == ACT_NONE && line_input_key(&s->filter, ev, false, 0, &cx->report)) {
        refilter(s);
        return true;
    }
    return false;
}

static void destroy(tui_screen *sc)
{
    setup_screen *s = (setup_screen *)sc;
    list_free(&s->list);
    line_input_free(&s->filter);
    free(s->all);
    free(s->view);
    free(s);
}

/* ---- without a unit list: the code and name typed by hand ---- */
typedef struct {
    char scheme[12];
    char code[12];
    char name[512];
} office_entry;

FIELD_STR(office_entry, scheme, scheme)
FIELD_STR(office_entry, code, code)
FIELD_STR(office_entry, name, name)

static const choice SCHEMES[] = {
    {"2025-07", "Từ 01/07/2025 (34 tỉnh)", "From 1 July 2025 (34 provinces)"},
    {"pre-2025", "Trước 2025 (63 tỉnh)", "Before 2025 (63 provinces)"},
    {NULL, NULL, NULL},
};

/* A commune code: 5 digits. */
static valid_status check_code(const void *rec, const char *in, char *out, size_t n, valid_result *r)
{
    (void)rec;
    size_t len = strlen(in);
    bool digits = len == 5;
    for (size_t i = 0; i < len; i++)
        digits = digits && in[i] >= '0' && in[i] <= '9';
    snprintf(out, n, "%s", in);
    if (digits)
        return VALID_OK;
    r->status = VALID_ERROR;
    snprintf(r->msg, sizeof r->msg, "%s", _("The code is the commune's number, 5 digits (e.g. 00004)."));
    return VALID_ERROR;
}

static const form_field OFFICE_FIELDS[] = {
    {N_("Unit list of"), "scheme", FK_CHOICE, 34, SCHEMES, true, ACCESS(scheme), NULL},
    {N_("Commune code"), "code", FK_TEXT, 5, NULL, true, ACCESS(code), check_code},
    {N_("Commune name"), "name", FK_NAME, NAME_MAX_CHARS, NULL, true, ACCESS(name), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};

/* Saves the typed code and name as this file's office. */
static int office_save(form *f, int accept, findings *fs, cdtt_err *e)
{
    tui_ctx *cx = form_screen_ctx(f);
    (void)accept, (void)fs;
    const office_entry *oe = f->rec;
    office_rec o;
    memset(&o, 0, sizeof o);
    snprintf(o.scheme, sizeof o.scheme, "%s", oe->scheme);
    snprintf(o.code, sizeof o.code, "%s", oe->code);
    snprintf(o.level, sizeof o.level, "commune");
    snprintf(o.name, sizeof o.name, "%s", oe->name);
    return office_set(cx->db, &o, e);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .destroy = destroy};

tui_screen *screen_setup_change(tui_ctx *cx)
{
    if (units_count(cx->db, "2025-07", UNIT_PROVINCE) == 0 && units_count(cx->db, "pre-2025", UNIT_PROVINCE) == 0) {
        cdtt_err e;
        if (units_ensure(cx->db, "2025-07", &e) < 0) {
            ctx_message(cx, 2, "%s", _("No unit list to choose from: change the office with cdtt init --force."));
            return NULL;
        }
    }
    tui_screen *sc = screen_setup_new(cx);
    setup_screen *s = (setup_screen *)sc;
    s->change = true;
    snprintf(sc->title, sizeof sc->title, "%s", N_("Change the office of this file"));
    return sc;
}

tui_screen *screen_setup_new(tui_ctx *cx)
{
    sqlite3 *db = cx->db;
    const char *scheme = units_count(db, "2025-07", UNIT_PROVINCE) > 0    ? "2025-07"
                         : units_count(db, "pre-2025", UNIT_PROVINCE) > 0 ? "pre-2025"
                                                                          : NULL;
    cdtt_err e;
    if (!scheme && units_ensure(db, "2025-07", &e) >= 0)
        scheme = "2025-07"; /* the list built into cdtt */
    if (!scheme) {
        office_entry *oe = xcalloc(1, sizeof *oe);
        snprintf(oe->scheme, sizeof oe->scheme, "2025-07");
        form_screen *fs = form_screen_new(cx, N_("First run: which commune is this?"), OFFICE_FIELDS, oe, true, NULL,
                                          office_save);
        ctx_message(cx, 1, "%s",
                    _("No unit list imported (cdtt units import FILE.csv). Type the code and name, then F2."));
        return &fs->base;
    }
    setup_screen *s = xcalloc(1, sizeof *s);
    tui_screen_init(&s->base, cx, &HOOKS, ACTIONS, N_("First run: which commune is this?"));
    s->base.text_input = true;
    snprintf(s->scheme, sizeof s->scheme, "%s", scheme);
    line_input_init(&s->filter, 60);
    list_init(&s->list, &SRC, s, &cx->report);
    load_step(s);
    return &s->base;
}
