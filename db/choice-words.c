/* choice-words.c — the words communes use for the items of the fixed lists:
 * case, accents and punctuation set aside, everyday short forms, older forms
 * and abbreviations, and the commune's own words (choices.h). */
#include "choices.h"
#include "cdtt.h"
#include "words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const choice CHOICES_YES_NO[] = {
    {"1", "Có", "Yes"},
    {"0", "Không", "No"},
    {NULL, NULL, NULL},
};

/* Known forms (folded words) of items, per column kind. */
typedef struct {
    const char *kind, *form, *code;
} known_form;

static const known_form KNOWN[] = {
    {"gender", "trai", "male"}, {"gender", "gai", "female"}, {"gender", "m", "male"},
    {"gender", "f", "female"},
    {"role", "tt", "leader"}, {"role", "truong to", "leader"}, {"role", "to truong to cnscd", "leader"},
    {"role", "tp", "deputy"}, {"role", "pho to", "deputy"}, {"role", "pho to truong", "deputy"},
    {"role", "tv", "member"}, {"role", "to vien", "member"}, {"role", "uy vien", "member"},
    {"role", "thanh vien to", "member"},
    {"category", "ca", "police"}, {"category", "ca xa", "police"}, {"category", "ca phuong", "police"},
    {"category", "cong an xa", "police"}, {"category", "cong an phuong", "police"},
    {"category", "cong an vien", "police"}, {"category", "cong an chinh quy", "police"},
    {"category", "hoi lhpn", "womens_union"}, {"category", "lhpn", "womens_union"},
    {"category", "hpn", "womens_union"}, {"category", "phu nu", "womens_union"},
    {"category", "hoi lien hiep phu nu", "womens_union"}, {"category", "chi hoi phu nu", "womens_union"},
    {"category", "gv", "teacher"}, {"category", "giao vien", "teacher"}, {"category", "thay giao", "teacher"},
    {"category", "co giao", "teacher"},
    {"category", "dtn", "youth_union"}, {"category", "doan tn", "youth_union"},
    {"category", "doan vien", "youth_union"}, {"category", "bi thu chi doan", "youth_union"},
    {"category", "doan thanh nien cong san ho chi minh", "youth_union"}, {"category", "tncs", "youth_union"},
    {"category", "hnd", "farmers_union"}, {"category", "hoi nd", "farmers_union"},
    {"category", "nong dan", "farmers_union"},
    {"category", "ccb", "veterans"}, {"category", "hccb", "veterans"}, {"category", "cuu chien binh", "veterans"},
    {"category", "mttq", "fatherland_front"}, {"category", "mat tran", "fatherland_front"},
    {"category", "ubmttq", "fatherland_front"},
    {"category", "bi thu", "party_secretary"}, {"category", "bt chi bo", "party_secretary"},
    {"category", "truong thon", "village_head"}, {"category", "truong ban", "village_head"},
    {"category", "truong ap", "village_head"}, {"category", "truong buon", "village_head"},
    {"category", "truong khom", "village_head"}, {"category", "truong xom", "village_head"},
    {"category", "truong khu pho", "village_head"}, {"category", "to truong tdp", "village_head"},
    {"category", "to truong to dan pho", "village_head"},
    {"category", "cbcc", "commune_official"}, {"category", "cbcc xa", "commune_official"},
    {"category", "can bo xa", "commune_official"}, {"category", "cong chuc xa", "commune_official"},
    {"category", "can bo", "commune_official"}, {"category", "cong chuc", "commune_official"},
    {"category", "can bo cong chuc", "commune_official"},
    {"category", "yt", "health_worker"}, {"category", "nvyt", "health_worker"},
    {"category", "nhan vien y te", "health_worker"}, {"category", "tram y te", "health_worker"},
    {"category", "y te thon", "health_worker"},
    {"category", "vien thong", "telecom_it"}, {"category", "buu dien", "telecom_it"},
    {"category", "buu chinh", "telecom_it"}, {"category", "viettel", "telecom_it"},
    {"category", "vnpt", "telecom_it"}, {"category", "mobifone", "telecom_it"}, {"category", "cntt", "telecom_it"},
    {"category", "nguoi dan", "resident"}, {"category", "cong dan", "resident"},
    {"youth", "dv", "1"}, {"youth", "doan vien", "1"}, {"youth", "la doan vien", "1"},
    {"youth", "dtn", "1"}, {"youth", "khong phai", "0"},
    {"status", "da hoc", "completed"}, {"status", "hoan thanh", "completed"}, {"status", "xong", "completed"},
    {"status", "da xong", "completed"}, {"status", "chua", "not_started"}, {"status", "dang", "in_progress"},
};

int choice_kind_list(const char *kind, const choice **list)
{
    static const struct {
        const char *kind;
        const choice *list;
    } KINDS[] = {
        {"gender", CHOICES_GENDER},   {"role", CHOICES_ROLE},       {"category", CHOICES_CATEGORY},
        {"youth", CHOICES_YES_NO},    {"status", CHOICES_MOOC_STATUS},
    };
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (strcmp(kind, KINDS[i].kind) == 0) {
            if (list)
                *list = KINDS[i].list;
            return 1;
        }
    return 0;
}

/* The code whose code or label has exactly the words w, or NULL. */
static const char *exact(const choice *list, const char *w)
{
    const char *found = NULL;
    for (int i = 0; list[i].code && !found; i++) {
        char *c = words_fold(list[i].code), *vi = words_fold(list[i].vi), *en = words_fold(list[i].en);
        if (strcmp(w, vi) == 0 || strcmp(w, en) == 0 || strcmp(w, c) == 0)
            found = list[i].code;
        free(c);
        free(vi);
        free(en);
    }
    return found;
}

/* The one item whose label holds every word of w in order, or NULL. */
static const char *short_form(const choice *list, const char *w)
{
    const char *found = NULL;
    int n = 0;
    for (int i = 0; list[i].code; i++) {
        char *vi = words_fold(list[i].vi), *en = words_fold(list[i].en);
        if (words_in_order(w, vi) || words_in_order(w, en)) {
            found = list[i].code;
            n++;
        }
        free(vi);
        free(en);
    }
    return n == 1 ? found : NULL;
}

/* The item one of the list's labels begins (the longest): "Công an xã Yên Hòa" → police. */
static const char *label_begins(const choice *list, const char *w)
{
    const char *found = NULL;
    size_t best = 0;
    for (int i = 0; list[i].code; i++) {
        char *vi = words_fold(list[i].vi);
        size_t n = strlen(vi);
        if (n > best && words_start(w, vi)) {
            best = n;
            found = list[i].code;
        }
        free(vi);
    }
    return found;
}

static const char *interpret(const choice *list, const char *kind, const char *w, const choice_alias *user,
                             int n_user, enum choice_how *how, int depth)
{
    const char *code;
    for (int i = 0; i < n_user && depth == 0; i++) {
        if (strcmp(user[i].kind, kind) != 0)
            continue;
        char *from = words_fold(user[i].from);
        int same = *from && strcmp(from, w) == 0;
        free(from);
        if (same) {
            char *to = words_fold(user[i].to);
            enum choice_how inner;
            code = interpret(list, kind, to, NULL, 0, &inner, 1);
            free(to);
            if (code) {
                *how = CHOICE_USER;
                return code;
            }
        }
    }
    if ((code = exact(list, w))) {
        *how = CHOICE_EXACT;
        return code;
    }
    for (size_t i = 0; i < sizeof KNOWN / sizeof KNOWN[0]; i++)
        if (strcmp(KNOWN[i].kind, kind) == 0 && strcmp(KNOWN[i].form, w) == 0) {
            *how = CHOICE_ALIAS;
            return KNOWN[i].code;
        }
    if ((code = short_form(list, w)) || (strcmp(kind, "category") == 0 && (code = label_begins(list, w)))) {
        *how = CHOICE_SHORT;
        return code;
    }
    /* Known forms followed by more words: "CA xã Yên Hòa", "GV trường THCS". */
    static const char *const PREFIX_FORMS[] = {
        "ca xa", "ca phuong", "cong an xa", "cong an phuong", "gv", "giao vien", "hoi lhpn", "hoi phu nu",
        "doan tn", "ccb", "hccb", "hoi nd", "nhan vien y te", "tram y te", "truong thon", "truong ban",
        "truong ap", "buu dien", "vien thong", "viettel", "vnpt", NULL,
    };
    for (int k = 0; strcmp(kind, "category") == 0 && PREFIX_FORMS[k]; k++)
        if (words_start(w, PREFIX_FORMS[k]))
            for (size_t i = 0; i < sizeof KNOWN / sizeof KNOWN[0]; i++)
                if (strcmp(KNOWN[i].kind, kind) == 0 && strcmp(KNOWN[i].form, PREFIX_FORMS[k]) == 0) {
                    *how = CHOICE_ALIAS;
                    return KNOWN[i].code;
                }
    return NULL;
}

const char *choice_interpret(const choice *list, const char *kind, const char *value, const choice_alias *user,
                             int n_user, enum choice_how *how)
{
    enum choice_how h = CHOICE_UNKNOWN;
    for (int i = 0; list[i].code; i++) /* the common case, without folding */
        if (strcmp(value, list[i].vi) == 0) {
            if (how)
                *how = CHOICE_EXACT;
            return list[i].code;
        }
    char *w = words_fold(value);
    const char *code = *w ? interpret(list, kind, w, user, n_user, &h, 0) : NULL;
    free(w);
    if (how)
        *how = code ? h : CHOICE_UNKNOWN;
    return code;
}

void choice_closest(const choice *list, const char *value, int max, char *out, size_t outlen)
{
    char *w = words_fold(value);
    int n = choice_count(list);
    int *score = xcalloc((size_t)n + 1, sizeof *score);
    for (int i = 0; i < n; i++) {
        char *vi = words_fold(list[i].vi);
        /* shared words count most, then the edit distance */
        int shared = 0;
        char word[128];
        const char *p = w;
        while (*p) {
            size_t k = 0;
            while (*p == ' ')
                p++;
            while (*p && *p != ' ' && k + 1 < sizeof word)
                word[k++] = *p++;
            word[k] = '\0';
            if (k && words_in_order(word, vi))
                shared++;
        }
        score[i] = words_distance(w, vi) - 20 * shared;
        free(vi);
    }
    out[0] = '\0';
    for (int k = 0; k < max && k < n; k++) {
        int best = -1;
        for (int i = 0; i < n; i++)
            if (score[i] < 1000 && (best < 0 || score[i] < score[best]))
                best = i;
        if (best < 0)
            break;
        size_t len = strlen(out);
        snprintf(out + len, outlen - len, "%s%s", k ? ", " : "", list[best].vi);
        score[best] = 1000;
    }
    free(score);
    free(w);
}
