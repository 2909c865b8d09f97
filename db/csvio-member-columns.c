/* csvio-member-columns.c — recognising the columns of a member list by their
 * header, in any order, case and accents, Vietnamese or English, including
 * the names communes commonly give them in their own Excel files. */
#include "csvio.h"
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The header names each field answers to (compared folded). */
static const char *const NAMES_NAME[] = {"Họ và tên", "Họ tên", "Họ và tên thành viên", "Full name",
                                         "Name", NULL};
static const char *const NAMES_BIRTH[] = {"Ngày sinh", "Năm sinh", "Ngày tháng năm sinh",
                                          "Date of birth", "Birth date", "Birth", NULL};
static const char *const NAMES_GENDER[] = {"Giới tính", "Gender", "Sex", NULL};
static const char *const NAMES_PHONE[] = {"Số điện thoại", "Điện thoại", "SĐT", "SDT", "Phone",
                                          "Phone number", "Mobile", NULL};
static const char *const NAMES_CCCD[] = {"Số CCCD", "CCCD", "Số căn cước", "Số căn cước công dân",
                                         "Căn cước công dân", "CCCD number", "Citizen ID",
                                         "ID number", NULL};
static const char *const NAMES_EMAIL[] = {"Email", "E-mail", "Thư điện tử", NULL};
static const char *const NAMES_TEAM[] = {"Tổ", "Tên tổ", "Tổ CNSCĐ", "Tổ công nghệ số",
                                         "Tổ công nghệ số cộng đồng", "Team", "Team name", NULL};
static const char *const NAMES_AREA[] = {"Thôn/Tổ dân phố", "Thôn, tổ dân phố", "Thôn/TDP",
                                         "Thôn", "Tổ dân phố", "Thôn, bản", "Village or group",
                                         "Village", "Area", NULL};
static const char *const NAMES_ROLE[] = {"Vai trò", "Chức danh", "Chức danh trong tổ", "Role",
                                         NULL};
static const char *const NAMES_CATEGORY[] = {"Thành phần", "Category", NULL};
static const char *const NAMES_YOUTH[] = {"Đoàn viên", "Đoàn viên thanh niên", "Youth Union member",
                                          "Youth Union", NULL};
static const char *const NAMES_MOOC[] = {"Học trực tuyến", "Học MOOC", "MOOC", "Online course",
                                         "Online training", NULL};
static const char *const NAMES_MOOC_DATE[] = {"Ngày hoàn thành MOOC", "Ngày hoàn thành học trực tuyến",
                                             "Ngày học trực tuyến", "Ngày học MOOC", "MOOC completed on",
                                             "MOOC date", "Online course date",
                                             "Online course completed on", NULL};
static const char *const NAMES_ZALO[] = {"Zalo OA", "Quan tâm Zalo OA", "Zalo", NULL};
static const char *const NAMES_CONSENT[] = {"Đồng ý xử lý dữ liệu", "Đồng ý", "Consent", NULL};
static const char *const NAMES_CONSENT_DATE[] = {"Ngày đồng ý", "Consent date", NULL};
static const char *const NAMES_SINCE[] = {"Ngày vào tổ", "Ngày tham gia", "Ngày tham gia tổ", "Ngày vào",
                                          "Joined the team on", "Joined team on", "Joined on", "Member since", NULL};
static const char *const NAMES_NOTE[] = {"Ghi chú", "Note", "Notes", NULL};
static const char *const NAMES_BIRTH_MALE[] = {"Nam", "Năm sinh Nam", "Ngày sinh Nam", "Male", NULL};
static const char *const NAMES_BIRTH_FEMALE[] = {"Nữ", "Năm sinh Nữ", "Ngày sinh Nữ", "Female", NULL};
/* Row numbers and similar columns that are expected and not worth mentioning. */
static const char *const NAMES_QUIET[] = {"STT", "TT", "Số TT", "Số thứ tự", "No", "No.", "#", NULL};

static const char *const *const FIELD_NAMES[CSVIO_F_COUNT] = {
    [CSVIO_F_NAME] = NAMES_NAME,       [CSVIO_F_BIRTH] = NAMES_BIRTH,
    [CSVIO_F_GENDER] = NAMES_GENDER,   [CSVIO_F_PHONE] = NAMES_PHONE,
    [CSVIO_F_CCCD] = NAMES_CCCD,       [CSVIO_F_EMAIL] = NAMES_EMAIL,
    [CSVIO_F_TEAM] = NAMES_TEAM,       [CSVIO_F_AREA] = NAMES_AREA,
    [CSVIO_F_ROLE] = NAMES_ROLE,       [CSVIO_F_CATEGORY] = NAMES_CATEGORY,
    [CSVIO_F_YOUTH] = NAMES_YOUTH,     [CSVIO_F_MOOC] = NAMES_MOOC,
    [CSVIO_F_ZALO] = NAMES_ZALO,       [CSVIO_F_CONSENT] = NAMES_CONSENT,
    [CSVIO_F_CONSENT_DATE] = NAMES_CONSENT_DATE, [CSVIO_F_NOTE] = NAMES_NOTE,
    [CSVIO_F_BIRTH_MALE] = NAMES_BIRTH_MALE, [CSVIO_F_BIRTH_FEMALE] = NAMES_BIRTH_FEMALE,
    [CSVIO_F_MOOC_DATE] = NAMES_MOOC_DATE, [CSVIO_F_SINCE] = NAMES_SINCE,
};

/* True when the single header cell h answers to one of names. */
static int cell_is(char *h, const char *const *names)
{
    char *one[1] = {h};
    return csv_find_column(one, 1, names) == 0;
}

int csvio_member_columns_find(char **header, int n, csvio_member_columns *c,
                              csvio_import_summary *s)
{
    memset(c, 0, sizeof *c);
    for (int f = 0; f < CSVIO_F_COUNT; f++) {
        c->col[f] = csv_find_column(header, n, FIELD_NAMES[f]);
        snprintf(c->header[f], sizeof c->header[f], "%s",
                 c->col[f] >= 0 ? header[c->col[f]] : FIELD_NAMES[f][0]);
    }
    for (int i = 0; s && i < n; i++) {
        int known = !header[i][0] || cell_is(header[i], NAMES_QUIET);
        for (int f = 0; f < CSVIO_F_COUNT && !known; f++)
            known = c->col[f] == i;
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

void csvio_member_columns_describe(const csvio_member_columns *c, csvio_import_summary *s)
{
    for (int f = 0; f < CSVIO_F_COUNT; f++) {
        if (c->col[f] < 0)
            continue;
        char letters[8], line[400];
        column_letters(c->col[f], letters);
        snprintf(line, sizeof line, "%s ← \"%s\" (%s)", FIELD_NAMES[f][0], c->header[f], letters);
        csvio_list_push(&s->columns, &s->n_columns, xstrdup(line));
    }
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
        if (strcmp(name, LISTS[i].kind) == 0 || csv_find_column(one, 1, FIELD_NAMES[LISTS[i].f]) == 0) {
            *kind = LISTS[i].kind;
            return LISTS[i].f;
        }
    }
    return -1;
}
