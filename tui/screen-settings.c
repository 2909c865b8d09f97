/* screen-settings.c — the Settings screen: the database file in use, the
 * configuration files read, and a form over the settings an office changes
 * (language, Telex tone style, targets, team sizes), each checked as a
 * cdtt.ini line would be and saved into the user's own cdtt.ini. */
#include "tui-screens.h"
#include "config.h"
#include "i18n.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* The form's record: every value as the text a cdtt.ini line holds. */
typedef struct {
    char lang[8], tone[8];
    char pct[TARGET_COUNT][16], deadline[TARGET_COUNT][16];
    char min_attendees[16], max_commune[16], max_village[16];
} settings_rec;

/* Where each field's value lives in cdtt.ini, in the order of FIELDS. */
static const struct {
    const char *section, *key;
    size_t offset, size;
} WHERE[] = {
#define AT(sec, key, member) {sec, key, offsetof(settings_rec, member), sizeof ((settings_rec *)0)->member}
    AT("ui", "lang", lang),
    AT("ui", "telex_tone", tone),
    AT("targets", "mooc", pct[TARGET_MOOC]),
    AT("targets", "mooc_deadline", deadline[TARGET_MOOC]),
    AT("targets", "zalo", pct[TARGET_ZALO]),
    AT("targets", "zalo_deadline", deadline[TARGET_ZALO]),
    AT("targets", "inperson", pct[TARGET_INPERSON]),
    AT("targets", "inperson_deadline", deadline[TARGET_INPERSON]),
    AT("targets", "inperson_min_attendees", min_attendees),
    AT("rules", "team_max_commune", max_commune),
    AT("rules", "team_max_village", max_village),
#undef AT
};
#define N_SETTINGS (int)(sizeof WHERE / sizeof WHERE[0])

/* Field accessors and checks by position in WHERE: the check parses the text
 * exactly as config_load_file would and gives the value as a file holds it. */
static valid_status check_at(int i, const char *in, char *out, size_t n, valid_result *r)
{
    cdtt_config c;
    cdtt_err e;
    memset(&e, 0, sizeof e);
    config_defaults(&c);
    if (config_set_value(&c, WHERE[i].section, WHERE[i].key, in, &e) < 0) {
        snprintf(r->msg, sizeof r->msg, "%s", e.msg);
        return r->status = VALID_ERROR;
    }
    config_value_text(&c, WHERE[i].section, WHERE[i].key, out, n);
    return VALID_OK;
}

#define SETTING(i)                                                                      \
    static void get_##i(const void *r, char *o, size_t n)                               \
    { snprintf(o, n, "%s", (const char *)r + WHERE[i].offset); }                         \
    static void set_##i(void *r, const char *v)                                         \
    { snprintf((char *)r + WHERE[i].offset, WHERE[i].size, "%s", v); }                   \
    static valid_status check_##i(const void *r, const char *in, char *o, size_t n, valid_result *res) \
    { (void)r; return check_at(i, in, o, n, res); }
SETTING(0) SETTING(1) SETTING(2) SETTING(3) SETTING(4) SETTING(5)
SETTING(6) SETTING(7) SETTING(8) SETTING(9) SETTING(10)
#define AX(i) get_##i, set_##i, check_##i

static const choice LANGS[] = {
    {"vi", "Tiếng Việt", "Vietnamese"},
    {"en", "Tiếng Anh (English)", "English"},
    {NULL, NULL, NULL},
};

static const choice TONES[] = {
    {"new", "Kiểu mới: hòa, khỏe, thủy", "New style: hòa, khỏe, thủy"},
    {"old", "Kiểu cũ: hoà, khoẻ, thuỷ", "Old style: hoà, khoẻ, thuỷ"},
    {NULL, NULL, NULL},
};

static const form_field FIELDS[] = {
    {N_("Language"), "lang", FK_CHOICE, 28, LANGS, true, AX(0)},
    {N_("Telex tone marks"), "telex_tone", FK_CHOICE, 28, TONES, true, AX(1)},
    {N_("MOOC target (%)"), "mooc", FK_TEXT, 8, NULL, true, AX(2)},
    {N_("MOOC deadline"), "mooc_deadline", FK_DATE, DATE_MAX_CHARS, NULL, true, AX(3)},
    {N_("Zalo OA target (%)"), "zalo", FK_TEXT, 8, NULL, true, AX(4)},
    {N_("Zalo OA deadline"), "zalo_deadline", FK_DATE, DATE_MAX_CHARS, NULL, true, AX(5)},
    {N_("In-person target (%)"), "inperson", FK_TEXT, 8, NULL, true, AX(6)},
    {N_("In-person deadline"), "inperson_deadline", FK_DATE, DATE_MAX_CHARS, NULL, true, AX(7)},
    {N_("Min. attendees per team"), "inperson_min_attendees", FK_TEXT, 8, NULL, true, AX(8)},
    {N_("Max. commune team size"), "team_max_commune", FK_TEXT, 8, NULL, true, AX(9)},
    {N_("Max. village team size"), "team_max_village", FK_TEXT, 8, NULL, true, AX(10)},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};

/* The settings the program runs with once this screen has saved (cx->cfg
 * then points here, so the new values take effect at once). */
static cdtt_config running;

typedef struct {
    tui_screen base;
    form f;
    settings_rec rec;
    settings_rec shown; /* the values as the screen showed them before any change */
    char user_path[4096];
    char files[5][4096]; /* the files that make the settings, in the order read */
    int n_files;
    cdtt_config eff;     /* the settings those files give */
    char origin[4][700]; /* "Set in FILE: keys" lines */
    int n_origin;
    char db_line[2][700];
} settings_screen;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_NEW, ACT_BACK, ACT_NONE};

/* Reads the files over the defaults into s->eff and says which file set which keys. */
static void replay(settings_screen *s)
{
    cdtt_config prev;
    config_defaults(&prev);
    s->n_origin = 0;
    int warn = config_set_warnings(0);
    for (int k = 0; k < s->n_files; k++) {
        cdtt_config cur = prev;
        cdtt_err e;
        memset(&e, 0, sizeof e);
        if (config_load_file(&cur, s->files[k], 0, &e) < 0)
            continue;
        char keys[500] = "";
        for (int i = 0; i < N_SETTINGS; i++) {
            char a[64], b[64];
            config_value_text(&prev, WHERE[i].section, WHERE[i].key, a, sizeof a);
            config_value_text(&cur, WHERE[i].section, WHERE[i].key, b, sizeof b);
            if (strcmp(a, b) != 0 && strlen(keys) + strlen(WHERE[i].key) + 3 < sizeof keys)
                snprintf(keys + strlen(keys), sizeof keys - strlen(keys), "%s%s", keys[0] ? ", " : "",
                         WHERE[i].key);
        }
        if (keys[0] && s->n_origin < 4)
            snprintf(s->origin[s->n_origin++], sizeof s->origin[0], _("Set in %s: %s"), s->files[k], keys);
        prev = cur;
    }
    config_set_warnings(warn);
    s->eff = prev;
}

/* The files read at start, with the user's own file in its place (after
 * /etc, before --config) even when it did not exist yet. */
static void list_files(settings_screen *s, const cdtt_config *c)
{
    config_user_path(s->user_path, sizeof s->user_path);
    bool have_user = false;
    for (int i = 0; i < c->n_loaded; i++)
        have_user = have_user || strcmp(c->loaded_from[i], s->user_path) == 0;
    s->n_files = 0;
    for (int i = 0; i < c->n_loaded; i++) {
        bool etc = strcmp(c->loaded_from[i], "/etc/cdtt/cdtt.ini") == 0;
        if (!have_user && !etc && s->n_files == i) {
            snprintf(s->files[s->n_files++], sizeof s->files[0], "%s", s->user_path);
            have_user = true;
        }
        snprintf(s->files[s->n_files++], sizeof s->files[0], "%s", c->loaded_from[i]);
    }
    if (!have_user)
        snprintf(s->files[s->n_files++], sizeof s->files[0], "%s", s->user_path);
}

/* Fills the record from a configuration. */
static void rec_from(settings_rec *r, const cdtt_config *c)
{
    for (int i = 0; i < N_SETTINGS; i++)
        config_value_text(c, WHERE[i].section, WHERE[i].key, (char *)r + WHERE[i].offset, WHERE[i].size);
}

/* The database file's path, size and last change, as two lines. */
static void describe_db(settings_screen *s)
{
    tui_ctx *cx = s->base.cx;
    const char *path = sqlite3_db_filename(cx->db, "main");
    snprintf(s->db_line[0], sizeof s->db_line[0], _("Database file: %s"), path && *path ? path : "-");
    struct stat st;
    if (!path || stat(path, &st) != 0) {
        s->db_line[1][0] = '\0';
        return;
    }
    char wal[4200];
    struct stat ws;
    snprintf(wal, sizeof wal, "%s-wal", path);
    long long bytes = (long long)st.st_size;
    time_t when = st.st_mtime;
    if (stat(wal, &ws) == 0) {
        bytes += (long long)ws.st_size;
        if (ws.st_mtime > when)
            when = ws.st_mtime;
    }
    struct tm tm;
    char day[32];
    localtime_r(&when, &tm);
    strftime(day, sizeof day, "%d/%m/%Y %H:%M", &tm);
    snprintf(s->db_line[1], sizeof s->db_line[1], _("Size: %.1f MB   Last change: %s"),
             (double)bytes / (1024.0 * 1024.0), day);
}

/* Writes the values the user changed into the user's file, reads the
 * settings again, and makes them the running ones. */
static int save(form *f, int accept_warnings, findings *fs, cdtt_err *e)
{
    (void)accept_warnings;
    (void)fs;
    settings_screen *s = f->ctx;
    tui_ctx *cx = s->base.cx;
    config_change ch[N_SETTINGS];
    char now[N_SETTINGS][64];
    int n = 0;
    for (int i = 0; i < N_SETTINGS; i++) {
        const char *v = (const char *)&s->rec + WHERE[i].offset;
        if (strcmp(v, (const char *)&s->shown + WHERE[i].offset) != 0)
            ch[n++] = (config_change){WHERE[i].section, WHERE[i].key, v};
    }
    if (n == 0) {
        ctx_message(cx, 0, "%s", _("Nothing changed."));
        return 0;
    }
    if (config_write_user(s->user_path, ch, n, e) < 0)
        return -1;
    replay(s);
    cdtt_config next = *cx->cfg;
    for (int i = 0; i < n; i++)
        config_set_value(&next, ch[i].section, ch[i].key, ch[i].value, NULL);
    running = next;
    cx->cfg = &running;
    s->shown = s->rec;
    records_set_limits(running.team_max_commune, running.team_max_village);
    /* A file read after the user's (--config) may still set a saved key. */
    for (int i = 0; i < n; i++) {
        char got[64];
        config_value_text(&s->eff, ch[i].section, ch[i].key, got, sizeof got);
        config_value_text(&running, ch[i].section, ch[i].key, now[i], sizeof now[i]);
        if (strcmp(got, now[i]) != 0) {
            ctx_message(cx, 1, _("Saved, but a file read later (--config) still sets %s."), ch[i].key);
            return 0;
        }
    }
    ctx_message(cx, 0, _("Saved to %s."), s->user_path);
    return 0;
}

/* Switches the language at once when the language field changes. */
static void follow_language(settings_screen *s)
{
    int i = form_field_index(&s->f, "lang");
    const char *code = s->f.sel[i] >= 0 ? LANGS[s->f.sel[i]].code : "vi";
    if (strcmp(code, i18n_lang()) == 0)
        return;
    i18n_set_lang(code);
    snprintf(s->base.title, sizeof s->base.title, "%s", N_("Settings"));
    describe_db(s);
    replay(s);
}

static void draw(tui_screen *ts)
{
    tui_ctx *cx = ts->cx;
    settings_screen *s = (settings_screen *)ts;
    int y = 1;
    draw_text(y++, 2, s->db_line[0], COLS - 4, A_BOLD);
    if (s->db_line[1][0])
        draw_text(y++, 2, s->db_line[1], COLS - 4, A_NORMAL);
    char line[700];
    snprintf(line, sizeof line, _("Your settings file: %s"), s->user_path);
    draw_text(y++, 2, line, COLS - 4, A_NORMAL);
    const cdtt_config *c = cx->cfg;
    if (c->n_loaded == 0)
        snprintf(line, sizeof line, "%s", _("Configuration files read: none"));
    else
        snprintf(line, sizeof line, _("Configuration files read: %s%s%s%s%s"), c->loaded_from[0],
                 c->n_loaded > 1 ? ", " : "", c->n_loaded > 1 ? c->loaded_from[1] : "",
                 c->n_loaded > 2 ? ", " : "", c->n_loaded > 2 ? c->loaded_from[2] : "");
    draw_text(y++, 2, line, COLS - 4, A_NORMAL);
    for (int i = 0; i < s->n_origin; i++)
        draw_text(y++, 2, s->origin[i], COLS - 4, theme_attr(TH_DIM));
    if (s->n_origin == 0)
        draw_text(y++, 2, _("Every value is the built-in default (plan 4510/BTTTT-CĐSQG)."), COLS - 4,
                  theme_attr(TH_DIM));
    form_draw(&s->f, y + 1, LINES - 2 - (y + 1));
    ts->text_input = form_text_focus(&s->f);
}

/* F4 (Ctrl-N) here changes the office of the file. */
static const char *relabel(tui_screen *ts, tui_action a)
{
    (void)ts;
    return a == ACT_NEW ? _("Office") : NULL;
}

/* Field keys go to the form (F2 saves), F4 changes the office; leaving with
 * changes asks first. */
static bool key(tui_screen *ts, const tui_event *ev)
{
    tui_ctx *cx = ts->cx;
    settings_screen *s = (settings_screen *)ts;
    if (ev->act == ACT_NEW) {
        tui_screen *c = screen_setup_change(cx);
        if (c)
            ctx_push(cx, c);
        return true;
    }
    int r = form_key(&s->f, ev, cx->telex, ctx_telex_style(cx));
    follow_language(s);
    if (r >= 0)
        return true;
    if (ev->act == ACT_BACK && s->f.dirty && !ctx_confirm(cx, _("Leave without saving the changes?")))
        return true;
    if (ev->act == ACT_BACK)
        ctx_message(cx, 0, "%s", "");
    return false;
}

static void destroy(tui_screen *ts)
{
    settings_screen *s = (settings_screen *)ts;
    form_free(&s->f);
    free(ts);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .destroy = destroy, .relabel = relabel};

tui_screen *screen_settings_new(tui_ctx *cx)
{
    settings_screen *s = xcalloc(1, sizeof *s);
    tui_screen_init(&s->base, cx, &HOOKS, ACTIONS, N_("Settings"));
    list_files(s, cx->cfg);
    replay(s);
    rec_from(&s->rec, cx->cfg);
    /* The language shown is the one in use (--lang may differ from the files). */
    snprintf(s->rec.lang, sizeof s->rec.lang, "%s", i18n_lang());
    s->shown = s->rec;
    describe_db(s);
    form_open(&s->f, FIELDS, &s->rec, NULL, save, s, &cx->report);
    return &s->base;
}
