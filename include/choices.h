/* choices.h — the fixed lists a user picks from (levels, roles, categories, …):
 * the stored code and its Vietnamese and English labels. */
#ifndef CDTT_CHOICES_H
#define CDTT_CHOICES_H

#include <stddef.h>

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

/* The answers of a yes/no column ("1" Có, "0" Không), for choice_interpret. */
extern const choice CHOICES_YES_NO[];

/* A commune's own word for an item of a list: in column kind ("gender",
 * "role", "category", "youth", "status"), the value `from` means the item `to`
 * (a label, code or any form choice_interpret knows). */
typedef struct {
    char kind[16];
    char from[160];
    char to[96];
} choice_alias;

/* How choice_interpret understood a value. */
enum choice_how { CHOICE_UNKNOWN = 0, CHOICE_EXACT, CHOICE_USER, CHOICE_ALIAS, CHOICE_SHORT };

/* The code in list (the column kind, see choice_alias) that a value as
 * communes write it means, or NULL: first the user's words (user[0..n), of
 * this kind, compared by words_fold), then an item's code or label with case,
 * accents, punctuation and spacing set aside, then a known older form or
 * abbreviation ("CA xã" → police, "Hội LHPN" → womens_union, "GV" → teacher,
 * "TT" → leader), then the one item whose label holds all the value's words
 * in order ("Trưởng thôn" → village_head). *how (may be NULL) says which. */
const char *choice_interpret(const choice *list, const char *kind, const char *value, const choice_alias *user,
                             int n_user, enum choice_how *how);

/* The labels (Vietnamese) of up to max items of list closest to value, for a
 * message: "Y tế, Giáo viên". */
void choice_closest(const choice *list, const char *value, int max, char *out, size_t outlen);

/* True when kind names a choice column ("gender", "role", "category",
 * "youth", "status"); *list gets its list. */
int choice_kind_list(const char *kind, const choice **list);

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
