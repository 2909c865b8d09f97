/* screen-picker.c — choosing files: a folder line that can be edited and the
 * folder's subfolders and files of one kind in the list widget, with a checkbox
 * column when several files may be chosen. */
#include "tui-exchange.h"
#include "tui-form.h"

#include <curses.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    char name[256];
    bool dir, checked;
    long long size;
    time_t mtime;
} entry;

typedef struct picker picker;
typedef struct {
    list_array a; /* first: the list's context */
    picker *self;
} picker_ctx;

struct picker {
    tui_screen base;
    picker_ctx ctx;
    list_view list;
    line_input path;
    bool on_path; /* the folder line has the keys */
    char folder[PATH_MAX];
    char ext[64];
    bool multi;
    entry *e;
    int n;
    picker_fn chosen;
    void *user;
};

static const tui_action ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_BACK, ACT_NONE};

static const entry *entry_of(const list_view *l, const void *row)
{
    const picker *p = ((const picker_ctx *)l->ctx)->self;
    return &p->e[((const array_row *)row)->item];
}

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    const entry *x = entry_of(l, row);
    char name[300], size[32] = "", when[32] = "";
    snprintf(name, sizeof name, "%s%s", x->name, x->dir ? "/" : "");
    if (!x->dir) {
        snprintf(size, sizeof size, "%lld KB", (x->size + 1023) / 1024);
        struct tm tm;
        localtime_r(&x->mtime, &tm);
        strftime(when, sizeof when, "%d/%m/%Y %H:%M", &tm);
    }
    const int widths[] = {cols - 30, 12, 18};
    const char *texts[] = {name, size, when};
    list_columns(out, n, cols, widths, texts, 3);
}

static bool checked(list_view *l, const void *row)
{
    return entry_of(l, row)->checked;
}

static void toggle(list_view *l, const void *row)
{
    entry *x = (entry *)entry_of(l, row);
    if (!x->dir)
        x->checked = !x->checked;
}

static const list_source SRC_ONE = {sizeof(array_row), list_array_page, format, NULL, NULL, NULL};
static const list_source SRC_MULTI = {sizeof(array_row), list_array_page, format, NULL, checked, toggle};

/* True when name ends with ext, or with one of the endings in ext separated
 * by commas (".csv,.xlsx"), case ignored. */
static bool has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name);
    for (const char *p = ext; *p;) {
        size_t k = strcspn(p, ",");
        if (k && n > k && strncasecmp(name + n - k, p, k) == 0)
            return true;
        p += k + (p[k] == ',');
    }
    return false;
}

/* Folders first, then files, each by name. */
static int by_kind_name(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->dir != y->dir)
        return x->dir ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Reads the folder's subfolders and files of the kind; a failure goes to the message line. */
static void read_folder(picker *p)
{
    tui_ctx *cx = p->base.cx;
    free(p->e);
    p->e = NULL;
    p->n = 0;
    DIR *d = opendir(p->folder);
    if (!d) {
        ctx_message(cx, 2, _("Cannot open the folder %s."), p->folder);
    } else {
        int cap = 0;
        struct dirent *de;
        while ((de = readdir(d))) {
            if (strcmp(de->d_name, ".") == 0 || (de->d_name[0] == '.' && strcmp(de->d_name, "..") != 0))
                continue;
            char full[PATH_MAX + 300];
            snprintf(full, sizeof full, "%s/%s", p->folder, de->d_name);
            struct stat st;
            if (stat(full, &st) < 0)
                continue;
            bool dir = S_ISDIR(st.st_mode);
            if (!dir && !(S_ISREG(st.st_mode) && has_ext(de->d_name, p->ext)))
                continue;
            if (p->n == cap) {
                cap = cap ? cap * 2 : 32;
                p->e = xrealloc(p->e, sizeof *p->e * (size_t)cap);
            }
            entry *x = &p->e[p->n++];
            memset(x, 0, sizeof *x);
            snprintf(x->name, sizeof x->name, "%s", de->d_name);
            x->dir = dir;
            x->size = (long long)st.st_size;
            x->mtime = st.st_mtime;
        }
        closedir(d);
        if (p->n > 1)
            qsort(p->e, (size_t)p->n, sizeof *p->e, by_kind_name);
    }
    list_array_all(&p->ctx.a, p->n);
    list_rewind(&p->list);
    line_input_set(&p->path, p->folder);
}

/* Makes folder the one listed (resolved to an absolute path when it exists). */
static void set_folder(picker *p, const char *folder)
{
    char real[PATH_MAX];
    snprintf(p->folder, sizeof p->folder, "%s", realpath(folder, real) ? real : folder);
    read_folder(p);
}

/* Hands paths to the screen's callback. */
static void choose(picker *p, char **paths, int n)
{
    tui_ctx *cx = p->base.cx;
    ctx_message(cx, 0, "%s", "");
    p->chosen(p->base.cx, paths, n, p->user);
}

/* The checked files, or the selected one: hands them over, or enters a folder. */
static void choose_from_list(picker *p)
{
    tui_ctx *cx = p->base.cx;
    char **paths = xcalloc((size_t)(p->n > 0 ? p->n : 1), sizeof *paths);
    int k = 0;
    for (int i = 0; i < p->n; i++)
        if (p->e[i].checked) {
            size_t len = strlen(p->folder) + strlen(p->e[i].name) + 2;
            paths[k] = xmalloc(len);
            snprintf(paths[k++], len, "%s/%s", p->folder, p->e[i].name);
        }
    const array_row *r = list_selected(&p->list);
    if (!k && r) {
        const entry *x = &p->e[r->item];
        char full[PATH_MAX + 300];
        snprintf(full, sizeof full, "%s/%s", p->folder, x->name);
        if (x->dir) {
            free(paths);
            set_folder(p, full);
            return;
        }
        paths[k++] = xstrdup(full);
    }
    if (k)
        choose(p, paths, k);
    else
        ctx_message(cx, 1, "%s", _("There is no file to choose here."));
    for (int i = 0; i < k; i++)
        free(paths[i]);
    free(paths);
}

/* The typed path: a folder is listed, a file is chosen. */
static void choose_typed(picker *p)
{
    tui_ctx *cx = p->base.cx;
    char typed[PATH_MAX];
    line_input_get(&p->path, typed, sizeof typed);
    struct stat st;
    if (!typed[0] || stat(typed, &st) < 0) {
        ctx_message(cx, 2, _("%s does not exist."), typed[0] ? typed : "\"\"");
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        set_folder(p, typed);
        p->on_path = false;
        return;
    }
    char *one[1] = {typed};
    choose(p, one, 1);
}

static void draw(tui_screen *s)
{
    picker *p = (picker *)s;
    int x = draw_text(1, 1, _("Folder or file: "), COLS / 2, A_BOLD) + 1;
    int cx = line_input_draw(&p->path, 1, x, COLS - x - 1);
    draw_text(2, 1,
              p->multi ? _("Space checks files; Enter imports them (or the selected one). Tab: type a path.")
                       : _("Enter chooses the selected file or opens a folder. Tab: type a path."),
              COLS - 2, theme_attr(TH_DIM));
    list_draw(&p->list, 3, LINES - 6, !p->on_path);
    if (p->on_path)
        ctx_cursor(s->cx, 1, cx);
    s->text_input = p->on_path;
}

static bool is_enter(const tui_event *ev)
{
    return keys_enter(ev);
}

/* Tab switches between the folder line and the list; Enter or F2 chooses. */
static bool key(tui_screen *s, const tui_event *ev)
{
    tui_ctx *cx = s->cx;
    picker *p = (picker *)s;
    if (keys_nav(ev) == NAV_TAB || keys_nav(ev) == NAV_BACKTAB) {
        p->on_path = !p->on_path;
        return true;
    }
    if (is_enter(ev) || ev->act == ACT_SAVE) {
        if (p->on_path)
            choose_typed(p);
        else
            choose_from_list(p);
        return true;
    }
    if (p->on_path)
        return ev->act == ACT_NONE && line_input_key(&p->path, ev, cx->telex, 0, &cx->report);
    return ev->act == ACT_NONE && list_key(&p->list, ev);
}

static const char *relabel(tui_screen *s, tui_action a)
{
    (void)s;
    return a == ACT_SAVE ? _("Choose") : NULL;
}

/* Files may have appeared or gone while another screen was on top. */
static void resume(tui_screen *s)
{
    picker *p = (picker *)s;
    read_folder(p);
}

static void destroy(tui_screen *s)
{
    picker *p = (picker *)s;
    list_free(&p->list);
    line_input_free(&p->path);
    list_array_free(&p->ctx.a);
    free(p->e);
    free(p);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {
    .draw = draw, .key = key, .resume = resume, .destroy = destroy, .relabel = relabel,
};

tui_screen *screen_picker_new(tui_ctx *cx, const char *title, const char *ext, bool multi, picker_fn chosen,
                              void *user)
{
    picker *p = xcalloc(1, sizeof *p);
    tui_screen_init(&p->base, cx, &HOOKS, ACTIONS, title);
    snprintf(p->ext, sizeof p->ext, "%s", ext);
    p->multi = multi;
    p->chosen = chosen;
    p->user = user;
    p->ctx.self = p;
    list_init(&p->list, multi ? &SRC_MULTI : &SRC_ONE, &p->ctx, &cx->report);
    line_input_init(&p->path, PATH_MAX - 1 < FIELD_MAX_CHARS ? PATH_MAX - 1 : FIELD_MAX_CHARS);
    set_folder(p, ".");
    return &p->base;
}
