/* screen-training-progress.c — the progress against the plan's targets: for the commune
 * and each village/residential group, the same figures as `cdtt report`, one
 * bar per indicator with its target, deadline and a mark when behind; Enter
 * (or 1 2 3) opens who is still missing an indicator; F2 exports the table,
 * F5 counts as of another date.
 *
 * Above a commune (province, district, national office) the rows are every
 * commune under the office, those that sent nothing marked; Enter goes down
 * (commune → village → team → member → the member's form) and Esc back up;
 * 1 2 3 list who is missing in the selected unit; g (or Tab) draws one bar per
 * unit for the chosen indicator, sorted, with the target line; F2 adds the
 * summary workbook (.xlsx) to the exported table. */
#include "tui-training.h"
#include "tui-list.h"
#include "tui-screens.h"
#include "i18n.h"
#include "office.h"
#include "validate.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One level of the way down at a consolidating office. */
typedef struct {
    progress_by by;       /* what the rows are */
    progress_scope scope; /* which records */
    char name[192];       /* the scope's name, shown for the totals row */
    int first, sel;       /* where the list was when we went further down */
} drill_level;

#define DRILL_MAX 5 /* provinces (national office), communes, villages, teams, members */

typedef struct {
    tui_screen base;
    progress_table t;
    bool ok;
    list_view list;  /* row 0 = the commune (totals), i = t.rows[i - 1] */
    int ind;         /* the chosen indicator */
    char as_of[11];  /* "YYYY-MM-DD": today unless F5 chose another date */
    bool consolidated;            /* the office is above a commune */
    bool chart;                   /* one bar per unit for the chosen indicator, sorted */
    drill_level levels[DRILL_MAX]; /* levels[0..depth] */
    int depth;
} progress_screen;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_FILTER, ACT_BACK, ACT_QUIT, ACT_NONE};

static const char *const IND_LABEL[TARGET_COUNT] = {N_("Online course (MOOC)"), N_("Following the Zalo OA"),
                                                   N_("Teams trained in person")};

/* The row of list index i. */
static const progress_row *row_at(const progress_screen *p, int i)
{
    return i == 0 ? &p->t.total : &p->t.rows[i - 1];
}

/* The unit's name as shown: the totals row names the whole commune (or the
 * whole office, or the unit gone down into). */
static const char *row_name(const progress_screen *p, int i)
{
    if (i > 0)
        return row_at(p, i)->name;
    return p->consolidated ? p->levels[p->depth].name : _("Whole commune");
}

/* A percentage as people read it ("66,7%" in Vietnamese), or "-" with nothing to count. */
static void pct_text(const progress_row *r, enum target_indicator ind, char out[16])
{
    long part, whole;
    progress_fraction(r, ind, &part, &whole);
    double v = progress_percent(part, whole);
    if (v < 0) {
        snprintf(out, 16, "-");
        return;
    }
    snprintf(out, 16, "%.1f%%", v);
    char *dot = strchr(out, '.');
    if (dot && strcmp(i18n_lang(), "vi") == 0)
        *dot = ',';
}

static progress_status status_of(const progress_screen *p, const progress_row *r, enum target_indicator ind)
{
    long part, whole;
    progress_fraction(r, ind, &part, &whole);
    return progress_status_of(&p->t.targets[ind], part, whole, p->t.as_of);
}

/* The one-character mark the report uses: '!' behind, '~' at risk. */
static const char *mark_of(progress_status s)
{
    return s == PSTATUS_BEHIND ? "!" : s == PSTATUS_AT_RISK ? "~" : " ";
}

static int page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    (void)e;
    progress_screen *p = l->ctx;
    return list_index_page(p->ok ? p->t.n_rows + 1 : 0, from, dir, limit, rows);
}

/* Column widths after the name's, which takes what is left (at least 10). */
static const int FIG_WIDTHS[] = {6, 11, 9, 9, 9, 0};

/* The table's column widths for cols columns. */
static void widths_for(int cols, int w[7])
{
    w[0] = cols - 52 < 10 ? 10 : cols - 52 > 40 ? 40 : cols - 52;
    for (int i = 0; i < 6; i++)
        w[i + 1] = FIG_WIDTHS[i];
}

/* A bar of r's chosen indicator in bw columns with the target line '|' drawn
 * across it (ASCII on a monochrome terminal): the picture a leader reads. */
static void chart_bar(const progress_screen *p, const progress_row *r, int bw, char *out, size_t n)
{
    long part, whole;
    progress_fraction(r, (enum target_indicator)p->ind, &part, &whole);
    char bar[512];
    bool utf8 = progress_bar_utf8();
    progress_bar_text(progress_percent(part, whole), bw, utf8, bar, sizeof bar);
    /* The target's column: counted in characters (a block character is 3 bytes). */
    int at = (int)(p->t.targets[p->ind].percent * bw / 100.0 + 0.5), col = 0;
    size_t o = 0;
    out[0] = '\0';
    for (const char *c = bar; *c && o + 8 < n; col++) {
        int len = 1;
        while ((c[len] & 0xC0) == 0x80)
            len++;
        if (col == at)
            out[o++] = '|';
        else
            o += (size_t)snprintf(out + o, n - o, "%.*s", len, c);
        c += len;
    }
    if (at >= bw && o + 2 < n)
        out[o++] = '|';
    out[o] = '\0';
}

/* A row of the chart: name, bar, percentage and mark. */
static void format_chart(progress_screen *p, int i, char *out, size_t n, int cols)
{
    const progress_row *r = row_at(p, i);
    int w[3] = {cols / 4 < 12 ? 12 : cols / 4, cols - (cols / 4 < 12 ? 12 : cols / 4) - 10, 0};
    char bar[1024], v[24];
    if (r->sent == 0) {
        const char *t[] = {row_name(p, i), _("(sent nothing)"), ""};
        list_columns(out, n, cols, w, t, 3);
        return;
    }
    chart_bar(p, r, w[1] - 2, bar, sizeof bar);
    char pct[16];
    pct_text(r, (enum target_indicator)p->ind, pct);
    snprintf(v, sizeof v, "%6s%s", pct, mark_of(status_of(p, r, (enum target_indicator)p->ind)));
    const char *t[] = {row_name(p, i), bar, v};
    list_columns(out, n, cols, w, t, 3);
}

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    progress_screen *p = l->ctx;
    int i = *(const int *)row;
    const progress_row *r = row_at(p, i);
    if (p->chart) {
        format_chart(p, i, out, n, cols);
        return;
    }
    if (r->sent == 0) { /* marked, not counted as zero progress */
        const char *t[] = {row_name(p, i), _("(sent nothing)")};
        int w[2] = {cols - 52 < 10 ? 10 : cols - 52 > 40 ? 40 : cols - 52, 0};
        list_columns(out, n, cols, w, t, 2);
        return;
    }
    char teams[24], members[24], pct[TARGET_COUNT][24], acts[24];
    snprintf(teams, sizeof teams, "%ld", r->teams);
    snprintf(members, sizeof members, "%ld", r->members);
    for (int k = 0; k < TARGET_COUNT; k++) {
        char v[16];
        pct_text(r, (enum target_indicator)k, v);
        snprintf(pct[k], sizeof pct[k], "%s%s", v, mark_of(status_of(p, r, (enum target_indicator)k)));
    }
    snprintf(acts, sizeof acts, "%ld", r->activities);
    const char *t[] = {row_name(p, i), teams, members, pct[0], pct[1], pct[2], acts};
    int w[7];
    widths_for(cols, w);
    list_columns(out, n, cols, w, t, 7);
}

/* The heading of the rows' column at a level. */
static const char *level_title(progress_by by)
{
    switch (by) {
    case PROGRESS_BY_PROVINCE: return _("Province");
    case PROGRESS_BY_COMMUNE: return _("Commune");
    case PROGRESS_BY_TEAM: return _("Team");
    case PROGRESS_BY_MEMBER: return _("Member");
    default: return _("Village/group");
    }
}

static void header(list_view *l, char *out, size_t n, int cols)
{
    progress_screen *p = l->ctx;
    if (p->chart) {
        char what[256];
        snprintf(what, sizeof what, _("%s: %% (| = target %.0f%%), highest first"), _(IND_LABEL[p->ind]),
                 p->t.targets[p->ind].percent);
        const char *t[] = {level_title(p->t.by), what};
        int w[2] = {cols / 4 < 12 ? 12 : cols / 4, 0};
        list_columns(out, n, cols, w, t, 2);
        return;
    }
    const char *t[] = {level_title(p->t.by), _("Teams"), _("Members"), _("MOOC"), _("Zalo OA"), _("In person"),
                       _("Activities")};
    int w[7];
    widths_for(cols, w);
    list_columns(out, n, cols, w, t, 7);
}

static const list_source SRC = {sizeof(int), page, format, header, NULL, NULL};

/* The mark beside a bar, in words (never colour alone). */
static const char *status_words(progress_status s)
{
    switch (s) {
    case PSTATUS_BEHIND: return _("! BEHIND SCHEDULE");
    case PSTATUS_AT_RISK: return _("~ at risk");
    case PSTATUS_REACHED: return _("reached");
    case PSTATUS_ON_TRACK: return _("on track");
    default: return _("nothing to count");
    }
}

/* The two lines of an indicator of the selected unit from row y: label, bar,
 * value; then the target, deadline and where it stands, in words. */
static void draw_indicator(progress_screen *p, const progress_row *r, int k, int y)
{
    enum target_indicator ind = (enum target_indicator)k;
    long part, whole;
    progress_fraction(r, ind, &part, &whole);
    progress_status st = status_of(p, r, ind);
    const cdtt_target *tg = &p->t.targets[ind];
    char v[16], dl[11], bar[512], line[512];
    pct_text(r, ind, v);
    date_to_display(tg->deadline, dl);
    int bw = COLS - 30 - 16;
    if (bw > 60)
        bw = 60;
    progress_bar_text(progress_percent(part, whole), bw, progress_bar_utf8(), bar, sizeof bar);
    bool sel = k == p->ind;
    int attr = sel ? theme_attr(TH_SELECTED) : (int)A_NORMAL;
    draw_fill(y, 0, COLS, attr);
    snprintf(line, sizeof line, "%s%d %s", sel ? ">" : " ", k + 1, _(IND_LABEL[k]));
    draw_text(y, 0, line, 30, attr);
    draw_text(y, 30, bar, bw, attr);
    snprintf(line, sizeof line, "%6s (%ld/%ld)", v, part, whole);
    draw_text(y, 31 + bw, line, COLS - 31 - bw, attr);
    snprintf(line, sizeof line, _("target %.0f%% by %s"), tg->percent, dl);
    int x = 4 + draw_text(y + 1, 4, line, COLS - 4, theme_attr(TH_DIM));
    int mattr = st == PSTATUS_BEHIND ? theme_attr(TH_ERROR) | (int)A_BOLD
                : st == PSTATUS_AT_RISK ? theme_attr(TH_WARN) : (int)A_NORMAL;
    draw_text(y + 1, x + 2, status_words(st), COLS - x - 2, mattr);
}

static void draw(tui_screen *s)
{
    tui_ctx *cx = s->cx;
    progress_screen *p = (progress_screen *)s;
    if (!p->ok)
        return;
    char as_of[11], line[512];
    date_to_display(p->t.as_of, as_of);
    int i = p->list.n > 0 ? *(const int *)list_selected(&p->list) : 0;
    const progress_row *r = row_at(p, i);
    snprintf(line, sizeof line, _("Progress as of %s: %s"), as_of, row_name(p, i));
    draw_text(1, 1, line, COLS - 2, A_BOLD);
    snprintf(line, sizeof line, _("Teams: %ld   Members: %ld   Activities this month: %ld (people %ld, households %ld)"),
             r->teams, r->members, r->activities, r->people, r->households);
    draw_text(2, 1, line, COLS - 2, A_NORMAL);
    for (int k = 0; k < TARGET_COUNT; k++)
        draw_indicator(p, r, k, 3 + 2 * k);
    draw_text(9, 1, p->consolidated ? _("Enter goes down, Esc up; 1 2 3 who is missing; g a bar per unit.")
                                     : _("Left/Right choose a figure, Enter (or 1 2 3) lists who is still missing it."),
              COLS - 2, theme_attr(TH_DIM));
    list_draw(&p->list, 10, LINES - 2 - 10, true);
    ctx_cursor(cx, -1, -1);
}

/* The scope of row i of the level shown: the level's own for the totals (and
 * a member), narrowed to the row's commune, village or team otherwise. */
static progress_scope row_scope(const progress_screen *p, int i)
{
    progress_scope sc = p->levels[p->depth].scope;
    const progress_row *r = row_at(p, i);
    if (i == 0)
        return sc;
    switch (p->t.by) {
    case PROGRESS_BY_PROVINCE:
        snprintf(sc.province, sizeof sc.province, "%s", r->code);
        break;
    case PROGRESS_BY_COMMUNE:
        snprintf(sc.commune, sizeof sc.commune, "%s", r->code);
        break;
    case PROGRESS_BY_AREA:
        snprintf(sc.commune, sizeof sc.commune, "%s", r->commune_code);
        snprintf(sc.area, sizeof sc.area, "%s", !r->key[0] || r->key[0] == '-' ? PROGRESS_NO_AREA : r->key);
        break;
    case PROGRESS_BY_TEAM:
        snprintf(sc.team, sizeof sc.team, "%s", r->key);
        break;
    default:
        break;
    }
    return sc;
}

/* Opens who is missing indicator k in the selected unit. */
static void open_missing(progress_screen *p, int k)
{
    tui_ctx *cx = p->base.cx;
    const int *sel = list_selected(&p->list);
    int i = sel ? *sel : 0;
    const progress_row *r = row_at(p, i);
    tui_screen *m;
    if (p->consolidated) {
        progress_scope sc = row_scope(p, i);
        m = screen_missing_new_in(cx, (enum target_indicator)k, p->t.as_of, &sc, row_name(p, i));
    } else {
        m = screen_missing_new(cx, (enum target_indicator)k, p->t.as_of, i == 0 ? NULL : r->key, row_name(p, i));
    }
    if (m)
        ctx_push(cx, m);
}

static void compute(progress_screen *p);

/* Enter at a consolidating office: one level down from the selected row (a
 * member's form below a team); the totals row lists who is missing. */
static void go_down(progress_screen *p)
{
    tui_ctx *cx = p->base.cx;
    const int *sel = list_selected(&p->list);
    int i = sel ? *sel : 0;
    const progress_row *r = row_at(p, i);
    if (i == 0) {
        open_missing(p, p->ind);
        return;
    }
    if (r->sent == 0) {
        ctx_message(cx, 1, _("%s has sent nothing yet."), r->name);
        return;
    }
    if (p->t.by == PROGRESS_BY_MEMBER) {
        tui_screen *f = member_form_open(cx, r->key, NULL);
        if (f)
            ctx_push(cx, f);
        return;
    }
    if (p->depth + 1 >= DRILL_MAX)
        return;
    drill_level *here = &p->levels[p->depth];
    here->sel = i;
    here->first = p->list.anchor ? *(const int *)p->list.anchor : 0;
    drill_level *next = &p->levels[++p->depth];
    memset(next, 0, sizeof *next);
    next->by = p->t.by == PROGRESS_BY_PROVINCE ? PROGRESS_BY_COMMUNE
             : p->t.by == PROGRESS_BY_COMMUNE ? PROGRESS_BY_AREA
             : p->t.by == PROGRESS_BY_AREA ? PROGRESS_BY_TEAM : PROGRESS_BY_MEMBER;
    next->scope = row_scope(p, i);
    if (p->t.by == PROGRESS_BY_AREA && r->commune_name[0])
        snprintf(next->name, sizeof next->name, "%s, %s", r->name, r->commune_name);
    else
        snprintf(next->name, sizeof next->name, "%s", r->name);
    compute(p);
    list_rewind(&p->list);
}

/* Esc below the top level: back up to the row we went down from. */
static bool go_up(progress_screen *p)
{
    if (p->depth == 0)
        return false;
    p->depth--;
    compute(p);
    list_index_show(&p->list, p->levels[p->depth].first, p->levels[p->depth].sel);
    return true;
}

/* ---- F5: the date the figures are counted at ---- */
typedef struct {
    char date[11];
} as_of_rec;

FIELD_STR(as_of_rec, date, date)

static const form_field AS_OF_FIELDS[] = {
    {N_("Figures as of"), "date", FK_DATE, DATE_MAX_CHARS, NULL, true, ACCESS(date), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};

/* Takes the date for the progress screen below the form (it recomputes on resume). */
static int as_of_save(form *f, int accept, findings *fs, cdtt_err *e)
{
    (void)accept, (void)fs, (void)e;
    form_screen *s = f->ctx;
    progress_screen *p = s->extra;
    snprintf(p->as_of, sizeof p->as_of, "%s", ((const as_of_rec *)f->rec)->date);
    return 0;
}

static void as_of_open(progress_screen *p)
{
    tui_ctx *cx = p->base.cx;
    as_of_rec *r = xcalloc(1, sizeof *r);
    snprintf(r->date, sizeof r->date, "%s", p->as_of);
    form_screen *fs = form_screen_new(cx, N_("Progress as of which date (F2 applies)"), AS_OF_FIELDS, r, false, NULL,
                                      as_of_save);
    fs->extra = p; /* not owned: free_extra stays NULL */
    ctx_push(cx, &fs->base);
}

/* Writes the table as the report does. */
static void write_table(FILE *f, void *ctx, report_format fmt)
{
    report_progress_write(f, ctx, fmt);
}

/* F2 above a commune: the summary workbook beside the csv and txt (msg says all three). */
static int export_summary(progress_screen *p, const char *stem, char *msg, size_t n)
{
    char path[128], cwd[256];
    cdtt_err e;
    memset(&e, 0, sizeof e);
    snprintf(path, sizeof path, "%s.xlsx", stem);
    if (report_progress_xlsx(&p->t, path, 1, &e) < 0) {
        snprintf(msg, n, "%s", e.msg);
        return -1;
    }
    if (!getcwd(cwd, sizeof cwd))
        snprintf(cwd, sizeof cwd, ".");
    snprintf(msg, n, _("Written: %s.csv, %s.txt and %s in %s"), stem, stem, path, cwd);
    return 0;
}

static bool key(tui_screen *s, const tui_event *ev)
{
    tui_ctx *cx = s->cx;
    progress_screen *p = (progress_screen *)s;
    if (!p->ok)
        return false;
    if (ev->act == ACT_SAVE) {
        char stem[64], msg[512];
        snprintf(stem, sizeof stem, "%s-%s", _("progress"), p->t.as_of);
        int rc = training_export(cx, stem, write_table, &p->t, msg, sizeof msg);
        if (rc == 0 && p->consolidated)
            rc = export_summary(p, stem, msg, sizeof msg);
        ctx_message(cx, rc < 0 ? 2 : 0, "%s", msg);
        return true;
    }
    if (p->consolidated && ev->act == ACT_BACK && go_up(p))
        return true;
    if (p->consolidated && !ev->is_key && (ev->ch == 'g' || ev->ch == 'G' || ev->ch == '\t')) {
        p->chart = !p->chart;
        compute(p);
        list_rewind(&p->list);
        return true;
    }
    if (ev->act == ACT_FILTER) {
        as_of_open(p);
        return true;
    }
    if (ev->is_key && (ev->ch == KEY_LEFT || ev->ch == KEY_RIGHT)) {
        p->ind = (p->ind + (ev->ch == KEY_LEFT ? TARGET_COUNT - 1 : 1)) % TARGET_COUNT;
        if (p->chart) { /* the bars follow the indicator, sorted again */
            compute(p);
            list_rewind(&p->list);
        }
        return true;
    }
    if (!ev->is_key && ev->ch >= '1' && ev->ch <= '3') {
        p->ind = (int)(ev->ch - '1');
        open_missing(p, p->ind);
        return true;
    }
    if ((!ev->is_key && (ev->ch == '\r' || ev->ch == '\n')) || (ev->is_key && ev->ch == KEY_ENTER)) {
        if (p->consolidated)
            go_down(p);
        else
            open_missing(p, p->ind);
        return true;
    }
    return ev->act == ACT_NONE && list_key(&p->list, ev);
}

/* Computes the figures again as of p->as_of (after a change made from a missing list). */
static void compute(progress_screen *p)
{
    tui_ctx *cx = p->base.cx;
    if (p->ok)
        progress_free(&p->t);
    cdtt_err e;
    memset(&e, 0, sizeof e);
    const drill_level *lv = &p->levels[p->depth];
    p->ok = progress_compute_in(cx->db, cx->cfg, lv->by, p->as_of, &lv->scope, &p->t, &e) == 0;
    if (!p->ok)
        ctx_message(cx, 2, "%s", e.msg);
    else if (p->chart)
        progress_sort(&p->t, PROGRESS_SORT_PROGRESS, p->ind);
    p->list.stale = true;
    ctx_timing(cx, "progress_drawn", cx->key_ms);
}

static void resume(tui_screen *s)
{
    compute((progress_screen *)s);
}

static const char *relabel(tui_screen *s, tui_action a)
{
    (void)s;
    return a == ACT_SAVE ? _("Export") : a == ACT_FILTER ? _("Date") : NULL;
}

static void destroy(tui_screen *s)
{
    progress_screen *p = (progress_screen *)s;
    if (p->ok)
        progress_free(&p->t);
    list_free(&p->list);
    free(p);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {
    .draw = draw, .key = key, .resume = resume, .destroy = destroy, .relabel = relabel,
};

tui_screen *screen_training_progress_new(tui_ctx *cx)
{
    progress_screen *p = xcalloc(1, sizeof *p);
    tui_screen_init(&p->base, cx, &HOOKS, ACTIONS, N_("Training progress"));
    list_init(&p->list, &SRC, p, &cx->report);
    date_today(p->as_of);
    office_rec o;
    p->levels[0].by = PROGRESS_BY_AREA;
    if (office_get(cx->db, &o) == 0 && strcmp(o.level, "commune") != 0) {
        p->consolidated = true;
        /* The nation starts at its provinces; a province or district at its communes. */
        p->levels[0].by = strcmp(o.level, "national") == 0 ? PROGRESS_BY_PROVINCE : PROGRESS_BY_COMMUNE;
        snprintf(p->levels[0].name, sizeof p->levels[0].name, "%s",
                 strcmp(o.level, "national") == 0 ? _("Whole country")
                 : strcmp(o.level, "district") == 0 ? _("Whole district") : _("Whole province"));
    }
    compute(p);
    return &p->base;
}
