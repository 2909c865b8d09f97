/* test_fields.c — the field catalogue (fields.h) is the one description of a
 * record: every column of every table of records is in it or is named
 * bookkeeping, every member field the catalogue lists survives a save and a
 * fetch through the SQL derived from it, and the personal-data rule. */
#include "testutil.h"
#include "fields.h"
#include "records.h"
#include "validate-fields.h"

/* Whether column is one of the columns no one types. */
static int bookkeeping(const char *column)
{
    for (int i = 0; FIELD_BOOKKEEPING[i]; i++)
        if (strcmp(FIELD_BOOKKEEPING[i], column) == 0)
            return 1;
    return 0;
}

/* Every column of every table of travelling records (PRAGMA table_info) is a
 * field of its kind or bookkeeping: a column added by a migration without its
 * catalogue row fails here. (The office's own row is no travelling record.) */
static void every_column_is_catalogued(void **state)
{
    (void)state;
    int kinds = 0;
    for (const record_kind *k = record_kind_next(NULL); k; k = record_kind_next(k)) {
        if (!field_of(k->table, "uuid"))
            continue;
        sqlite3_stmt *st = NULL;
        assert_int_equal(sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?)", -1, &st, NULL), SQLITE_OK);
        sqlite3_bind_text(st, 1, k->table, -1, SQLITE_STATIC);
        int columns = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *col = (const char *)sqlite3_column_text(st, 0);
            columns++;
            if (!field_of(k->table, col) && !bookkeeping(col))
                fail_msg("%s.%s has no row in the field catalogue (db/fields.c) and is not bookkeeping",
                         k->table, col);
        }
        sqlite3_finalize(st);
        if (columns == 0)
            fail_msg("the catalogue names a table %s that the schema does not have", k->table);
        kinds++;
    }
    assert_true(kinds >= 3);
}

/* The reverse: every field the catalogue lists for a table of travelling
 * records is a column of it (a misspelt row would make every derived
 * statement fail). */
static void every_field_is_a_column(void **state)
{
    (void)state;
    for (const record_kind *k = record_kind_next(NULL); k; k = record_kind_next(k)) {
        if (!field_of(k->table, "uuid"))
            continue;
        for (const field_def *f = k->fields; f->column; f++) {
            if (strcmp(f->column, "base_updated_at") == 0) /* only in audit entries written before migration 6 */
                continue;
            char sql[200];
            snprintf(sql, sizeof sql, "SELECT count(*) FROM pragma_table_info('%s') WHERE name = '%s'", k->table,
                     f->column);
            if (db_scalar_int(db, sql, 0) != 1)
                fail_msg("the catalogue's %s field %s is no column of the table", k->table, f->column);
        }
    }
}

/* Every field a save writes has what the rest of the program derives from
 * its row: a struct member, a label, a spreadsheet header and width. */
static void member_content_fields_are_complete(void **state)
{
    (void)state;
    int content = 0;
    for (const field_def *f = record_kind_of("member")->fields; f->column; f++) {
        if (!field_is_content(f))
            continue;
        content++;
        if (!f->label || !f->csv_vi || !f->csv_en || f->width <= 0)
            fail_msg("member field %s lacks its label, spreadsheet headers or width", f->column);
        if ((f->type == FIELD_BOOL || f->type == FIELD_COUNT) ? f->size != sizeof(int) : f->size < 2)
            fail_msg("member field %s: its struct member does not fit its type", f->column);
        if (f->type == FIELD_CHOICE && !f->choices)
            fail_msg("member field %s is a choice without a list", f->column);
    }
    assert_true(content >= 14);
}

/* A value that passes the checks, for each content field by its kind. */
static void sample(const field_def *f, char *out, size_t n)
{
    if (strcmp(f->column, "phone") == 0)
        snprintf(out, n, "0912345678");
    else if (strcmp(f->column, "cccd") == 0)
        snprintf(out, n, "001085012345");
    else if (strcmp(f->column, "email") == 0)
        snprintf(out, n, "an@example.vn");
    else if (f->type == FIELD_DATE)
        snprintf(out, n, "2020-01-%02d", 2 + (int)(f->off % 20));
    else if (f->type == FIELD_CHOICE)
        snprintf(out, n, "%s", f->choices[1].code);
    else
        snprintf(out, n, "Giá trị %s", f->column);
}

/* How a kind of record is made, saved and read back, for the round trip. */
typedef struct {
    const char *table;
    size_t size;
    void (*init)(void *rec);
    int (*save)(void *rec, findings *fs, cdtt_err *e);
    int (*get)(const char *uuid, void *rec);
} kind_io;

static void init_area(void *r) { area_init(r); }
static int save_area(void *r, findings *fs, cdtt_err *e) { return area_save(db, r, 1, fs, e); }
static int get_area(const char *uuid, void *r) { return area_get(db, uuid, r); }
static void init_team(void *r) { team_init(r); }
static int save_team(void *r, findings *fs, cdtt_err *e) { return team_save(db, r, 1, fs, e); }
static int get_team(const char *uuid, void *r) { return team_get(db, uuid, r); }
static void init_member(void *r) { member_init(r); }
static int save_member(void *r, findings *fs, cdtt_err *e) { return member_save(db, r, 1, fs, e); }
static int get_member(const char *uuid, void *r) { return member_get(db, uuid, r); }

static const kind_io AREA_IO = {"area", sizeof(area_rec), init_area, save_area, get_area};
static const kind_io TEAM_IO = {"team", sizeof(team_rec), init_team, save_team, get_team};
static const kind_io MEMBER_IO = {"member", sizeof(member_rec), init_member, save_member, get_member};

/* Each field set through the catalogue (its struct member) comes back from a
 * save and a fetch: the derived INSERT, UPDATE, binds, select list and reader
 * agree on every field, whatever their order. A reference is set to ref (the
 * uuid of a record it may name). Returns the saved record's uuid in uuid. */
static void round_trip(const kind_io *io, const char *ref, char uuid[UUID_LEN])
{
    office_rec o = {"2025-07", "00004", "commune", "Phường Ba Đình"};
    cdtt_err e = {{0}};
    assert_int_equal(office_set(db, &o, &e), 0);
    const record_kind *k = record_kind_of(io->table);
    size_t uuid_at = field_of(io->table, "uuid")->off;
    char *m = test_calloc(1, io->size), *got = test_calloc(1, io->size);
    for (int pass = 0; pass < 2; pass++) { /* insert, then update */
        if (pass == 0)
            io->init(m);
        else
            assert_int_equal(io->get(m + uuid_at, m), 0);
        for (const field_def *f = k->fields; f->column; f++) {
            if (!field_is_content(f))
                continue;
            char *at = m + f->off;
            if (f->type == FIELD_BOOL || f->type == FIELD_COUNT)
                *(int *)at = 1 - pass;
            else if (f->type == FIELD_REF)
                snprintf(at, f->size, "%s", ref);
            else
                sample(f, at, f->size);
            if (pass == 1 && f->type == FIELD_TEXT && f->format != FIELD_FMT_PHONE && f->format != FIELD_FMT_CCCD &&
                f->format != FIELD_FMT_EMAIL)
                snprintf(at, f->size, "Đổi %s", f->column);
        }
        findings fs;
        if (io->save(m, &fs, &e) < 0)
            fail_msg("%s save: %s", io->table, e.msg);
        assert_int_equal(io->get(m + uuid_at, got), 0);
        for (const field_def *f = k->fields; f->column; f++) {
            if (!field_is_content(f))
                continue;
            const char *a = m + f->off, *b = got + f->off;
            if (f->type == FIELD_BOOL || f->type == FIELD_COUNT) {
                if (*(const int *)a != *(const int *)b)
                    fail_msg("pass %d: %s.%s saved %d, read %d", pass, io->table, f->column, *(const int *)a,
                             *(const int *)b);
            } else if (strcmp(a, b) != 0) {
                fail_msg("pass %d: %s.%s saved \"%s\", read \"%s\"", pass, io->table, f->column, a, b);
            }
        }
        const field_def *sort_key = field_of(io->table, "sort_key"), *updated = field_of(io->table, "updated_at");
        assert_string_equal(got + uuid_at, m + uuid_at);
        assert_int_equal(*(const int *)(got + field_of(io->table, "deleted")->off), 0);
        assert_true(got[sort_key->off] != '\0');
        assert_true(got[updated->off] != '\0');
    }
    snprintf(uuid, UUID_LEN, "%s", m + uuid_at);
    test_free(m);
    test_free(got);
}

static void member_fields_round_trip(void **state)
{
    (void)state;
    char uuid[UUID_LEN];
    round_trip(&MEMBER_IO, "", uuid);
}

/* The same for areas and teams (a team in the area saved first). */
static void area_and_team_fields_round_trip(void **state)
{
    (void)state;
    char area[UUID_LEN], team[UUID_LEN];
    round_trip(&AREA_IO, "", area);
    round_trip(&TEAM_IO, area, team);
    team_rec t;
    assert_int_equal(team_get(db, team, &t), 0);
    assert_string_equal(t.area_uuid, area);
    assert_string_equal(t.area_name, "Đổi name");
}

/* The one personal-data rule. */
static void personal_data_rule(void **state)
{
    (void)state;
    const field_def *phone = field_of("member", "phone"), *cccd = field_of("member", "cccd"),
                    *email = field_of("member", "email"), *name = field_of("member", "full_name");
    assert_true(field_shown(name, 0, 0));
    assert_false(field_shown(phone, 0, 0));
    assert_false(field_shown(email, 0, 0));
    assert_true(field_shown(phone, 1, 0));
    assert_true(field_shown(email, 1, 0));
    assert_false(field_shown(cccd, 1, 0));
    assert_true(field_shown(cccd, 0, 1));
    assert_true(field_shown(phone, 0, 1));
    assert_ptr_equal(record_consent_field(record_kind_of("member")), field_of("member", "consent"));
    assert_null(record_consent_field(record_kind_of("team")));
}

static int setup(void **state)
{
    (void)state;
    return tu_db_setup("fields.db");
}

/* Whether f holds a finding about column of severity sev. */
static int found(const findings *f, const char *column, valid_status sev)
{
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->items[i].field, column) == 0 && f->items[i].severity == sev)
            return 1;
    return 0;
}

/* The checks a member gets from its catalogue rows: values brought to their
 * stored forms, a required text or choice left empty, a choice or date that
 * is not one, each an error about its own column. */
static void member_checks_follow_the_catalogue(void **state)
{
    (void)state;
    const record_kind *k = record_kind_of("member");
    member_rec r;
    member_init(&r);
    snprintf(r.full_name, sizeof r.full_name, "  Lò   Văn Pọm ");
    snprintf(r.phone, sizeof r.phone, "+84 912 345 678");
    snprintf(r.cccd, sizeof r.cccd, "001 085 012345");
    snprintf(r.email, sizeof r.email, " pom@example.vn ");
    snprintf(r.mooc_date, sizeof r.mooc_date, "5/6/2025");
    snprintf(r.birth, sizeof r.birth, "1985");
    r.youth_union = 7;
    findings f = {.n = 0};
    record_fields_clean(k, &r, &f);
    record_fields_check(k, &r, &f);
    assert_int_equal(f.n, 0);
    assert_string_equal(r.full_name, "Lò Văn Pọm");
    assert_string_equal(r.phone, "0912345678");
    assert_string_equal(r.cccd, "001085012345");
    assert_string_equal(r.email, "pom@example.vn");
    assert_string_equal(r.mooc_date, "2025-06-05");
    assert_string_equal(r.birth, "1985");
    assert_int_equal(r.youth_union, 1);

    snprintf(r.phone, sizeof r.phone, "12345");
    snprintf(r.zalo_date, sizeof r.zalo_date, "31/02/2025");
    record_fields_clean(k, &r, &f);
    assert_true(found(&f, "phone", VALID_ERROR));
    assert_true(found(&f, "zalo_date", VALID_ERROR));
    assert_string_equal(r.phone, "12345"); /* left as it was */

    f.n = 0;
    r.full_name[0] = '\0';
    r.category[0] = '\0';
    snprintf(r.gender, sizeof r.gender, "x");
    snprintf(r.consent_date, sizeof r.consent_date, "2025-02-31");
    r.mooc_status[0] = '\0';
    r.zalo_date[0] = '\0';
    record_fields_check(k, &r, &f);
    assert_true(found(&f, "full_name", VALID_ERROR));
    assert_true(found(&f, "category", VALID_ERROR));
    assert_true(found(&f, "gender", VALID_ERROR));
    assert_true(found(&f, "consent_date", VALID_ERROR));
    assert_true(found(&f, "mooc_status", VALID_ERROR));
    assert_int_equal(f.n, 5);
    f.n = 0;
    r.gender[0] = '\0'; /* an optional choice may be empty */
    snprintf(r.full_name, sizeof r.full_name, "Lò Văn Pọm");
    snprintf(r.category, sizeof r.category, "other");
    snprintf(r.mooc_status, sizeof r.mooc_status, "completed");
    r.consent_date[0] = '\0';
    record_fields_check(k, &r, &f);
    assert_int_equal(f.n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_column_is_catalogued),
        cmocka_unit_test(every_field_is_a_column),
        cmocka_unit_test(member_content_fields_are_complete),
        cmocka_unit_test(member_fields_round_trip),
        cmocka_unit_test(area_and_team_fields_round_trip),
        cmocka_unit_test(personal_data_rule),
        cmocka_unit_test(member_checks_follow_the_catalogue),
    };
    return cmocka_run_group_tests(tests, setup, tu_db_teardown);
}
