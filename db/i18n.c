/* i18n.c — locale set-up and the message language, independent of the user's locale. */
#include "i18n.h"
#include "cdtt.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef CDTT_LOCALEDIR
#define CDTT_LOCALEDIR "/usr/local/share/locale"
#endif

static char current_lang[8] = "vi";

/* True when dir/vi/LC_MESSAGES/cdtt.mo exists. */
static int has_catalogue(const char *dir)
{
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/vi/LC_MESSAGES/cdtt.mo", dir);
    return access(path, R_OK) == 0;
}

/* The folder holding the catalogues: $CDTT_LOCALEDIR, then a locale/ folder
 * beside the program or its parent (a build tree), then the installed one. */
static void find_localedir(char *out, size_t n)
{
    const char *env = getenv("CDTT_LOCALEDIR");
    if (env && *env) {
        snprintf(out, n, "%s", env);
        return;
    }
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(out, n, "%s/locale", exe);
            if (has_catalogue(out))
                return;
            slash = strrchr(exe, '/');
            if (slash) {
                *slash = '\0';
                snprintf(out, n, "%s/locale", exe);
                if (has_catalogue(out))
                    return;
            }
        }
    }
    snprintf(out, n, "%s", CDTT_LOCALEDIR);
}

void i18n_set_lang(const char *lang)
{
    snprintf(current_lang, sizeof current_lang, "%s", lang && strcmp(lang, "en") == 0 ? "en" : "vi");
    /* gettext reads LANGUAGE whenever the message locale is not plain C. */
    setenv("LANGUAGE", current_lang, 1);
    const char *msg = setlocale(LC_MESSAGES, NULL);
    if (!msg || strcmp(msg, "C") == 0 || strcmp(msg, "POSIX") == 0)
        setlocale(LC_MESSAGES, "C.UTF-8");
    /* Tell gettext its cache is stale. */
    extern int _nl_msg_cat_cntr;
    ++_nl_msg_cat_cntr;
}

const char *i18n_lang(void)
{
    return current_lang;
}

/* Whether i18n_init had to fall back to C.UTF-8. */
static int locale_fell_back;

int i18n_fell_back(void)
{
    return locale_fell_back;
}

int i18n_init(const char *lang)
{
    int fell_back = 0;
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    if (!cs || strcmp(cs, "UTF-8") != 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8"))
            fell_back = 1;
    }
    /* Numbers in files and reports always use a dot. */
    setlocale(LC_NUMERIC, "C");
    char dir[PATH_MAX];
    find_localedir(dir, sizeof dir);
    bindtextdomain("cdtt", dir);
    bind_textdomain_codeset("cdtt", "UTF-8");
    textdomain("cdtt");
    i18n_set_lang(lang);
    locale_fell_back = fell_back;
    return fell_back;
}
