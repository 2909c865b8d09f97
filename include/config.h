/* config.h — settings from cdtt.ini files and the command line.
 * Order (later wins): built-in defaults, /etc/cdtt/cdtt.ini,
 * $XDG_CONFIG_HOME/cdtt/cdtt.ini (or ~/.config/cdtt/cdtt.ini), --config FILE, flags. */
#ifndef CDTT_CONFIG_H
#define CDTT_CONFIG_H

#include "cdtt.h"
#include "choices.h"

#define CONFIG_ALIASES_MAX 128

/* The training indicators of the plan. */
enum target_indicator {
    TARGET_MOOC = 0,     /* members who completed the online MOOC course */
    TARGET_ZALO = 1,     /* members who follow the Zalo OA */
    TARGET_INPERSON = 2, /* teams trained in person */
    TARGET_COUNT = 3,
};

typedef struct {
    double percent;   /* 0–100 */
    char deadline[11]; /* "YYYY-MM-DD" */
} cdtt_target;

typedef struct cdtt_config {
    char db_path[4096];          /* [storage] db; "" = default path */
    char lang[8];                /* [ui] lang: "vi" (default) or "en" */
    char telex_tone_style[8];    /* [ui] telex_tone: "new" (hoà→hòa style "hòa") or "old" ("hoà") */
    cdtt_target targets[TARGET_COUNT]; /* [targets] mooc, mooc_deadline, zalo, ... */
    int inperson_min_attendees;  /* [targets] inperson_min_attendees, default 1 */
    int team_max_commune;        /* [rules] team_max_commune: warn above; 0 = no limit */
    int team_max_village;        /* [rules] team_max_village (village and group teams) */
    /* [aliases] kind.VALUE = ITEM: the commune's own words for list items
     * ("category.Cán bộ y tế thôn = Y tế"); a later file's entry for the same
     * kind and value replaces an earlier one. */
    choice_alias aliases[CONFIG_ALIASES_MAX];
    int n_aliases;
    char loaded_from[4][4096];   /* files that were read, in order */
    int n_loaded;
} cdtt_config;

/* Fills c with the built-in defaults (plan 4510/BTTTT-CĐSQG targets). */
void config_defaults(cdtt_config *c);

/* Reads one ini file over c. A missing file is fine unless must_exist. A bad
 * file gives -1 with e naming the file and line; c is then unchanged. */
int config_load_file(cdtt_config *c, const char *path, int must_exist, cdtt_err *e);

/* defaults, then /etc, then the user's file, then explicit (if not NULL). */
int config_load(cdtt_config *c, const char *explicit_path, cdtt_err *e);

/* The short name of an indicator ("mooc", "zalo", "inperson"). */
const char *config_indicator_name(enum target_indicator t);

/* Sets one key ("targets", "mooc") from text exactly as a file line would;
 * -1 with e saying why (without file and line) when the key is unknown or the
 * value is refused; c is then unchanged. */
int config_set_value(cdtt_config *c, const char *section, const char *key, const char *value, cdtt_err *e);

/* The user's own file: $XDG_CONFIG_HOME/cdtt/cdtt.ini or ~/.config/cdtt/cdtt.ini. */
void config_user_path(char *out, size_t n);

/* Turns the stderr warnings about unknown keys on or off (off under the full
 * screen); returns the previous state. */
int config_set_warnings(int on);

/* One setting to write: a known [section] key and its text value. */
typedef struct {
    const char *section, *key, *value;
} config_change;

/* Writes changes into the ini file at path (created with its folder when
 * missing): lines of the changed keys are rewritten, every other line (other
 * keys, comments) is kept verbatim. Each value is checked as config_load_file
 * would; the new text is read back with config_load_file before it replaces
 * the old file atomically (temporary file, fsync, rename; mode 0600). On any
 * error returns -1 with e set and the old file untouched. */
int config_write_user(const char *path, const config_change *ch, int n, cdtt_err *e);

/* Saves "kind.VALUE = ITEM" in the [aliases] section of the ini file at path
 * (created with its folder when missing; a line for the same kind and value,
 * compared as the program compares them, is replaced; every other line kept):
 * value then means item for imports. item must be an item of kind's list;
 * value may not hold characters an ini line cannot keep (= ; # " \). The file
 * is written as config_write_user writes it (read back first, then replaced
 * atomically). 0, or -1 with e set and the old file untouched. */
int config_write_alias(const char *path, const char *kind, const char *value, const char *item, cdtt_err *e);

/* The text value of a known key in c as a file would hold it ("100", "2022-11-30"). */
void config_value_text(const cdtt_config *c, const char *section, const char *key, char *out, size_t n);

#endif
