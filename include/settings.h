/* settings.h — the program's settings as values: the plan's targets and deadlines,
 * the team size rules, the language, the commune's own words for list items.
 * config.h reads them from cdtt.ini files and the command line; code that only
 * uses settings needs this header alone. */
#ifndef CDTT_SETTINGS_H
#define CDTT_SETTINGS_H

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

/* The short name of an indicator ("mooc", "zalo", "inperson"). */
const char *config_indicator_name(enum target_indicator t);

#endif
