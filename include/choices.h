/* choices.h — the fixed lists a user picks from (levels, roles, categories, …):
 * the stored code and its Vietnamese and English labels. */
#ifndef CDTT_CHOICES_H
#define CDTT_CHOICES_H

typedef struct {
    const char *code; /* stored in the database */
    const char *vi;   /* label in Vietnamese */
    const char *en;   /* label in English */
} choice;

/* Each list ends with an entry whose code is NULL. */
extern const choice CHOICES_AREA_KIND[];
extern const choice CHOICES_TEAM_LEVEL[];
extern const choice CHOICES_TEAM_STATUS[];
extern const choice CHOICES_ROLE[];
extern const choice CHOICES_CATEGORY[];
extern const choice CHOICES_GENDER[];
extern const choice CHOICES_MOOC_STATUS[];
extern const choice CHOICES_ACTIVITY_TYPE[];

/* The label of code in the current language (i18n_lang), or code itself when unknown. */
const char *choice_label(const choice *list, const char *code);

/* The code whose code, Vietnamese label or English label matches text
 * accent- and case-insensitively, or NULL. */
const char *choice_match(const choice *list, const char *text);

/* The number of entries in list. */
int choice_count(const choice *list);

/* The index of code in list, or -1. */
int choice_index(const choice *list, const char *code);

#endif
