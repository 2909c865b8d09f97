/* training-import.c — lists of people from the province (who finished the
 * MOOC course, who attended a session) matched to members and marked, in one
 * transaction (training.h: training_import_list). */
#include "training.h"
#include "csv.h"
#include "db.h"
#include "table.h"
#include "text.h"
#include "validate.h"
#include "words.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { L_NAME, L_PHONE, L_CCCD, L_BIRTH, L_DATE, L_BIRTH_M, L_BIRTH_F, L_COUNT };

static const char *const NAMES[L_COUNT][12] = {
    [L_NAME] = {"Họ và tên", "Họ tên", "Họ và tên học viên", "Họ tên học viên", "Học viên", "Tên học viên",
                "Họ và tên thành viên", "Full name", "Name", NULL},
    [L_PHONE] = {"Số điện thoại", "Điện thoại", "SĐT", "SDT", "Phone", "Phone number", "Mobile", NULL},
    [L_CCCD] = {"Số CCCD", "CCCD", "Số căn cước", "Số căn cước công dân", "Số định danh", "Số định danh cá nhân",
                "CCCD number", "Citizen ID", "ID number", NULL},
    [L_BIRTH] = {"Ngày sinh", "Năm sinh", "Ngày tháng năm sinh", "Date of birth", "Birth date", NULL},
    [L_DATE] = {"Ngày hoàn thành", "Thời gian hoàn thành", "Ngày cấp chứng nhận", "Ngày cấp chứng chỉ",
                "Ngày học", "Ngày tham dự", "Completion date", "Date", "Ngày", NULL},
    /* paper forms: the birth year under "Nam" or "Nữ" */
    [L_BIRTH_M] = {"Nam", "Năm sinh Nam", NULL},
    [L_BIRTH_F] = {"Nữ", "Năm sinh Nữ", NULL},
};

typedef struct {
    sqlite3 *db;
    const char *path;
    training_list_summary *s;
    int col[L_COUNT];
    long line;
    sqlite3_stmt *by_cccd, *by_phone, *by_name;
} list_import;

static int is_list_header(char **cells, int n, void *ctx)
{
    (void)ctx;
    return csv_find_column(cells, n, NAMES[L_NAME]) >= 0 || csv_find_column(cells, n, NAMES[L_CCCD]) >= 0 ||
           csv_find_column(cells, n, NAMES[L_PHONE]) >= 0;
}

static void problem(list_import *li, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(list_import *li, const char *fmt, ...)
{
    char msg[1500], line[1800];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(line, sizeof line, "%s:%ld: %s", li->path, li->line, msg);
    li->s->problems = xrealloc(li->s->problems, (size_t)(li->s->n_problems + 1) * sizeof *li->s->problems);
    li->s->problems[li->s->n_problems++] = xstrdup(line);
}

static const char *cell(const list_import *li, char **cells, int n, int f)
{
    int i = li->col[f];
    return i >= 0 && i < n ? cells[i] : "";
}

/* Digits of s only when s is digits and spaces; a zero Excel dropped put back. */
static void number_of(const char *s, size_t full, char *out, size_t outlen)
{
    size_t k = 0;
    out[0] = '\0';
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9' && k + 2 < outlen)
            out[k++] = *s;
        else if (*s != ' ' && *s != '.' && *s != '-' && *s != '+')
            return;
    }
    out[k] = '\0';
    if (k + 1 == full && out[0] != '0') {
        memmove(out + 1, out, k + 1);
        out[0] = '0';
    }
}

/* Runs a lookup bound to value; collects up to 8 uuids. Returns the count. */
static int candidates(sqlite3_stmt *st, const char *value, char uuids[8][37], char names[8][256])
{
    int n = 0;
    sqlite3_bind_text(st, 1, value, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW && n < 8) {
        snprintf(uuids[n], 37, "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(names[n], 256, "%s", (const char *)sqlite3_column_text(st, 1));
        n++;
    }
    sqlite3_reset(st);
    return n;
}

/* True when a stored birth and a birth from the list are the same date (a
 * year alone on either side compares the year). */
static int same_birth(const char *stored, const char *given)
{
    if (!stored || !*stored || !*given)
        return 0;
    if (strlen(stored) == 4 || strlen(given) == 4)
        return strncmp(stored, given, 4) == 0;
    return strcmp(stored, given) == 0;
}

static void list_names(char names[8][256], int n, char *out, size_t outlen)
{
    out[0] = '\0';
    for (int i = 0; i < n; i++)
        snprintf(out + strlen(out), outlen - strlen(out), "%s%s", i ? ", " : "", names[i]);
}

/* Finds the one member a row is about. Returns 1 with uuid set, 0 when none
 * or several (reported). */
static int match_row(list_import *li, char **cells, int n, const char *today, char uuid[37])
{
    char uuids[8][37], names[8][256], num[32], list[1200];
    const char *name = cell(li, cells, n, L_NAME);
    int k;
    number_of(cell(li, cells, n, L_CCCD), 12, num, sizeof num);
    if (strlen(num) == 12 && (k = candidates(li->by_cccd, num, uuids, names)) > 0) {
        if (k == 1) {
            snprintf(uuid, 37, "%s", uuids[0]);
            return 1;
        }
        list_names(names, k, list, sizeof list);
        problem(li, _("%s: CCCD %s belongs to several members (%s)"), name, num, list);
        return 0;
    }
    char phone[16];
    valid_result r;
    number_of(cell(li, cells, n, L_PHONE), 10, num, sizeof num);
    if (num[0] && validate_phone(num, phone, &r) == VALID_OK && phone[0] &&
        (k = candidates(li->by_phone, phone, uuids, names)) > 0) {
        if (k == 1) {
            snprintf(uuid, 37, "%s", uuids[0]);
            return 1;
        }
        list_names(names, k, list, sizeof list);
        problem(li, _("%s: phone %s belongs to several members (%s)"), name, phone, list);
        return 0;
    }
    if (!*name) {
        problem(li, _("no name, and no CCCD or phone of a member"));
        return 0;
    }
    char birth[11] = "";
    const char *b = cell(li, cells, n, L_BIRTH);
    if (!*b)
        b = cell(li, cells, n, L_BIRTH_M);
    if (!*b)
        b = cell(li, cells, n, L_BIRTH_F);
    if (*b && validate_birth(b, today, birth, &r) == VALID_ERROR)
        birth[0] = '\0';
    char *fold = text_fold(name);
    sqlite3_bind_text(li->by_name, 1, fold, -1, SQLITE_TRANSIENT);
    int same = 0, same_born = 0;
    char found[37] = "", born[37] = "", same_list[8][256];
    while (sqlite3_step(li->by_name) == SQLITE_ROW) {
        const char *full = (const char *)sqlite3_column_text(li->by_name, 1);
        if (!text_same_name(full, name))
            continue;
        if (same < 8)
            snprintf(same_list[same], 256, "%s", full);
        same++;
        snprintf(found, sizeof found, "%s", (const char *)sqlite3_column_text(li->by_name, 0));
        if (same_birth((const char *)sqlite3_column_text(li->by_name, 2), birth)) {
            same_born++;
            snprintf(born, sizeof born, "%s", found);
        }
    }
    sqlite3_reset(li->by_name);
    free(fold);
    if (same_born == 1) {
        snprintf(uuid, 37, "%s", born);
        return 1;
    }
    if (same_born > 1)
        problem(li, _("%s: several members have this name and birth date"), name);
    else if (same > 0 && !birth[0])
        problem(li, _("%s: %d member(s) have this name, but the list gives no birth date to tell which"), name,
                same);
    else if (same > 0)
        problem(li, _("%s: a member has this name but another birth date"), name);
    else
        problem(li, _("%s: no member matches (CCCD, phone, or name and birth date)"), name);
    return 0;
}

static int prepare(list_import *li, cdtt_err *e)
{
    li->by_cccd = db_prepare(li->db, "SELECT uuid, full_name FROM member WHERE deleted = 0 AND cccd = ?1", e);
    li->by_phone = db_prepare(li->db, "SELECT uuid, full_name FROM member WHERE deleted = 0 AND phone = ?1", e);
    li->by_name = db_prepare(li->db,
                             "SELECT uuid, full_name, birth FROM member WHERE deleted = 0 AND name_fold = ?1", e);
    return li->by_cccd && li->by_phone && li->by_name ? 0 : -1;
}

void training_list_summary_free(training_list_summary *s)
{
    for (int i = 0; s && i < s->n_problems; i++)
        free(s->problems[i]);
    if (s) {
        free(s->problems);
        memset(s, 0, sizeof *s);
    }
}

int training_import_list(sqlite3 *db, const char *path, const char *encoding, const char *sheet,
                         const char *session_uuid, int dry_run, training_list_summary *s, cdtt_err *e)
{
    memset(s, 0, sizeof *s);
    err_clear(e);
    table_opts o = {.encoding = encoding, .sheet = sheet, .is_header = is_list_header,
                    .header_hint = "Họ và tên"};
    table_list *t = table_open(path, &o, e);
    if (!t)
        return -1;
    list_import li = {.db = db, .path = path, .s = s};
    int nh;
    char **h = table_header(t, &nh);
    for (int f = 0; f < L_COUNT; f++)
        li.col[f] = csv_find_column(h, nh, NAMES[f]);
    for (int i = 0; i < nh && li.col[L_NAME] < 0; i++) { /* "Họ và tên người học", … */
        char *w = words_fold(h[i]);
        if (words_in_order("ho ten", w))
            li.col[L_NAME] = i;
        free(w);
    }
    table_set_key_column(t, li.col[L_NAME]);
    snprintf(s->source, sizeof s->source, "%s", table_format(t));
    if (table_sheet_count(t) > 0)
        snprintf(s->source + strlen(s->source), sizeof s->source - strlen(s->source), _(", sheet \"%s\" (of %d)"),
                 table_sheet(t), table_sheet_count(t));
    snprintf(s->source + strlen(s->source), sizeof s->source - strlen(s->source), _(", header on row %ld"),
             table_line(t));
    char today[11];
    date_today(today);
    char **ids = NULL, **dates = NULL;
    int n_ids = 0, rc = prepare(&li, e);
    char **cells;
    int n;
    while (rc == 0 && (n = table_next(t, &cells, e)) > 0) {
        li.line = table_line(t);
        s->rows_read++;
        char uuid[37], date[11] = "";
        valid_result r;
        const char *d = cell(&li, cells, n, L_DATE);
        if (!session_uuid && *d && validate_date(d, date, &r) != VALID_OK) {
            problem(&li, _("%s \"%s\": %s"), h[li.col[L_DATE]], d, r.msg);
            s->unmatched++;
            continue;
        }
        if (!match_row(&li, cells, n, today, uuid)) {
            s->unmatched++;
            continue;
        }
        s->matched++;
        int dup = 0;
        for (int i = 0; i < n_ids && !dup; i++)
            dup = strcmp(ids[i], uuid) == 0;
        if (dup)
            continue;
        ids = xrealloc(ids, (size_t)(n_ids + 1) * sizeof *ids);
        dates = xrealloc(dates, (size_t)(n_ids + 1) * sizeof *dates);
        ids[n_ids] = xstrdup(uuid);
        dates[n_ids++] = xstrdup(date);
    }
    if (rc == 0 && n < 0)
        rc = -1;
    sqlite3_finalize(li.by_cccd);
    sqlite3_finalize(li.by_phone);
    sqlite3_finalize(li.by_name);
    table_close(t);
    if (rc == 0 && !dry_run && n_ids > 0)
        rc = session_uuid ? training_attendance_mark(db, session_uuid, (const char *const *)ids, n_ids, 1,
                                                     &s->changed, e)
                          : training_mooc_completed(db, (const char *const *)ids, (const char *const *)dates,
                                                    n_ids, &s->changed, e);
    for (int i = 0; i < n_ids; i++) {
        free(ids[i]);
        free(dates[i]);
    }
    free(ids);
    free(dates);
    if (rc < 0)
        return -1;
    return s->unmatched > 0 ? 1 : 0;
}
