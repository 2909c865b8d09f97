/* config-write.c — saving settings into the user's own cdtt.ini, keeping
 * every line it does not change (other keys, comments) as the user wrote it. */
#include "config.h"
#include "outfile.h"
#include "text.h"
#include "words.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define LINE_MAX_WRITE 1000
#define KEY_MAX 320 /* an [aliases] key holds the commune's words */

void config_value_text(const cdtt_config *c, const char *section, const char *key, char *out, size_t n)
{
    (void)section;
    out[0] = '\0';
    if (strcmp(key, "db") == 0)
        snprintf(out, n, "%s", c->db_path);
    else if (strcmp(key, "lang") == 0)
        snprintf(out, n, "%s", c->lang);
    else if (strcmp(key, "telex_tone") == 0)
        snprintf(out, n, "%s", c->telex_tone_style);
    else if (strcmp(key, "inperson_min_attendees") == 0)
        snprintf(out, n, "%d", c->inperson_min_attendees);
    else if (strcmp(key, "team_max_commune") == 0)
        snprintf(out, n, "%d", c->team_max_commune);
    else if (strcmp(key, "team_max_village") == 0)
        snprintf(out, n, "%d", c->team_max_village);
    else
        for (int t = 0; t < TARGET_COUNT; t++) {
            const char *name = config_indicator_name((enum target_indicator)t);
            size_t k = strlen(name);
            if (strcmp(key, name) == 0)
                snprintf(out, n, "%g", c->targets[t].percent);
            else if (strncmp(key, name, k) == 0 && strcmp(key + k, "_deadline") == 0)
                snprintf(out, n, "%s", c->targets[t].deadline);
        }
}

/* A growing text buffer. */
typedef struct {
    char *s;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        char *p = realloc(b->s, b->cap);
        if (!p)
            abort();
        b->s = p;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* Writes "key = value\n", quoting a value that holds ; or # (comments otherwise). */
static void put_setting(buf *b, const config_change *c)
{
    bool quote = strpbrk(c->value, ";#") != NULL;
    char line[LINE_MAX_WRITE + 64];
    int n = snprintf(line, sizeof line, quote ? "%s = \"%s\"\n" : "%s = %s\n", c->key, c->value);
    put(b, line, (size_t)n);
}

/* Copies s[0..n) without blanks at both ends, lowercased, into out. */
static void word(const char *s, size_t n, char *out, size_t outn)
{
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (n >= outn)
        n = outn - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    out[n] = '\0';
}

/* Reads one line of the old file: a section header (section set), a key line
 * (key set) or anything else (both ""). */
static void classify(const char *line, size_t n, char section[64], char key[KEY_MAX])
{
    section[0] = key[0] = '\0';
    if (n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
        line += 3, n -= 3;
    size_t i = 0;
    while (i < n && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (i == n || line[i] == ';' || line[i] == '#')
        return;
    if (line[i] == '[') {
        const char *end = memchr(line + i, ']', n - i);
        if (end)
            word(line + i + 1, (size_t)(end - line - i - 1), section, 64);
        return;
    }
    const char *eq = memchr(line + i, '=', n - i);
    if (eq)
        word(line + i, (size_t)(eq - line - i), key, KEY_MAX);
}

/* True when the file's key (lowercased by classify) in section is the one c
 * changes: [aliases] keys "kind.VALUE" compare their values by words_fold, as
 * the program reads them; other keys exactly. */
static bool same_key(const config_change *c, const char *section, const char *key)
{
    if (strcmp(c->section, section) != 0)
        return false;
    if (strcmp(section, "aliases") != 0)
        return strcmp(c->key, key) == 0;
    const char *d1 = strchr(c->key, '.'), *d2 = strchr(key, '.');
    if (!d1 || !d2 || d1 - c->key != d2 - key || strncasecmp(c->key, key, (size_t)(d1 - c->key)) != 0)
        return false;
    char *a = words_fold(d1 + 1), *b = words_fold(d2 + 1);
    bool same = strcmp(a, b) == 0;
    free(a);
    free(b);
    return same;
}

/* The new text: the old one with the changed keys rewritten; keys the file
 * lacks go just under their section's header, or into a new section at the end. */
static char *merge(const char *old, const config_change *ch, int n)
{
    buf b = {0};
    bool *done = calloc((size_t)n + 1, 1);
    if (!done)
        abort();
    char cur[64] = "", sec[64], key[KEY_MAX];
    bool *present = calloc((size_t)n + 1, 1);
    if (!present)
        abort();
    /* Which changed keys already have a line in their section. */
    for (const char *p = old; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
        classify(p, nl ? len - 1 : len, sec, key);
        if (sec[0])
            snprintf(cur, sizeof cur, "%s", sec);
        for (int i = 0; i < n && key[0]; i++)
            if (same_key(&ch[i], cur, key))
                present[i] = true;
        p += len;
    }
    cur[0] = '\0';
    const char *p = old;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
        classify(p, nl ? len - 1 : len, sec, key);
        int hit = -1;
        for (int i = 0; i < n && key[0]; i++)
            if (same_key(&ch[i], cur, key))
                hit = i;
        if (hit >= 0) {
            put_setting(&b, &ch[hit]);
            done[hit] = true;
        } else {
            put(&b, p, len);
            if (!nl)
                put(&b, "\n", 1);
        }
        if (sec[0]) {
            snprintf(cur, sizeof cur, "%s", sec);
            /* Keys of this section that appear nowhere in the file. */
            for (int i = 0; i < n; i++)
                if (!done[i] && !present[i] && strcmp(ch[i].section, cur) == 0) {
                    put_setting(&b, &ch[i]);
                    done[i] = true;
                }
        }
        p += len;
    }
    for (int i = 0; i < n; i++) {
        if (done[i])
            continue;
        char head[80];
        int k = snprintf(head, sizeof head, "%s[%s]\n", b.len ? "\n" : "", ch[i].section);
        put(&b, head, (size_t)k);
        for (int j = i; j < n; j++)
            if (!done[j] && strcmp(ch[j].section, ch[i].section) == 0) {
                put_setting(&b, &ch[j]);
                done[j] = true;
            }
    }
    free(done);
    free(present);
    if (!b.s)
        put(&b, "", 0);
    return b.s;
}

/* Reads the old file ("" when it does not exist); NULL with e set otherwise. */
static char *read_old(const char *path, cdtt_err *e)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            return xcalloc(1, 1);
        err_set(e, _("%s: cannot read the configuration file: %s"), path, strerror(errno));
        return NULL;
    }
    buf b = {0};
    char chunk[4096];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < 256 * 1024)
        put(&b, chunk, k);
    bool bad = ferror(f) || b.len >= 256 * 1024;
    fclose(f);
    if (bad || (b.s && strlen(b.s) != b.len)) {
        free(b.s);
        err_set(e, _("%s: cannot read the configuration file"), path);
        return NULL;
    }
    if (!b.s)
        put(&b, "", 0);
    return b.s;
}

/* Creates the folder of path (and its parents) as 0700 when missing. */
static int make_folder(const char *path, cdtt_err *e)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return 0;
    *slash = '\0';
    for (char *q = dir + 1; *q; q++) {
        if (*q != '/')
            continue;
        *q = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST)
            return err_set(e, _("%s: cannot create the folder: %s"), dir, strerror(errno));
        *q = '/';
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return err_set(e, _("%s: cannot create the folder: %s"), dir, strerror(errno));
    return 0;
}

/* Writes text to a new 0600 file beside path, synced; its name goes to tmp. */
static int write_temp(const char *path, const char *text, char *tmp, size_t n, cdtt_err *e)
{
    snprintf(tmp, n, "%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0)
        return err_set(e, _("%s: cannot write the settings in this folder: %s"), path, io_reason(errno));
    int rc = fchmod(fd, 0600);
    if (rc == 0)
        rc = outfile_write_all(fd, text, strlen(text));
    if (rc == 0)
        rc = fsync(fd);
    int saved = errno;
    if (close(fd) != 0 && rc == 0)
        rc = -1, saved = errno;
    if (rc != 0) {
        unlink(tmp);
        return err_set(e, _("%s: cannot write the settings: %s"), path, io_reason(saved));
    }
    return 0;
}

/* Whether the file just written (read into back) gives what was asked. 0, or
 * -1 with e saying which key does not read back. */
typedef int (*read_back_fn)(const cdtt_config *back, const config_change *ch, int n, const void *want,
                            cdtt_err *e);

/* Merges ch into the file at path (created with its folder when missing),
 * writes the new text beside it, reads that back as the program will and has
 * check compare it, then puts it in place atomically. -1 with e set and the
 * old file untouched on any error. */
static int write_checked(const char *path, const config_change *ch, int n, read_back_fn check, const void *want,
                         cdtt_err *e)
{
    char *old = read_old(path, e);
    if (!old)
        return -1;
    char *text = merge(old, ch, n);
    free(old);
    char tmp[4200];
    if (make_folder(path, e) < 0 || write_temp(path, text, tmp, sizeof tmp, e) < 0) {
        free(text);
        return -1;
    }
    free(text);
    cdtt_config back;
    config_defaults(&back);
    cdtt_err rb;
    memset(&rb, 0, sizeof rb);
    int warn = config_set_warnings(0);
    int rc = config_load_file(&back, tmp, 1, &rb);
    config_set_warnings(warn);
    if (rc == 0)
        rc = check(&back, ch, n, want, &rb);
    if (rc < 0) {
        unlink(tmp);
        return err_set(e, _("%s: not saved: %s"), path, rb.msg);
    }
    cdtt_err why;
    if (outfile_place(tmp, path, 1, &why) < 0) { /* never through a link */
        unlink(tmp);
        return err_set(e, _("%s: cannot replace the settings file: %s"), path, why.msg);
    }
    return 0;
}

/* read_back_fn for settings: each key's text in back equals its text in want
 * (a cdtt_config with the values set). */
static int settings_read_back(const cdtt_config *back, const config_change *ch, int n, const void *want,
                              cdtt_err *e)
{
    for (int i = 0; i < n; i++) {
        char w[LINE_MAX_WRITE], got[LINE_MAX_WRITE];
        config_value_text(want, ch[i].section, ch[i].key, w, sizeof w);
        config_value_text(back, ch[i].section, ch[i].key, got, sizeof got);
        if (strcmp(w, got) != 0)
            return err_set(e, _("%s does not read back as written"), ch[i].key);
    }
    return 0;
}

int config_write_user(const char *path, const config_change *ch, int n, cdtt_err *e)
{
    cdtt_config scratch;
    config_defaults(&scratch);
    for (int i = 0; i < n; i++) {
        if (strchr(ch[i].value, '"') || text_safe_needed(ch[i].value, 0) ||
            strlen(ch[i].value) > LINE_MAX_WRITE - 100)
            return err_set(e, _("%s: the value may not hold quotes, line breaks or other control characters"),
                           ch[i].key);
        cdtt_err one;
        memset(&one, 0, sizeof one);
        if (config_set_value(&scratch, ch[i].section, ch[i].key, ch[i].value, &one) < 0)
            return err_set(e, "%s", one.msg);
    }
    return write_checked(path, ch, n, settings_read_back, &scratch, e);
}

/* What an alias must mean once read back. */
typedef struct {
    const choice *list;
    const char *kind, *value, *code;
} alias_want;

/* read_back_fn for an alias: the value now means the item, as the commune's word. */
static int alias_read_back(const cdtt_config *back, const config_change *ch, int n, const void *want,
                           cdtt_err *e)
{
    (void)n;
    const alias_want *w = want;
    enum choice_how how = CHOICE_UNKNOWN;
    const char *got = choice_interpret(w->list, w->kind, w->value, back->aliases, back->n_aliases, &how);
    if (!got || strcmp(got, w->code) != 0 || how != CHOICE_USER)
        return err_set(e, _("%s does not read back as written"), ch[0].key);
    return 0;
}

/* True when value can be the VALUE of an [aliases] line and read back the
 * same: not empty, no blanks at its ends, nothing a line would cut or quote. */
static bool alias_value_ok(const char *value)
{
    size_t n = strlen(value);
    return n > 0 && n < sizeof(((choice_alias *)0)->from) && value[0] != ' ' && value[n - 1] != ' ' &&
           value[0] != '[' && !strpbrk(value, "=;#\"\\") && !text_safe_needed(value, 0) &&
           text_valid_utf8(value, n);
}

int config_write_alias(const char *path, const char *kind, const char *value, const char *item, cdtt_err *e)
{
    alias_want w = {NULL, kind, value, NULL};
    if (!choice_kind_list(kind, &w.list))
        return err_set(e, _("unknown list \"%s\" (gender, role, category, youth, status)"), kind);
    w.code = choice_interpret(w.list, kind, item, NULL, 0, NULL);
    if (!w.code || strchr(item, '"') || text_safe_needed(item, 0))
        return err_set(e, _("\"%s\" is not an item of the %s list"), item, kind);
    if (!alias_value_ok(value))
        return err_set(e, _("\"%s\" cannot be saved as an alias (it holds = ; # \" or \\, or blanks at its ends): "
                            "use --map on the command line"),
                       value);
    char key[KEY_MAX];
    snprintf(key, sizeof key, "%s.%s", kind, value);
    config_change ch = {"aliases", key, item};
    return write_checked(path, &ch, 1, alias_read_back, &w, e);
}
