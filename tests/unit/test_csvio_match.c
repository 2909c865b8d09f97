/* test_csvio_match.c — who a row of a member list is: nobody merged without a
 * word. Names that differ in marks are different people, a shared phone is not
 * an identity, a row that could be two people is refused, two rows that are one
 * person but disagree are refused, every stored value replaced is listed, a
 * change of team is a move only with --move, and a few thousand generated
 * Vietnamese names give exactly as many members, villages and teams. Real
 * commune files, real CSV files as Excel writes them (BOM, CRLF, quotes). */
#include "testutil.h"
#include "csvio.h"
#include "records.h"
#include "text.h"

#include <utf8proc.h>

/* A new commune file with its office set. */
static sqlite3 *commune(const char *name) { return tu_commune_db(dir, name); }

static long long count(sqlite3 *db, const char *sql)
{
    return db_scalar_int(db, sql, -1);
}

/* The number of rows sql gives with ?1 bound to a. */
static long long count1(sqlite3 *db, const char *sql, const char *a)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("prepare %s: %s", sql, sqlite3_errmsg(db));
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}

/* Writes a CSV file as Excel's "CSV UTF-8" does: BOM, then the lines given
 * with \n turned into CRLF. Returns its path (static). */
static const char *excel_csv(const char *name, const char *text)
{
    static char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("cannot write %s", path);
    fputs("\xEF\xBB\xBF", f);
    for (const char *p = text; *p; p++) {
        if (*p == '\n')
            fputc('\r', f);
        fputc(*p, f);
    }
    fclose(f);
    return path;
}

/* Imports path; fails the test on a file or database error. Returns 0 or 1. */
static int import_opts(sqlite3 *db, const char *path, int dry_run, int move, csvio_import_summary *s)
{
    cdtt_err e = {{0}};
    csvio_import_opts o = {.dry_run = dry_run, .move = move};
    int rc = csvio_import_members_opts(db, path, &o, s, &e);
    if (rc < 0)
        fail_msg("import %s: %s", path, e.msg);
    return rc;
}

static int import(sqlite3 *db, const char *path, csvio_import_summary *s)
{
    return import_opts(db, path, 0, 0, s);
}

/* True when one line of list contains every needle (NULL-terminated). */
static int listed(char **list, int n, const char *const *needles)
{
    for (int i = 0; i < n; i++) {
        int all = 1;
        for (int k = 0; needles[k] && all; k++)
            all = strstr(list[i], needles[k]) != NULL;
        if (all)
            return 1;
    }
    return 0;
}

#define PROBLEM(s, ...) listed((s)->problems, (s)->n_problems, (const char *const[]){__VA_ARGS__, NULL})
#define CHANGE(s, ...) listed((s)->changes, (s)->n_changes, (const char *const[]){__VA_ARGS__, NULL})

static void dump(const csvio_import_summary *s)
{
    for (int i = 0; i < s->n_problems; i++)
        print_message("problem: %s\n", s->problems[i]);
    for (int i = 0; i < s->n_changes; i++)
        print_message("change: %s\n", s->changes[i]);
}

/* ---- names ----------------------------------------------------------------- */

static void names_that_differ_in_marks_are_different_people(void **state)
{
    (void)state;
    sqlite3 *db = commune("marks.db");
    const char *path = excel_csv("marks.csv",
                                 "STT,Họ và tên,Ngày sinh,Tổ,Thôn/Tổ dân phố\n"
                                 "1,Nguyễn Văn Ba,,Tổ CNSCĐ thôn Đông,Thôn Đông\n"
                                 "2,Nguyễn Văn Bá,,Tổ CNSCĐ thôn Đông,Thôn Đông\n"
                                 "3,Nguyễn Văn Bà,,Tổ CNSCĐ thôn Đông,Thôn Đông\n"
                                 "4,Lê Thị Hoa,12/05/1988,Tổ CNSCĐ thôn Đông,Thôn Đông\n"
                                 "5,Lê Thị Hòa,12/05/1988,Tổ CNSCĐ thôn Đông,Thôn Đông\n");
    csvio_import_summary s;
    assert_int_equal(import(db, path, &s), 0);
    assert_int_equal(s.members_new, 5);
    assert_int_equal(s.members_updated + s.members_unchanged, 0);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 5);
    assert_int_equal(count(db, "SELECT count(DISTINCT full_name) FROM member"), 5);
    assert_int_equal(count(db, "SELECT count(*) FROM membership WHERE date_to IS NULL"), 5);
    /* Again: five people found again, nobody changed. */
    assert_int_equal(import(db, path, &s), 0);
    assert_int_equal(s.members_unchanged, 5);
    assert_int_equal(s.members_new + s.members_updated, 0);
    assert_int_equal(s.n_changes, 0);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 5);
    db_close(db);
}

static void the_same_name_written_otherwise_is_the_same_person(void **state)
{
    (void)state;
    sqlite3 *db = commune("spelling.db");
    csvio_import_summary s;
    assert_int_equal(import(db, excel_csv("first.csv", "Họ và tên,Ngày sinh,Tổ\n"
                                                       "Lê Thị Hòa,12/05/1988,Tổ xã\n"
                                                       "Nguyễn Văn An,,Tổ xã\n"),
                            &s),
                     0);
    csvio_import_summary_free(&s);
    /* Old tone placement, capitals, extra spaces, decomposed marks (NFD). */
    assert_int_equal(import(db, excel_csv("again.csv", "Họ và tên,Ngày sinh,Tổ\n"
                                                       "LÊ  THỊ HOÀ,12/05/1988,Tổ xã\n"
                                                       "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n An,,tổ xã\n"),
                            &s),
                     0);
    assert_int_equal(s.members_unchanged, 2);
    assert_int_equal(s.members_new, 0);
    assert_int_equal(s.n_changes, 0);
    csvio_import_summary_free(&s);
    /* The stored spelling is kept. */
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE full_name IN ('Lê Thị Hòa', 'Nguyễn Văn An')"), 2);
    db_close(db);
}

static void villages_and_teams_that_differ_in_marks_are_two(void **state)
{
    (void)state;
    sqlite3 *db = commune("villages.db");
    csvio_import_summary s;
    const char *path = excel_csv("villages.csv", "Họ và tên,Tổ,Thôn/Tổ dân phố\n"
                                                 "Nguyễn Văn An,Tổ CNSCĐ,Thôn Hà\n"
                                                 "Nguyễn Văn Bình,Tổ CNSCĐ,Thôn Hạ\n"
                                                 "Nguyễn Văn Chung,Tổ Hà,\n"
                                                 "Nguyễn Văn Dũng,Tổ Hạ,\n");
    assert_int_equal(import(db, path, &s), 0);
    assert_int_equal(s.areas_created, 2);
    assert_int_equal(s.teams_created, 4);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM area"), 2);
    assert_int_equal(count(db, "SELECT count(*) FROM team"), 4);
    assert_int_equal(count(db, "SELECT count(*) FROM membership ms JOIN team t ON t.uuid = ms.team_uuid"
                               " JOIN area a ON a.uuid = t.area_uuid WHERE a.name = 'Thôn Hạ'"),
                     1);
    assert_int_equal(import(db, path, &s), 0);
    assert_int_equal(s.areas_created + s.teams_created + s.members_new, 0);
    assert_int_equal(s.members_unchanged, 4);
    csvio_import_summary_free(&s);
    db_close(db);
}

static void a_village_two_records_share_is_refused_not_guessed(void **state)
{
    (void)state;
    sqlite3 *db = commune("shared-village.db");
    cdtt_err e = {{0}};
    /* An older file may hold two villages of one name (made before names
     * became identities). */
    assert_int_equal(db_exec(db,
                             "INSERT INTO area (uuid, unit_scheme, unit_code, kind, name, name_fold,"
                             " sort_key, created_at, updated_at, changed_by) VALUES"
                             " ('a1', '2025-07', '00004', 'thon', 'Thôn Đông', 'thon dong', 'k', 't', 't', 'x'),"
                             " ('a2', '2025-07', '00004', 'thon', 'Thôn Đông', 'thon dong', 'k', 't', 't', 'x');",
                             &e),
                     0);
    csvio_import_summary s;
    assert_int_equal(import(db, excel_csv("dong.csv", "Họ và tên,Tổ,Thôn/Tổ dân phố\n"
                                                      "Nguyễn Văn An,Tổ CNSCĐ thôn Đông,Thôn Đông\n"),
                            &s),
                     1);
    dump(&s);
    assert_true(PROBLEM(&s, "dong.csv:2:", "Thôn/Tổ dân phố", "2 villages or residential groups are named"));
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 0);
    assert_int_equal(count(db, "SELECT count(*) FROM team"), 0);
    db_close(db);
}

/* ---- people who share something ------------------------------------------------ */

static void a_shared_phone_never_merges_father_and_son(void **state)
{
    (void)state;
    sqlite3 *db = commune("phone.db");
    csvio_import_summary s;
    const char *path = excel_csv("family.csv", "Họ và tên,Ngày sinh,Số điện thoại,Tổ\n"
                                               "Lê Văn Cường,1980,0912000001,Tổ CNSCĐ xã\n"
                                               "Lê Văn Cường,2005,0912000001,Tổ CNSCĐ thôn Tây\n");
    assert_int_equal(import(db, path, &s), 0);
    assert_int_equal(s.members_new, 2);
    assert_int_equal(s.members_updated, 0);
    /* The shared number is mentioned, not acted on. */
    dump(&s);
    assert_true(PROBLEM(&s, "family.csv:3:", "warning", "Số điện thoại", "Lê Văn Cường"));
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE phone = '0912000001'"), 2);
    assert_int_equal(count(db, "SELECT count(*) FROM member m JOIN membership ms ON ms.member_uuid = m.uuid"
                               " JOIN team t ON t.uuid = ms.team_uuid"
                               " WHERE (m.birth = '1980' AND t.name = 'Tổ CNSCĐ xã')"
                               " OR (m.birth = '2005' AND t.name = 'Tổ CNSCĐ thôn Tây')"),
                     2);
    assert_int_equal(count(db, "SELECT count(*) FROM membership"), 2);
    assert_int_equal(import(db, path, &s), 0);
    assert_int_equal(s.members_unchanged, 2);
    csvio_import_summary_free(&s);
    db_close(db);
}

static void two_rows_that_are_one_person_but_disagree_are_refused(void **state)
{
    (void)state;
    sqlite3 *db = commune("twice.db");
    csvio_import_summary s;
    const char *path = excel_csv("hoa.csv", "Họ và tên,Ngày sinh,Số điện thoại,Tổ\n"
                                            "Trần Thị Hoa,12/05/1988,0912000002,Tổ CNSCĐ xã\n"
                                            "Trần Thị Hoa,12/05/1988,0912000003,Tổ CNSCĐ xã\n");
    assert_int_equal(import(db, path, &s), 1);
    dump(&s);
    assert_true(PROBLEM(&s, "hoa.csv:3:", "line 2", "0912000002", "0912000003"));
    assert_int_equal(s.errors, 1);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 0);
    /* With their CCCD numbers they are two people. */
    path = excel_csv("hoa2.csv", "Họ và tên,Ngày sinh,Số điện thoại,Số CCCD,Tổ\n"
                                 "Trần Thị Hoa,12/05/1988,0912000002,001188000002,Tổ CNSCĐ xã\n"
                                 "Trần Thị Hoa,12/05/1988,0912000003,001188000003,Tổ CNSCĐ xã\n");
    assert_int_equal(import(db, path, &s), 0);
    assert_int_equal(s.members_new, 2);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE phone IN ('0912000002', '0912000003')"), 2);
    /* The same person in two teams (how the export lists them) is one member. */
    path = excel_csv("two-teams.csv", "Họ và tên,Ngày sinh,Số điện thoại,Tổ\n"
                                      "Phạm Văn Hùng,1970,0912000009,Tổ CNSCĐ xã\n"
                                      "Phạm Văn Hùng,1970,0912000009,Tổ CNSCĐ thôn Tây\n");
    assert_int_equal(import(db, path, &s), 0);
    assert_int_equal(s.members_new, 1);
    assert_int_equal(s.memberships_new, 2);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE full_name = 'Phạm Văn Hùng'"), 1);
    db_close(db);
}

static void a_row_without_birth_date_matches_only_a_single_namesake(void **state)
{
    (void)state;
    sqlite3 *db = commune("nam.db");
    csvio_import_summary s;
    assert_int_equal(import(db, excel_csv("nams.csv", "Họ và tên,Ngày sinh,Tổ\n"
                                                      "Nguyễn Văn Nam,1980,Tổ A\n"
                                                      "Nguyễn Văn Nam,1990,Tổ B\n"),
                            &s),
                     0);
    assert_int_equal(s.members_new, 2);
    csvio_import_summary_free(&s);
    long long audit = count(db, "SELECT count(*) FROM audit");
    const char *path = excel_csv("third.csv", "Họ và tên,Ngày sinh,Email,Tổ\n"
                                              "Nguyễn Văn Nam,,nam@example.vn,Tổ A\n");
    assert_int_equal(import(db, path, &s), 1);
    dump(&s);
    /* Both namesakes are named, with what tells them apart. */
    assert_true(PROBLEM(&s, "third.csv:2:", "1980", "1990"));
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE email IS NOT NULL"), 0);
    assert_int_equal(count(db, "SELECT count(*) FROM audit"), audit);
    /* With one namesake only, the row is that person. */
    sqlite3 *other = commune("nam-one.db");
    assert_int_equal(import(other, excel_csv("nam1980.csv", "Họ và tên,Ngày sinh,Tổ\nNguyễn Văn Nam,1980,Tổ A\n"), &s), 0);
    csvio_import_summary_free(&s);
    path = excel_csv("one.csv", "Họ và tên,Ngày sinh,Email,Tổ\n"
                                "Nguyễn Văn Nam,,nam@example.vn,Tổ A\n"
                                "Nguyễn Văn Nam,1990,,Tổ B\n");
    assert_int_equal(import(other, path, &s), 0);
    dump(&s);
    assert_int_equal(s.members_updated, 1); /* the e-mail: a value added */
    assert_int_equal(s.members_new, 1);     /* born 1990: someone else */
    csvio_import_summary_free(&s);
    assert_int_equal(count(other, "SELECT count(*) FROM member WHERE birth = '1980' AND email = 'nam@example.vn'"), 1);
    assert_int_equal(count(other, "SELECT count(*) FROM member"), 2);
    db_close(other);
    db_close(db);
}

static void namesakes_a_list_holds_come_back_as_they_are(void **state)
{
    (void)state;
    sqlite3 *db = commune("namesakes.db");
    csvio_import_summary s;
    /* Two people of each name: a full birth date and a year, a birth date and
     * none, no birth date at all but each their phone. */
    const char *path = excel_csv("namesakes.csv", "Họ và tên,Ngày sinh,Số điện thoại,Tổ\n"
                                                  "Nguyễn Văn Duy,02/03/2000,0912000011,Tổ X\n"
                                                  "Nguyễn Văn Duy,2000,0912000012,Tổ Y\n"
                                                  "Nguyễn Văn Nam,,0912000013,Tổ X\n"
                                                  "Nguyễn Văn Nam,1990,,Tổ Y\n"
                                                  "Nguyễn Văn Tú,,0912000014,Tổ X\n"
                                                  "Nguyễn Văn Tú,,0912000015,Tổ Y\n");
    assert_int_equal(import(db, path, &s), 0);
    dump(&s);
    assert_int_equal(s.members_new, 6);
    /* Each second row is said to be taken as another person. */
    assert_true(PROBLEM(&s, "namesakes.csv:3:", "warning", "Nguyễn Văn Duy", "line 2"));
    assert_true(PROBLEM(&s, "namesakes.csv:5:", "warning", "Nguyễn Văn Nam", "line 4"));
    assert_true(PROBLEM(&s, "namesakes.csv:7:", "warning", "Nguyễn Văn Tú", "line 6"));
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 6);
    /* Again: each row finds its own member (the same birth date, both without
     * one, or among those the phone number), and says nothing. */
    assert_int_equal(import(db, path, &s), 0);
    dump(&s);
    assert_int_equal(s.members_unchanged, 6);
    assert_int_equal(s.n_problems, 0);
    csvio_import_summary_free(&s);
    /* A row that neither a birth date nor a phone number places is refused. */
    assert_int_equal(import(db, excel_csv("tu.csv", "Họ và tên,Email,Tổ\nNguyễn Văn Tú,tu@example.vn,Tổ X\n"), &s), 1);
    assert_true(PROBLEM(&s, "tu.csv:2:", "members have the same name", "Nguyễn Văn Tú (no birth date; Tổ X)",
                        "Nguyễn Văn Tú (no birth date; Tổ Y)"));
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 6);
    db_close(db);
}

static void cccd_identifies_a_person_whatever_the_name(void **state)
{
    (void)state;
    sqlite3 *db = commune("cccd.db");
    csvio_import_summary s;
    assert_int_equal(import(db, excel_csv("c1.csv", "Họ và tên,Ngày sinh,Số CCCD,Tổ\n"
                                                    "Nguyễn Văn Ân,07/04/1985,001085012345,Tổ xã\n"),
                            &s),
                     0);
    csvio_import_summary_free(&s);
    /* The name corrected in Excel: the same CCCD, the same person, renamed and listed. */
    assert_int_equal(import(db, excel_csv("c2.csv", "Họ và tên,Ngày sinh,Số CCCD,Tổ\n"
                                                    "Nguyễn Văn An,07/04/1985,001085012345,Tổ xã\n"),
                            &s),
                     0);
    assert_int_equal(s.members_updated, 1);
    assert_true(CHANGE(&s, "c2.csv:2:", "Full name", "Nguyễn Văn Ân", "Nguyễn Văn An"));
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 1);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE full_name = 'Nguyễn Văn An'"), 1);
    /* The same name and birth date but another CCCD: another person. */
    assert_int_equal(import(db, excel_csv("c3.csv", "Họ và tên,Ngày sinh,Số CCCD,Tổ\n"
                                                    "Nguyễn Văn An,07/04/1985,001085099999,Tổ xã\n"),
                            &s),
                     0);
    assert_int_equal(s.members_new, 1);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 2);
    db_close(db);
}

/* ---- values replaced ------------------------------------------------------------ */

static void every_value_replaced_is_listed_old_and_new(void **state)
{
    (void)state;
    sqlite3 *db = commune("changes.db");
    csvio_import_summary s;
    assert_int_equal(import(db, excel_csv("v1.csv", "Họ và tên,Ngày sinh,Số điện thoại,Email,Thành phần,Tổ,Vai trò\n"
                                                    "Trần Thị Bình,1990,0912000002,,Giáo viên,Tổ xã,Tổ trưởng\n"),
                            &s),
                     0);
    csvio_import_summary_free(&s);
    const char *path = excel_csv("v2.csv", "Họ và tên,Ngày sinh,Số điện thoại,Email,Thành phần,Tổ,Vai trò\n"
                                           "Trần Thị Bình,1990,0912000003,binh@example.vn,Y tế,Tổ xã,Thành viên\n");
    /* A dry run lists the same and writes nothing. */
    assert_int_equal(import_opts(db, path, 1, 0, &s), 0);
    dump(&s);
    assert_int_equal(s.members_updated, 1);
    assert_true(CHANGE(&s, "v2.csv:2:", "Trần Thị Bình", "Mobile phone", "0912000002 → 0912000003"));
    assert_true(CHANGE(&s, "v2.csv:2:", "Category", "Teacher", "Health worker"));
    assert_true(CHANGE(&s, "v2.csv:2:", "Role in team (Tổ xã) Leader → Member"));
    /* An empty value filled is an update, not a replacement. */
    assert_false(CHANGE(&s, "binh@example.vn"));
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE phone = '0912000002'"), 1);
    /* Labels follow the message language. */
    tu_vietnamese();
    assert_int_equal(import(db, path, &s), 0);
    assert_true(CHANGE(&s, "v2.csv:2:", "Điện thoại di động", "0912000002 → 0912000003"));
    csvio_import_summary_free(&s);
    tu_english();
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE phone = '0912000003'"
                               " AND email = 'binh@example.vn' AND category = 'health_worker'"),
                     1);
    db_close(db);
}

static void consent_without_a_date_stays_without_a_date(void **state)
{
    (void)state;
    sqlite3 *db = commune("consent.db");
    csvio_import_summary s;
    const char *path = excel_csv("consent.csv", "Họ và tên,Đồng ý,Ngày đồng ý,Tổ\n"
                                                "Nguyễn Văn An,Có,,Tổ xã\n"
                                                "Nguyễn Văn Bình,Có,03/04/2024,Tổ xã\n");
    assert_int_equal(import(db, path, &s), 0);
    dump(&s);
    assert_int_equal(s.members_new, 2);
    assert_int_equal(s.warnings, 1);
    assert_true(PROBLEM(&s, "consent.csv:2:", "warning"));
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE consent = 1 AND consent_date IS NULL"), 1);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE consent_date = '2024-04-03'"), 1);
    db_close(db);
}

/* ---- moves ----------------------------------------------------------------------- */

static const char MOVE_V1[] = "Họ và tên,Ngày sinh,Tổ,Thôn/Tổ dân phố,Vai trò\n"
                              "Nguyễn Văn An,1985,Tổ CNSCĐ thôn Đông,Thôn Đông,Tổ trưởng\n"
                              "Trần Thị Bình,1990,Tổ CNSCĐ thôn Đông,Thôn Đông,\n"
                              "Lê Văn Cường,1978,Tổ CNSCĐ thôn Tây,Thôn Tây,\n";
/* Bình has moved to Thôn Tây's team. */
static const char MOVE_V2[] = "Họ và tên,Ngày sinh,Tổ,Thôn/Tổ dân phố,Vai trò\n"
                              "Nguyễn Văn An,1985,Tổ CNSCĐ thôn Đông,Thôn Đông,Tổ trưởng\n"
                              "Trần Thị Bình,1990,Tổ CNSCĐ thôn Tây,Thôn Tây,\n"
                              "Lê Văn Cường,1978,Tổ CNSCĐ thôn Tây,Thôn Tây,\n";

static const char BINH_TEAMS[] =
    "SELECT count(*) FROM membership ms JOIN member m ON m.uuid = ms.member_uuid"
    " JOIN team t ON t.uuid = ms.team_uuid WHERE m.full_name = 'Trần Thị Bình' AND t.name = ?1"
    " AND ms.date_to IS NULL";

static void a_new_team_without_move_is_reported_not_added(void **state)
{
    (void)state;
    sqlite3 *db = commune("nomove.db");
    csvio_import_summary s;
    assert_int_equal(import(db, excel_csv("m1.csv", MOVE_V1), &s), 0);
    csvio_import_summary_free(&s);
    long long audit = count(db, "SELECT count(*) FROM audit");
    assert_int_equal(import(db, excel_csv("m2.csv", MOVE_V2), &s), 0);
    dump(&s);
    assert_int_equal(s.moves_not_made, 1);
    assert_int_equal(s.members_moved, 0);
    assert_true(PROBLEM(&s, "m2.csv:3:", "Trần Thị Bình", "Tổ CNSCĐ thôn Đông", "Tổ CNSCĐ thôn Tây", "--move"));
    assert_int_equal(s.members_unchanged, 2);
    csvio_import_summary_free(&s);
    assert_int_equal(count1(db, BINH_TEAMS, "Tổ CNSCĐ thôn Đông"), 1);
    assert_int_equal(count1(db, BINH_TEAMS, "Tổ CNSCĐ thôn Tây"), 0);
    assert_int_equal(count(db, "SELECT count(*) FROM audit"), audit);
    db_close(db);
}

static void move_ends_the_old_membership_and_keeps_its_history(void **state)
{
    (void)state;
    sqlite3 *db = commune("move.db");
    csvio_import_summary s;
    assert_int_equal(import(db, excel_csv("m1.csv", MOVE_V1), &s), 0);
    csvio_import_summary_free(&s);
    /* A dry run tells the move and makes none. */
    assert_int_equal(import_opts(db, excel_csv("m2.csv", MOVE_V2), 1, 1, &s), 0);
    assert_int_equal(s.members_moved, 1);
    csvio_import_summary_free(&s);
    assert_int_equal(count1(db, BINH_TEAMS, "Tổ CNSCĐ thôn Tây"), 0);
    assert_int_equal(import_opts(db, excel_csv("m2.csv", MOVE_V2), 0, 1, &s), 0);
    dump(&s);
    assert_int_equal(s.members_moved, 1);
    assert_int_equal(s.moves_not_made, 0);
    assert_int_equal(s.members_updated, 1);
    assert_int_equal(s.members_unchanged, 2);
    assert_true(CHANGE(&s, "m2.csv:3:", "Trần Thị Bình", "Team", "Tổ CNSCĐ thôn Đông → Tổ CNSCĐ thôn Tây"));
    csvio_import_summary_free(&s);
    assert_int_equal(count1(db, BINH_TEAMS, "Tổ CNSCĐ thôn Đông"), 0);
    assert_int_equal(count1(db, BINH_TEAMS, "Tổ CNSCĐ thôn Tây"), 1);
    /* The old membership ended today; it is not deleted. */
    char today[11];
    date_today(today);
    assert_int_equal(count1(db, "SELECT count(*) FROM membership ms JOIN member m ON m.uuid = ms.member_uuid"
                                " WHERE m.full_name = 'Trần Thị Bình' AND ms.deleted = 0 AND ms.date_to = ?1",
                            today),
                     1);
    assert_int_equal(count(db, "SELECT count(*) FROM membership"), 4);
    /* The list again: nothing to move. */
    assert_int_equal(import_opts(db, excel_csv("m2.csv", MOVE_V2), 0, 1, &s), 0);
    assert_int_equal(s.members_moved, 0);
    assert_int_equal(s.members_unchanged, 3);
    csvio_import_summary_free(&s);
    db_close(db);
}

static void move_keeps_teams_the_list_still_gives(void **state)
{
    (void)state;
    sqlite3 *db = commune("move-two.db");
    csvio_import_summary s;
    assert_int_equal(import(db, excel_csv("t1.csv", "Họ và tên,Ngày sinh,Tổ\n"
                                                    "Phạm Văn Hùng,1970,Tổ CNSCĐ xã\n"
                                                    "Phạm Văn Hùng,1970,Tổ A\n"),
                            &s),
                     0);
    csvio_import_summary_free(&s);
    /* Still in the commune team, now in B instead of A. */
    assert_int_equal(import_opts(db, excel_csv("t2.csv", "Họ và tên,Ngày sinh,Tổ\n"
                                                         "Phạm Văn Hùng,1970,Tổ CNSCĐ xã\n"
                                                         "Phạm Văn Hùng,1970,Tổ B\n"),
                                 0, 1, &s),
                     0);
    dump(&s);
    assert_int_equal(s.members_moved, 1);
    assert_true(CHANGE(&s, "Phạm Văn Hùng", "Tổ A → Tổ B"));
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM membership ms JOIN team t ON t.uuid = ms.team_uuid"
                               " WHERE ms.date_to IS NULL AND t.name IN ('Tổ CNSCĐ xã', 'Tổ B')"),
                     2);
    assert_int_equal(count(db, "SELECT count(*) FROM membership WHERE date_to IS NULL"), 2);
    db_close(db);
}

/* ---- the MOOC date travels ----------------------------------------------------- */

static void export_import_keeps_every_mooc_date(void **state)
{
    (void)state;
    i18n_set_lang("vi");
    sqlite3 *a = commune("mooc-a.db"), *b = commune("mooc-b.db");
    cdtt_err e = {{0}};
    team_rec t;
    team_init(&t);
    snprintf(t.name, sizeof t.name, "Tổ CNSCĐ xã");
    snprintf(t.level, sizeof t.level, "commune");
    assert_int_equal(team_save(a, &t, 1, NULL, &e), 0);
    const char *names[] = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"};
    const char *status[] = {"completed", "in_progress", "not_started"};
    const char *dates[] = {"2022-11-20", "2022-10-01", "2022-09-15"};
    for (int i = 0; i < 3; i++) {
        member_rec m;
        member_init(&m);
        snprintf(m.full_name, sizeof m.full_name, "%s", names[i]);
        snprintf(m.mooc_status, sizeof m.mooc_status, "%s", status[i]);
        snprintf(m.mooc_date, sizeof m.mooc_date, "%s", dates[i]);
        assert_int_equal(member_save_in_team(a, &m, t.uuid, "member", 1, NULL, &e), 0);
    }
    char p1[700], p2[700];
    snprintf(p1, sizeof p1, "%s/mooc1.csv", dir);
    snprintf(p2, sizeof p2, "%s/mooc2.csv", dir);
    csvio_export_opts o = {.full = 1};
    assert_int_equal(csvio_export_csv(a, CSVIO_MEMBERS, p1, &o, NULL, &e), 0);
    char *one = tu_slurp(p1, NULL);
    assert_non_null(strstr(one, "20/11/2022"));
    assert_non_null(strstr(one, "01/10/2022"));
    assert_non_null(strstr(one, "15/09/2022"));
    csvio_import_summary s;
    assert_int_equal(import(b, p1, &s), 0);
    dump(&s);
    assert_int_equal(s.members_new, 3);
    assert_int_equal(s.n_ignored, 0);
    csvio_import_summary_free(&s);
    for (int i = 0; i < 3; i++) {
        char q[300];
        snprintf(q, sizeof q, "SELECT count(*) FROM member WHERE mooc_status = '%s' AND mooc_date = ?1",
                 status[i]);
        assert_int_equal(count1(b, q, dates[i]), 1);
    }
    /* And back out: the same file. */
    assert_int_equal(csvio_export_csv(b, CSVIO_MEMBERS, p2, &o, NULL, &e), 0);
    char *two = tu_slurp(p2, NULL);
    assert_string_equal(one, two);
    free(one);
    free(two);
    db_close(a);
    db_close(b);
    i18n_set_lang("en");
}

/* ---- a few thousand Vietnamese names ---------------------------------------------- */

/* A syllable as letters before the vowel that carries the tone, that vowel, and
 * the letters after it: the tone mark goes on the middle part. */
typedef struct {
    const char *before, *vowel, *after;
} syllable;

/* The six tones as combining marks (ngang has none). */
static const char *const TONES[] = {"", "\xCC\x80", "\xCC\x89", "\xCC\x83", "\xCC\x81", "\xCC\xA3"};

/* syl with tone t appended to buf: in NFC, or decomposed (NFD) with the tone
 * of "oa" on the o (the other tone-placement convention: hòa for hoà). */
static void put_syllable(char *buf, size_t n, const syllable *syl, int t, int otherwise)
{
    char raw[64];
    if (otherwise && strcmp(syl->before, "Ho") == 0 && strcmp(syl->vowel, "a") == 0)
        snprintf(raw, sizeof raw, "Ho%sa%s", TONES[t], syl->after);
    else
        snprintf(raw, sizeof raw, "%s%s%s%s", syl->before, syl->vowel, TONES[t], syl->after);
    char *nfc = text_nfc(raw);
    size_t len = strlen(buf);
    if (otherwise) {
        utf8proc_uint8_t *nfd = utf8proc_NFD((const utf8proc_uint8_t *)nfc);
        snprintf(buf + len, n - len, "%s", (const char *)nfd);
        free(nfd);
    } else {
        snprintf(buf + len, n - len, "%s", nfc);
    }
    free(nfc);
}

static const char *const FAMILIES[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"};
static const char *const MIDDLES[] = {"Văn", "Thị", "Hữu", "Minh"};
#define N_FAMILIES ((int)(sizeof FAMILIES / sizeof FAMILIES[0]))
#define N_MIDDLES ((int)(sizeof MIDDLES / sizeof MIDDLES[0]))
static const syllable GIVEN[] = {
    {"B", "a", ""},  {"H", "a", ""},   {"Ho", "a", ""}, {"Th", "u", ""},  {"M", "a", "i"},  {"L", "a", "n"},
    {"T", "â", "m"}, {"Hư", "ơ", "ng"}, {"Ng", "o", "c"}, {"Đ", "ư", "c"}, {"Nh", "u", ""}, {"C", "ô", "ng"},
};
#define N_GIVEN ((int)(sizeof GIVEN / sizeof GIVEN[0]))
/* Syllables ending in c take only sắc and nặng (Ngọc, Đức). */
static int tone_allowed(const syllable *syl, int t)
{
    size_t n = strlen(syl->after);
    int stop = n > 0 && syl->after[n - 1] == 'c';
    return !stop || t == 4 || t == 5;
}

/* Writes the generated member list to path: every family × middle × given
 * name in every tone, in villages "Thôn Ba", "Thôn Bà", … (one per given-name
 * syllable and tone) and their teams. The tone variants of a name share a
 * team, and those with a birth date share it, so only the marks tell them
 * apart; every other variant has a birth date, the others the name alone.
 * otherwise writes every name and place differently but as the same name:
 * decomposed, the other tone placement, doubled spaces. Returns the number of
 * rows; *n_villages gets the number of villages. */
static long long write_names(const char *path, int otherwise, int *n_villages)
{
    FILE *f = fopen(path, "wb");
    fputs("\xEF\xBB\xBF" "STT,Họ và tên,Ngày sinh,Tổ,Thôn/Tổ dân phố,Ghi chú\r\n", f);
    char villages[N_GIVEN * 6][64];
    *n_villages = 0;
    for (int g = 0; g < N_GIVEN; g++)
        for (int t = 0; t < 6; t++)
            if (tone_allowed(&GIVEN[g], t)) {
                villages[*n_villages][0] = '\0';
                put_syllable(villages[(*n_villages)++], sizeof villages[0], &GIVEN[g], t, otherwise);
            }
    const char *space = otherwise ? "  " : " ";
    long long n = 0;
    for (int fa = 0; fa < N_FAMILIES; fa++)
        for (int mi = 0; mi < N_MIDDLES; mi++)
            for (int g = 0; g < N_GIVEN; g++)
                for (int t = 0; t < 6; t++) {
                    if (!tone_allowed(&GIVEN[g], t))
                        continue;
                    char name[200];
                    snprintf(name, sizeof name, "%s%s%s%s", FAMILIES[fa], space, MIDDLES[mi], space);
                    put_syllable(name, sizeof name, &GIVEN[g], t, otherwise);
                    long long group = (long long)(fa * N_MIDDLES + mi) * N_GIVEN + g;
                    const char *v = villages[group % *n_villages];
                    char birth[16] = "";
                    if (t % 2)
                        snprintf(birth, sizeof birth, "%02lld/%02lld/%lld", 1 + group % 28,
                                 1 + group % 12, 1950 + group % 50);
                    fprintf(f, "%lld,%s,%s,Tổ CNSCĐ thôn%s%s,Thôn%s%s,\"ghi chú, %lld\"\r\n", n + 1, name,
                            birth, space, v, space, v, n);
                    n++;
                }
    fclose(f);
    return n;
}

/* Imports path again and checks that nothing changed. */
static void nothing_changes(sqlite3 *db, const char *path, long long n)
{
    csvio_import_summary s;
    long long audit = count(db, "SELECT count(*) FROM audit");
    assert_int_equal(import(db, path, &s), 0);
    assert_int_equal(s.members_unchanged, n);
    assert_int_equal(s.members_new + s.members_updated + s.memberships_new, 0);
    assert_int_equal(s.areas_created + s.teams_created, 0);
    assert_int_equal(s.n_changes, 0);
    assert_int_equal(s.n_problems, 0);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM audit"), audit);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), n);
}

static void generated_names_give_exactly_as_many_records(void **state)
{
    (void)state;
    sqlite3 *db = commune("names.db");
    char path[700], again[700];
    snprintf(path, sizeof path, "%s/names.csv", dir);
    snprintf(again, sizeof again, "%s/names-otherwise.csv", dir);
    int n_villages;
    long long n = write_names(path, 0, &n_villages);
    assert_int_equal(write_names(again, 1, &n_villages), n);
    csvio_import_summary s;
    assert_int_equal(import(db, path, &s), 0);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.rows_read, n);
    assert_int_equal(s.members_new, n);
    assert_int_equal(s.areas_created, n_villages);
    assert_int_equal(s.teams_created, n_villages);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), n);
    assert_int_equal(count(db, "SELECT count(DISTINCT full_name) FROM member"), n);
    assert_int_equal(count(db, "SELECT count(*) FROM area"), n_villages);
    assert_int_equal(count(db, "SELECT count(*) FROM team"), n_villages);
    assert_int_equal(count(db, "SELECT count(*) FROM membership"), n);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE birth IS NULL"), n / 2);
    /* How many records an accent-folded identity would have kept. */
    print_message("%lld distinct names (%lld when folded), %d villages and teams (%lld when folded):"
                  " %lld members, %lld areas, %lld teams\n",
                  n, count(db, "SELECT count(DISTINCT name_fold) FROM member"), n_villages,
                  count(db, "SELECT count(DISTINCT name_fold) FROM area"),
                  count(db, "SELECT count(*) FROM member"), count(db, "SELECT count(*) FROM area"),
                  count(db, "SELECT count(*) FROM team"));
    /* The same file again changes nothing; nor do the same names written otherwise. */
    nothing_changes(db, path, n);
    nothing_changes(db, again, n);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_that_differ_in_marks_are_different_people),
        cmocka_unit_test(the_same_name_written_otherwise_is_the_same_person),
        cmocka_unit_test(villages_and_teams_that_differ_in_marks_are_two),
        cmocka_unit_test(a_village_two_records_share_is_refused_not_guessed),
        cmocka_unit_test(a_shared_phone_never_merges_father_and_son),
        cmocka_unit_test(two_rows_that_are_one_person_but_disagree_are_refused),
        cmocka_unit_test(a_row_without_birth_date_matches_only_a_single_namesake),
        cmocka_unit_test(namesakes_a_list_holds_come_back_as_they_are),
        cmocka_unit_test(cccd_identifies_a_person_whatever_the_name),
        cmocka_unit_test(every_value_replaced_is_listed_old_and_new),
        cmocka_unit_test(consent_without_a_date_stays_without_a_date),
        cmocka_unit_test(a_new_team_without_move_is_reported_not_added),
        cmocka_unit_test(move_ends_the_old_membership_and_keeps_its_history),
        cmocka_unit_test(move_keeps_teams_the_list_still_gives),
        cmocka_unit_test(export_import_keeps_every_mooc_date),
        cmocka_unit_test(generated_names_give_exactly_as_many_records),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
