/* config.c — reading cdtt.ini files into the settings (settings.h).
 *
 * iniparser gives up on a whole file for one bad line (printing to stderr), has
 * a 1024-byte line limit, and crashes in getint/getboolean on a section name.
 * So every file is first checked here line by line, with messages naming the
 * file and line; only then is it loaded, values are read with getstring alone
 * and converted here. */
#include "config.h"
#include "text.h"
#include "words.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CONFIG_FILE_MAX (256 * 1024) /* a bigger file is not a configuration */
#define CONFIG_LINE_MAX 1000         /* iniparser's buffer is 1024 */

/* What a key's value must be. */
enum kind { K_PATH, K_LANG, K_TONE, K_PERCENT, K_DATE, K_COUNT, K_MIN1 };

typedef struct {
    const char *section, *key;
    enum kind kind;
    int target;    /* K_PERCENT, K_DATE: the indicator */
    size_t offset; /* K_COUNT, K_MIN1: the int field in cdtt_config */
} key_def;

#define INT_FIELD(f) -1, offsetof(cdtt_config, f)
static const key_def KEYS[] = {
    {"storage", "db", K_PATH, -1, 0},
    {"ui", "lang", K_LANG, -1, 0},
    {"ui", "telex_tone", K_TONE, -1, 0},
    {"targets", "mooc", K_PERCENT, TARGET_MOOC, 0},
    {"targets", "mooc_deadline", K_DATE, TARGET_MOOC, 0},
    {"targets", "zalo", K_PERCENT, TARGET_ZALO, 0},
    {"targets", "zalo_deadline", K_DATE, TARGET_ZALO, 0},
    {"targets", "inperson", K_PERCENT, TARGET_INPERSON, 0},
    {"targets", "inperson_deadline", K_DATE, TARGET_INPERSON, 0},
    {"targets", "inperson_min_attendees", K_MIN1, INT_FIELD(inperson_min_attendees)},
    {"rules", "team_max_commune", K_COUNT, INT_FIELD(team_max_commune)},
    {"rules", "team_max_village", K_COUNT, INT_FIELD(team_max_village)},
};
#define N_KEYS ((int)(sizeof KEYS / sizeof KEYS[0]))

static const char *const SECTIONS[] = {"storage", "ui", "targets", "rules", "aliases", NULL};

static bool warnings_on = true;

int config_set_warnings(int on)
{
    int was = warnings_on;
    warnings_on = on != 0;
    return was;
}

static int quiet(const char *fmt, ...)
{
    (void)fmt;
    return 0;
}

/* Trims white space at both ends in place; returns the start. */
static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static void lower(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

static int key_index(const char *section, const char *key)
{
    for (int i = 0; i < N_KEYS; i++)
        if (strcmp(KEYS[i].section, section) == 0 && strcmp(KEYS[i].key, key) == 0)
            return i;
    return -1;
}

static bool known_section(const char *s)
{
    for (int i = 0; SECTIONS[i]; i++)
        if (strcmp(SECTIONS[i], s) == 0)
            return true;
    return false;
}

/* Reads a whole small file; NULL with e set when it cannot be read or is not
 * a regular file. *missing is set when it does not exist. */
static char *slurp(const char *path, size_t *len, int *missing, cdtt_err *e)
{
    *missing = 0;
    struct stat sb;
    if (stat(path, &sb) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            *missing = 1;
            err_set(e, _("%s: the configuration file does not exist"), path);
        } else {
            err_set(e, _("%s: cannot read the configuration file: %s"), path, strerror(errno));
        }
        return NULL;
    }
    if (!S_ISREG(sb.st_mode)) {
        err_set(e, _("%s: is not a configuration file (a folder or device)"), path);
        return NULL;
    }
    if (sb.st_size > CONFIG_FILE_MAX) {
        err_set(e, _("%s: too big for a configuration file"), path);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_set(e, _("%s: cannot read the configuration file: %s"), path, strerror(errno));
        return NULL;
    }
    char *s = xmalloc(CONFIG_FILE_MAX + 1);
    *len = fread(s, 1, CONFIG_FILE_MAX + 1, f);
    int bad = ferror(f) || *len > CONFIG_FILE_MAX;
    fclose(f);
    if (bad) {
        free(s);
        err_set(e, _("%s: cannot read the configuration file"), path);
        return NULL;
    }
    s[*len] = '\0';
    return s;
}

/* Adds (or replaces) one [aliases] line "kind.VALUE = ITEM" in c. Returns 0,
 * or -1 with e naming the file and line. */
static int add_alias(cdtt_config *c, const char *key, const char *value, const char *path, long ln, cdtt_err *e)
{
    const char *dot = strchr(key, '.');
    char kind[16];
    const choice *list;
    if (!dot || (size_t)(dot - key) >= sizeof kind || !dot[1])
        return err_set(e, _("%s:%ld: an alias is written kind.VALUE = ITEM (kind: gender, role, category, "
                            "youth, status)"),
                       path, ln);
    memcpy(kind, key, (size_t)(dot - key));
    kind[dot - key] = '\0';
    lower(kind);
    if (!choice_kind_list(kind, &list))
        return err_set(e, _("%s:%ld: unknown list \"%s\" (gender, role, category, youth, status)"), path, ln,
                       kind);
    char *v = xstrdup(value);
    char *to = trim(v);
    size_t n = strlen(to);
    if (n >= 2 && to[0] == '"' && to[n - 1] == '"') {
        to[n - 1] = '\0';
        to++;
    }
    if (!choice_interpret(list, kind, to, NULL, 0, NULL)) {
        err_set(e, _("%s:%ld: \"%s\" is not an item of the %s list"), path, ln, to, kind);
        free(v);
        return -1;
    }
    char *from = words_fold(dot + 1);
    int at = c->n_aliases;
    for (int i = 0; i < c->n_aliases; i++) {
        char *f = words_fold(c->aliases[i].from);
        if (strcmp(c->aliases[i].kind, kind) == 0 && strcmp(f, from) == 0)
            at = i;
        free(f);
    }
    free(from);
    if (at == CONFIG_ALIASES_MAX) {
        free(v);
        return err_set(e, _("%s:%ld: more than %d aliases"), path, ln, CONFIG_ALIASES_MAX);
    }
    choice_alias *a = &c->aliases[at];
    snprintf(a->kind, sizeof a->kind, "%s", kind);
    snprintf(a->from, sizeof a->from, "%s", trim((char *)dot + 1));
    snprintf(a->to, sizeof a->to, "%s", to);
    if (at == c->n_aliases)
        c->n_aliases++;
    free(v);
    return 0;
}

/* Checks the text of an ini file line by line as iniparser would read it.
 * Records the line of each known key in key_line and adds the [aliases]
 * lines to c. Unknown sections and keys are warnings on stderr. Returns 0, or
 * -1 with e = "FILE:LINE: reason". */
static int prescan(const char *path, char *text, size_t len, long key_line[N_KEYS], cdtt_config *c, cdtt_err *e)
{
    if (memchr(text, '\0', len))
        return err_set(e, _("%s: not a text file (it contains NUL bytes)"), path);
    char section[64] = "";
    int section_known = 1;
    long ln = 0;
    char *p = text;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3; /* a BOM from Notepad */
    while (*p) {
        ln++;
        char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > CONFIG_LINE_MAX)
            return err_set(e, _("%s:%ld: the line is longer than %d bytes"), path, ln, CONFIG_LINE_MAX);
        if (!text_valid_utf8(p, n))
            return err_set(e, _("%s:%ld: the text is not valid UTF-8"), path, ln);
        char line[CONFIG_LINE_MAX + 1];
        memcpy(line, p, n);
        line[n] = '\0';
        p = nl ? nl + 1 : p + n;
        char *s = trim(line);
        if (!*s || *s == ';' || *s == '#')
            continue;
        if (s[strlen(s) - 1] == '\\')
            return err_set(e, _("%s:%ld: a line may not end with \\"), path, ln);
        if (*s == '[') {
            char *end = strchr(s, ']');
            if (!end || *trim(end + 1) != '\0' || end == s + 1)
                return err_set(e, _("%s:%ld: a section is written [name], alone on its line"), path, ln);
            *end = '\0';
            snprintf(section, sizeof section, "%s", trim(s + 1));
            lower(section);
            section_known = known_section(section);
            if (!section_known && warnings_on)
                fprintf(stderr, _("cdtt: warning: %s:%ld: unknown section [%s] is ignored\n"), path, ln,
                        section);
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq)
            return err_set(e, _("%s:%ld: expected \"key = value\""), path, ln);
        if (!section[0])
            return err_set(e, _("%s:%ld: the key comes before any [section]"), path, ln);
        *eq = '\0';
        char *key = trim(s);
        if (!*key)
            return err_set(e, _("%s:%ld: a key name is missing before '='"), path, ln);
        if (strcmp(section, "aliases") == 0) {
            if (add_alias(c, key, eq + 1, path, ln, e) < 0)
                return -1;
            continue;
        }
        lower(key);
        int k = key_index(section, key);
        if (k >= 0)
            key_line[k] = ln;
        else if (section_known && warnings_on)
            fprintf(stderr, _("cdtt: warning: %s:%ld: unknown key '%s' in [%s] is ignored\n"), path, ln,
                    key, section);
    }
    return 0;
}

/* Parses a whole non-negative decimal integer up to max; -1 when s is not one. */
static long parse_count(const char *s, long max)
{
    if (!*s)
        return -1;
    long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (*s - '0');
        if (v > max)
            return -1;
    }
    return v;
}

/* A percentage 0–100: "85", "85.5", "85,5" or "85%". -1 when not one. */
static double parse_percent(const char *s)
{
    char buf[32];
    size_t n = strlen(s);
    if (n == 0 || n >= sizeof buf)
        return -1;
    memcpy(buf, s, n + 1);
    if (buf[n - 1] == '%')
        buf[--n] = '\0';
    int dots = 0;
    for (size_t i = 0; i < n; i++) {
        if (buf[i] == ',')
            buf[i] = '.';
        if (buf[i] == '.')
            dots++;
        else if (buf[i] < '0' || buf[i] > '9')
            return -1;
    }
    if (dots > 1 || n == 0 || buf[0] == '.' || buf[n - 1] == '.')
        return -1;
    double v = strtod(buf, NULL);
    return (v >= 0 && v <= 100) ? v : -1;
}

/* A date dd/mm/yyyy or YYYY-MM-DD written to out as YYYY-MM-DD; -1 when not one. */
static int parse_date(const char *s, char out[11])
{
    int d, m, y, used = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && used == 10 && s[used] == '\0' &&
        s[4] == '-' && s[7] == '-')
        ;
    else if (sscanf(s, "%2d/%2d/%4d%n", &d, &m, &y, &used) == 3 && used == 10 && s[used] == '\0' &&
             s[2] == '/' && s[5] == '/')
        ;
    else
        return -1;
    for (int i = 0; i < 10; i++)
        if (s[i] != '-' && s[i] != '/' && (s[i] < '0' || s[i] > '9'))
            return -1;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1] || (m == 2 && d == 29 && !leap))
        return -1;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    return 0;
}

/* Converts and stores one value; -1 with e naming the file and line when it is bad. */
static int apply(cdtt_config *c, const key_def *k, const char *v, const char *path, long ln, cdtt_err *e)
{
    long n;
    double pct;
    char date[11];
    switch (k->kind) {
    case K_PATH:
        if (strncmp(v, "~/", 2) == 0 && getenv("HOME"))
            n = snprintf(c->db_path, sizeof c->db_path, "%s/%s", getenv("HOME"), v + 2);
        else
            n = snprintf(c->db_path, sizeof c->db_path, "%s", v);
        if (!*v || n >= (long)sizeof c->db_path)
            return err_set(e, _("%s:%ld: %s needs a file path"), path, ln, k->key);
        return 0;
    case K_LANG:
        if (strcmp(v, "vi") != 0 && strcmp(v, "en") != 0)
            return err_set(e, _("%s:%ld: lang must be vi or en, not '%s'"), path, ln, v);
        snprintf(c->lang, sizeof c->lang, "%s", v);
        return 0;
    case K_TONE:
        if (strcmp(v, "new") != 0 && strcmp(v, "old") != 0)
            return err_set(e, _("%s:%ld: telex_tone must be new or old, not '%s'"), path, ln, v);
        snprintf(c->telex_tone_style, sizeof c->telex_tone_style, "%s", v);
        return 0;
    case K_PERCENT:
        if ((pct = parse_percent(v)) < 0)
            return err_set(e, _("%s:%ld: %s must be a percentage from 0 to 100, not '%s'"), path, ln,
                           k->key, v);
        c->targets[k->target].percent = pct;
        return 0;
    case K_DATE:
        if (parse_date(v, date) < 0)
            return err_set(e, _("%s:%ld: %s must be a date dd/mm/yyyy or yyyy-mm-dd, not '%s'"), path,
                           ln, k->key, v);
        memcpy(c->targets[k->target].deadline, date, sizeof date);
        return 0;
    case K_COUNT:
    case K_MIN1:
        n = parse_count(v, 100000);
        if (n < (k->kind == K_MIN1 ? 1 : 0))
            return err_set(e, _("%s:%ld: %s must be a whole number from %d to 100000, not '%s'"), path,
                           ln, k->key, k->kind == K_MIN1 ? 1 : 0, v);
        *(int *)((char *)c + k->offset) = (int)n;
        return 0;
    }
    return 0;
}

/* Loads path with iniparser, silently; when body is not NULL (the file had a
 * BOM, which iniparser cannot read) loads that text instead through a private
 * temporary file. NULL when iniparser fails. */
static dictionary *load_ini(const char *path, const char *body, size_t len)
{
    iniparser_set_error_callback(quiet);
    if (!body)
        return iniparser_load(path);
    FILE *tmp = tmpfile();
    if (!tmp)
        return NULL;
    dictionary *d = NULL;
    if (fwrite(body, 1, len, tmp) == len && fflush(tmp) == 0) {
        char fdpath[64];
        snprintf(fdpath, sizeof fdpath, "/dev/fd/%d", fileno(tmp));
        d = iniparser_load(fdpath);
    }
    fclose(tmp);
    return d;
}

int config_load_file(cdtt_config *c, const char *path, int must_exist, cdtt_err *e)
{
    size_t len;
    int missing;
    char *text = slurp(path, &len, &missing, e);
    if (!text) {
        if (missing && !must_exist) {
            err_clear(e);
            return 0;
        }
        return -1;
    }
    long key_line[N_KEYS] = {0};
    cdtt_config next = *c;
    int rc = prescan(path, text, len, key_line, &next, e);
    bool bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0;
    if (rc < 0) {
        free(text);
        return -1;
    }

    bool any = false;
    for (int i = 0; i < N_KEYS; i++)
        any = any || key_line[i] > 0;
    if (any) {
        dictionary *d = load_ini(path, bom ? text + 3 : NULL, bom ? len - 3 : 0);
        if (!d) {
            free(text);
            return err_set(e, _("%s: the configuration file cannot be read"), path);
        }
        for (int i = 0; i < N_KEYS && rc == 0; i++) {
            if (!key_line[i])
                continue;
            char name[80];
            snprintf(name, sizeof name, "%s:%s", KEYS[i].section, KEYS[i].key);
            const char *v = iniparser_getstring(d, name, NULL);
            char val[CONFIG_LINE_MAX + 1];
            snprintf(val, sizeof val, "%s", v ? v : "");
            rc = apply(&next, &KEYS[i], trim(val), path, key_line[i], e);
        }
        iniparser_freedict(d);
    }
    free(text);
    if (rc < 0)
        return -1;
    if (next.n_loaded < 4)
        snprintf(next.loaded_from[next.n_loaded++], sizeof next.loaded_from[0], "%s", path);
    *c = next;
    return 0;
}

int config_set_value(cdtt_config *c, const char *section, const char *key, const char *value, cdtt_err *e)
{
    int k = key_index(section, key);
    if (k < 0)
        return err_set(e, _("unknown setting [%s] %s"), section, key);
    char val[CONFIG_LINE_MAX + 1];
    snprintf(val, sizeof val, "%s", value);
    cdtt_err inner;
    memset(&inner, 0, sizeof inner);
    if (apply(c, &KEYS[k], trim(val), "", 0, &inner) == 0)
        return 0;
    /* The message names a file and line (":0: "); a single value has neither. */
    const char *m = strstr(inner.msg, ":0: ");
    return err_set(e, "%s", m ? m + 4 : inner.msg);
}

void config_user_path(char *out, size_t n)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (xdg && *xdg == '/')
        snprintf(out, n, "%s/cdtt/cdtt.ini", xdg);
    else
        snprintf(out, n, "%s/.config/cdtt/cdtt.ini", home && *home ? home : ".");
}

int config_load(cdtt_config *c, const char *explicit_path, cdtt_err *e)
{
    config_defaults(c);
    if (config_load_file(c, "/etc/cdtt/cdtt.ini", 0, e) < 0)
        return -1;
    char path[4096];
    config_user_path(path, sizeof path);
    if (config_load_file(c, path, 0, e) < 0)
        return -1;
    if (explicit_path && config_load_file(c, explicit_path, 1, e) < 0)
        return -1;
    return 0;
}
