/* csvio-member-columns.c — recognising the columns of a member list by their
 * header, in any order, case and accents, Vietnamese or English, including
 * the names communes commonly give them in their own Excel files. */
#include "csvio-member.h"
#include "csv.h"
#include "fields.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The import's fields that are member fields of the catalogue (fields.h):
 * their headers are the catalogue's (csv_vi, csv_en, aliases). */
static const struct {
    int f;
    const char *column;
} CATALOGUED[] = {
    {CSVIO_F_NAME, "full_name"},     {CSVIO_F_BIRTH, "birth"},
    {CSVIO_F_GENDER, "gender"},      {CSVIO_F_PHONE, "phone"},
    {CSVIO_F_CCCD, "cccd"},          {CSVIO_F_EMAIL, "email"},
    {CSVIO_F_CATEGORY, "category"},  {CSVIO_F_YOUTH, "youth_union"},
    {CSVIO_F_MOOC, "mooc_status"},   {CSVIO_F_MOOC_DATE, "mooc_date"},
    {CSVIO_F_ZALO, "zalo_date"},     {CSVIO_F_CONSENT, "consent"},
    {CSVIO_F_NOTE, "note"},
};

/* The header names each field that is not a member field answers to (compared folded). */
static const char *const NAMES_TEAM[] = {"Tổ", "Tên tổ", "Tổ CNSCĐ", "Tổ công nghệ số",
                                         "Tổ công nghệ số cộng đồng", "Team", "Team name", NULL};
static const char *const NAMES_AREA[] = {"Thôn/Tổ dân phố", "Thôn, tổ dân phố", "Thôn/TDP",
                                         "Thôn", "Tổ dân phố", "Thôn, bản", "Village or group",
                                         "Village", "Area", NULL};
static const char *const NAMES_ROLE[] = {"Vai trò", "Chức danh", "Chức danh trong tổ", "Role",
                                         NULL};
static const char *const NAMES_SINCE[] = {"Ngày vào tổ", "Ngày tham gia", "Ngày tham gia tổ", "Ngày vào",
                                          "Joined the team on", "Joined team on", "Joined on", "Member since", NULL};
static const char *const NAMES_BIRTH_MALE[] = {"Nam", "Năm sinh Nam", "Ngày sinh Nam", "Male", NULL};
static const char *const NAMES_BIRTH_FEMALE[] = {"Nữ", "Năm sinh Nữ", "Ngày sinh Nữ", "Female", NULL};
/* Row numbers and similar columns that are expected and not worth mentioning. */
static const char *const NAMES_QUIET[] = {"STT", "TT", "Số TT", "Số thứ tự", "No", "No.", "#", NULL};

/* The headers each field answers to, NULL-ended, the first as the field's
 * name in messages: made once, the catalogued ones from the catalogue. */
static const char *field_names[CSVIO_F_COUNT][32];
static pthread_once_t field_names_once = PTHREAD_ONCE_INIT;

/* Puts names (NULL-ended) into list after its first n entries; returns the new count. */
static int names_add(const char **list, int n, const char *const *names)
{
    for (int i = 0; names && names[i] && n < 31; i++)
        list[n++] = names[i];
    return n;
}

static void field_names_make(void)
{
    static const struct {
        int f;
        const char *const *names;
    } OWN[] = {
        {CSVIO_F_TEAM, NAMES_TEAM},   {CSVIO_F_AREA, NAMES_AREA},
        {CSVIO_F_ROLE, NAMES_ROLE},   {CSVIO_F_SINCE, NAMES_SINCE},
        {CSVIO_F_BIRTH_MALE, NAMES_BIRTH_MALE}, {CSVIO_F_BIRTH_FEMALE, NAMES_BIRTH_FEMALE},
    };
    for (size_t i = 0; i < sizeof OWN / sizeof OWN[0]; i++)
        names_add(field_names[OWN[i].f], 0, OWN[i].names);
    for (size_t i = 0; i < sizeof CATALOGUED / sizeof CATALOGUED[0]; i++) {
        const field_def *d = field_of("member", CATALOGUED[i].column);
        const char *own[] = {d->csv_vi, d->csv_en, NULL};
        const char **list = field_names[CATALOGUED[i].f];
        names_add(list, names_add(list, 0, own), d->aliases);
    }
}

/* The headers field f answers to. */
static const char *const *names_of(int f)
{
    pthread_once(&field_names_once, field_names_make);
    return field_names[f];
}

int csvio_member_field_of(const char *column)
{
    for (size_t i = 0; i < sizeof CATALOGUED / sizeof CATALOGUED[0]; i++)
        if (strcmp(CATALOGUED[i].column, column) == 0)
            return CATALOGUED[i].f;
    return -1;
}

/* True when the single header cell h answers to one of names. */
static int cell_is(char *h, const char *const *names)
{
    char *one[1] = {h};
    return csv_find_column(one, 1, names) == 0;
}

/* Finds the more fields (see csvio_member_columns) in the header. */
static void more_find(char **header, int n, csvio_member_columns *c)
{
    for (const field_def *d = record_kind_of("member")->fields; d->column && c->n_more < CSVIO_MORE_MAX; d++) {
        if (!field_is_content(d) || !d->csv_vi || csvio_member_field_of(d->column) >= 0)
            continue;
        const char *names[32] = {d->csv_vi, d->csv_en, NULL};
        names_add(names, 2, d->aliases);
        int i = c->n_more++;
        c->more[i] = d;
        c->more_col[i] = csv_find_column(header, n, names);
        snprintf(c->more_header[i], sizeof c->more_header[i], "%s", c->more_col[i] >= 0 ? header[c->more_col[i]] : d->csv_vi);
    }
}

int csvio_member_columns_find(char **header, int n, csvio_member_columns *c,
                              csvio_import_summary *s)
{
    memset(c, 0, sizeof *c);
    for (int f = 0; f < CSVIO_F_COUNT; f++) {
        c->col[f] = csv_find_column(header, n, names_of(f));
        snprintf(c->header[f], sizeof c->header[f], "%s",
                 c->col[f] >= 0 ? header[c->col[f]] : names_of(f)[0]);
    }
    more_find(header, n, c);
    for (int i = 0; s && i < n; i++) {
        int known = !header[i][0] || cell_is(header[i], NAMES_QUIET);
        for (int f = 0; f < CSVIO_F_COUNT && !known; f++)
            known = c->col[f] == i;
        for (int m = 0; m < c->n_more && !known; m++)
            known = c->more_col[m] == i;
        if (!known) {
            csvio_list_push(&s->ignored_columns, &s->n_ignored, xstrdup(header[i]));
        }
    }
    return c->col[CSVIO_F_NAME] >= 0 && c->col[CSVIO_F_TEAM] >= 0;
}

/* The column's letters as Excel shows them: 0 → "A", 27 → "AB". */
static void column_letters(int i, char out[8])
{
    char tmp[8];
    int k = 0;
    for (i++; i > 0 && k < 7; i = (i - 1) / 26)
        tmp[k++] = (char)('A' + (i - 1) % 26);
    for (int j = 0; j < k; j++)
        out[j] = tmp[k - 1 - j];
    out[k] = '\0';
}

/* Adds the line of one column recognised: "Thành phần ← \"TP\" (I)". */
static void describe_one(const char *name, const char *header, int col, csvio_import_summary *s)
{
    char letters[8], line[400];
    column_letters(col, letters);
    snprintf(line, sizeof line, "%s ← \"%s\" (%s)", name, header, letters);
    csvio_list_push(&s->columns, &s->n_columns, xstrdup(line));
}

void csvio_member_columns_describe(const csvio_member_columns *c, csvio_import_summary *s)
{
    for (int f = 0; f < CSVIO_F_COUNT; f++)
        if (c->col[f] >= 0)
            describe_one(names_of(f)[0], c->header[f], c->col[f], s);
    for (int m = 0; m < c->n_more; m++)
        if (c->more_col[m] >= 0)
            describe_one(c->more[m]->csv_vi, c->more_header[m], c->more_col[m], s);
}

int csvio_member_choice_column(const char *name, const char **kind)
{
    static const struct {
        int f;
        const char *kind;
    } LISTS[] = {
        {CSVIO_F_GENDER, "gender"}, {CSVIO_F_ROLE, "role"}, {CSVIO_F_CATEGORY, "category"},
        {CSVIO_F_YOUTH, "youth"},   {CSVIO_F_MOOC, "status"},
    };
    for (size_t i = 0; i < sizeof LISTS / sizeof LISTS[0]; i++) {
        char *one[1] = {(char *)name};
        if (strcmp(name, LISTS[i].kind) == 0 || csv_find_column(one, 1, names_of(LISTS[i].f)) == 0) {
            *kind = LISTS[i].kind;
            return LISTS[i].f;
        }
    }
    return -1;
}
