/* test_demo.c — the demo generator: deterministic content, plausible counts and
 * proportions, valid fields, the stored forms records would compute, refusal
 * of a file that has records, and the communes of an imported unit list. */
#include "testutil.h"
#include "demo.h"
#include "check.h"
#include "office.h"
#include "text.h"
#include "validate.h"
#include "demo-internal.h"

#include <dirent.h>
#include <sys/stat.h>

/* Generates n members with seed into a new file in dir; returns the open db. */
static sqlite3 *generate(const char *dir, const char *file, long n, uint64_t seed, demo_counts *c)
{
    sqlite3 *db = tu_open_db(dir, file);
    demo_opts o = {.members = n, .seed = seed};
    cdtt_err e = {{0}};
    if (demo_generate(db, &o, c, &e) < 0)
        fail_msg("demo_generate: %s", e.msg);
    return db;
}

static long long count(sqlite3 *db, const char *sql)
{
    return db_scalar_int(db, sql, -1);
}

static void same_seed_same_content(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    sqlite3 *a = generate(dir, "a.db", 700, 42, NULL);
    sqlite3 *b = generate(dir, "b.db", 700, 42, NULL);
    sqlite3 *c = generate(dir, "c.db", 700, 43, NULL);
    char da[33], db_[33], dc[33];
    assert_int_equal(demo_digest(a, da), 0);
    assert_int_equal(demo_digest(b, db_), 0);
    assert_int_equal(demo_digest(c, dc), 0);
    assert_string_equal(da, db_);
    assert_string_not_equal(da, dc);
    /* The digest sees any change of content. */
    assert_int_equal(sqlite3_exec(a, "UPDATE member SET note = 'x' WHERE rowid = 7", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(demo_digest(a, da), 0);
    assert_string_not_equal(da, db_);
    db_close(a);
    db_close(b);
    db_close(c);
    tu_rmdir(dir);
}

/* The digest tells apart changes that keep the bytes alike: NULL and '', an
 * integer and its digits as text, a moved byte between two values. */
static void digest_sees_small_changes(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    sqlite3 *db = generate(dir, "a.db", 60, 8, NULL);
    char base[33], d[33];
    assert_int_equal(demo_digest(db, base), 0);
    static const char *const CHANGE[][2] = {
        {"UPDATE member SET email = '' WHERE rowid = 3 AND email IS NULL",
         "UPDATE member SET email = NULL WHERE rowid = 3"},
        {"UPDATE member SET phone = NULL WHERE rowid = 5", NULL},
        {"UPDATE activity SET people = people + 1 WHERE rowid = 1", "UPDATE activity SET people = people - 1 WHERE rowid = 1"},
        {"UPDATE member SET phone = '12', cccd = '3' WHERE rowid = 2", NULL},
    };
    char prev[33];
    snprintf(prev, sizeof prev, "%s", base);
    for (size_t i = 0; i < sizeof CHANGE / sizeof CHANGE[0]; i++) {
        assert_int_equal(sqlite3_exec(db, CHANGE[i][0], NULL, NULL, NULL), SQLITE_OK);
        if (sqlite3_changes(db) == 0)
            continue;
        assert_int_equal(demo_digest(db, d), 0);
        assert_string_not_equal(d, prev);
        snprintf(prev, sizeof prev, "%s", d);
        if (CHANGE[i][1]) { /* undone: the digest comes back */
            assert_int_equal(sqlite3_exec(db, CHANGE[i][1], NULL, NULL, NULL), SQLITE_OK);
            assert_int_equal(demo_digest(db, d), 0);
        }
    }
    /* Two neighbouring columns '12' '3' against '1' '23': the same bytes, other values. */
    assert_int_equal(sqlite3_exec(db, "UPDATE member SET phone = '1', cccd = '23' WHERE rowid = 2", NULL, NULL, NULL),
                     SQLITE_OK);
    char moved[33];
    assert_int_equal(demo_digest(db, moved), 0);
    assert_string_not_equal(moved, prev);
    db_close(db);
    tu_rmdir(dir);
}

static void counts_and_proportions(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    demo_counts n;
    sqlite3 *db = generate(dir, "a.db", 4000, 7, &n);
    assert_int_equal(n.members, 4000);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 4000);
    assert_int_equal(count(db, "SELECT count(*) FROM membership"), 4000);
    assert_int_equal(count(db, "SELECT count(*) FROM team"), n.teams);
    assert_int_equal(count(db, "SELECT count(*) FROM area"), n.areas);
    assert_int_equal(n.real_units, 0);
    assert_int_equal(n.communes, 40);
    /* About 4.6 members a team; one commune-level team per commune, one team per area. */
    assert_in_range(n.teams, 4000 / 5.2, 4000 / 4.1);
    assert_int_equal(count(db, "SELECT count(*) FROM team WHERE level = 'commune'"), n.communes);
    assert_int_equal(n.areas + n.communes, n.teams);
    /* Every team: exactly one leader, one or two deputies once it has three members. */
    assert_int_equal(count(db, "SELECT count(*) FROM team t WHERE (SELECT count(*) FROM membership m "
                               "WHERE m.team_uuid = t.uuid AND m.role = 'leader') != 1"), 0);
    assert_int_equal(count(db, "SELECT count(*) FROM team t WHERE (SELECT count(*) FROM membership m "
                               "WHERE m.team_uuid = t.uuid AND m.role = 'deputy') NOT BETWEEN 1 AND 2"), 0);
    /* Family names in their real proportions (per mille). */
    long long nguyen = count(db, "SELECT count(*) FROM member WHERE full_name LIKE 'Nguyễn %'");
    long long tran = count(db, "SELECT count(*) FROM member WHERE full_name LIKE 'Trần %'");
    assert_in_range(nguyen * 1000 / 4000, 340, 420);
    assert_in_range(tran * 1000 / 4000, 85, 135);
    /* Middle names by gender. */
    long long thi_men = count(db, "SELECT count(*) FROM member WHERE gender = 'male' AND full_name LIKE '% Thị %'");
    long long van_women = count(db, "SELECT count(*) FROM member WHERE gender = 'female' AND full_name LIKE '% Văn %'");
    assert_int_equal(thi_men, 0);
    assert_int_equal(van_women, 0);
    long long women = count(db, "SELECT count(*) FROM member WHERE gender = 'female'");
    assert_in_range(women * 100 / 4000, 35, 60);
    long long completed = count(db, "SELECT count(*) FROM member WHERE mooc_status = 'completed'");
    assert_in_range(completed * 100 / 4000, 50, 75);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE mooc_status = 'completed' AND mooc_date IS NULL"), 0);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE consent = 1 AND consent_date IS NULL"), 0);
    assert_in_range(count(db, "SELECT count(*) FROM member WHERE youth_union = 1") * 100 / 4000, 10, 50);
    assert_in_range(count(db, "SELECT count(DISTINCT category) FROM member"), 12, 14);
    /* Training: sessions in every commune, most members attended. */
    assert_int_equal(count(db, "SELECT count(DISTINCT unit_code) FROM training_session"), n.communes);
    assert_in_range(n.attendance * 100 / 4000, 60, 80);
    assert_true(n.activities > n.teams / 2);
    /* No phone twice. */
    assert_int_equal(count(db, "SELECT count(*) - count(DISTINCT phone) FROM member WHERE phone IS NOT NULL"), 0);
    /* A national office was set. */
    office_rec o;
    assert_int_equal(office_get(db, &o), 0);
    assert_string_equal(o.level, "national");
    db_close(db);
    tu_rmdir(dir);
}

/* Every member's fields pass the validators unchanged, and the stored fold and
 * sort keys are what records compute. */
static void members_are_valid(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    sqlite3 *db = generate(dir, "a.db", 1500, 99, NULL);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT full_name, name_fold, sort_key, coalesce(phone, ''), "
                                            "coalesce(cccd, ''), coalesce(birth, ''), gender, coalesce(email, '') "
                                            "FROM member", -1, &st, NULL), SQLITE_OK);
    char today[11];
    date_today(today);
    int rows = 0, with_cccd = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *phone = (const char *)sqlite3_column_text(st, 3);
        const char *cccd = (const char *)sqlite3_column_text(st, 4);
        const char *birth = (const char *)sqlite3_column_text(st, 5);
        const char *gender = (const char *)sqlite3_column_text(st, 6);
        const char *email = (const char *)sqlite3_column_text(st, 7);
        char out[512], o16[16], o11[11], o256[256];
        valid_result r;
        if (validate_name(name, out, sizeof out, &r) != VALID_OK || strcmp(out, name) != 0)
            fail_msg("name '%s': %s", name, r.msg);
        if (validate_phone(phone, o16, &r) != VALID_OK || strcmp(o16, phone) != 0)
            fail_msg("phone '%s': %s", phone, r.msg);
        if (validate_cccd(cccd, birth, gender, o16, &r) != VALID_OK || strcmp(o16, cccd) != 0)
            fail_msg("cccd '%s' (%s, %s): %s", cccd, birth, gender, r.msg);
        if (validate_birth(birth, today, o11, &r) != VALID_OK || strcmp(o11, birth) != 0)
            fail_msg("birth '%s': %s", birth, r.msg);
        if (validate_email(email, o256, &r) != VALID_OK)
            fail_msg("email '%s': %s", email, r.msg);
        char *fold = text_fold(name), *key = text_name_sort_key(name);
        assert_string_equal(fold, (const char *)sqlite3_column_text(st, 1));
        assert_string_equal(key, (const char *)sqlite3_column_text(st, 2));
        free(fold);
        free(key);
        with_cccd += cccd[0] != '\0';
        rows++;
    }
    sqlite3_finalize(st);
    assert_int_equal(rows, 1500);
    assert_in_range(with_cccd * 100 / rows, 25, 55);
    /* Areas and teams: names valid, keys as records compute them. */
    static const char *const SQL[] = {"SELECT name, name_fold, sort_key FROM area",
                                      "SELECT name, name_fold, sort_key FROM team"};
    for (int t = 0; t < 2; t++) {
        assert_int_equal(sqlite3_prepare_v2(db, SQL[t], -1, &st, NULL), SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *name = (const char *)sqlite3_column_text(st, 0);
            char out[512];
            valid_result r;
            if (validate_name(name, out, sizeof out, &r) != VALID_OK)
                fail_msg("'%s': %s", name, r.msg);
            char *fold = text_fold(name), *key = text_sort_key(name);
            assert_string_equal(fold, (const char *)sqlite3_column_text(st, 1));
            assert_string_equal(key, (const char *)sqlite3_column_text(st, 2));
            free(fold);
            free(key);
        }
        sqlite3_finalize(st);
    }
    db_close(db);
    tu_rmdir(dir);
}

static void refuses_a_file_with_records(void **state)
{
    (void)state;
    tu_english();
    char *dir = tu_tempdir();
    sqlite3 *db = generate(dir, "a.db", 50, 1, NULL);
    char before[33], after[33];
    assert_int_equal(demo_digest(db, before), 0);
    demo_opts o = {.members = 50, .seed = 2};
    cdtt_err e = {{0}};
    assert_int_equal(demo_generate(db, &o, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "already holds"));
    assert_int_equal(demo_digest(db, after), 0);
    assert_string_equal(before, after);
    db_close(db);
    tu_rmdir(dir);
}

static void bad_options_change_nothing(void **state)
{
    (void)state;
    tu_english();
    char *dir = tu_tempdir();
    sqlite3 *db = tu_open_db(dir, "a.db");
    static const demo_opts BAD[] = {
        {.members = 0}, {.members = -5}, {.members = 10, .scheme = "2024"}, {.members = 10, .province = "7x"},
        {.members = 10, .province = "123"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        cdtt_err e = {{0}};
        assert_int_equal(demo_generate(db, &BAD[i], NULL, &e), -1);
        assert_true(e.msg[0] != '\0');
    }
    assert_int_equal(check_record_count(db), 0);
    office_rec o;
    assert_int_equal(office_get(db, &o), -1);
    db_close(db);
    tu_rmdir(dir);
}

/* Progress: called once per commune, members so far growing to the total. */
static void count_progress(long done, long total, void *arg)
{
    long *seen = arg;
    assert_true(done > seen[1] && done <= total);
    seen[0]++;
    seen[1] = done;
}

static void reports_progress(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    sqlite3 *db = tu_open_db(dir, "a.db");
    long seen[2] = {0, 0};
    demo_opts o = {.members = 450, .seed = 4, .progress = count_progress, .progress_arg = seen};
    demo_counts n;
    cdtt_err e = {{0}};
    assert_int_equal(demo_generate(db, &o, &n, &e), 0);
    assert_int_equal(seen[0], n.communes);
    assert_int_equal(seen[1], 450);
    db_close(db);
    tu_rmdir(dir);
}

static void one_member(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    demo_counts n;
    sqlite3 *db = generate(dir, "a.db", 1, 5, &n);
    assert_int_equal(n.members, 1);
    assert_int_equal(n.teams, 1);
    assert_int_equal(count(db, "SELECT count(*) FROM membership WHERE role = 'leader'"), 1);
    db_close(db);
    tu_rmdir(dir);
}

/* With communes in the unit table, the data spreads over them (and only them). */
static void uses_the_unit_list(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    sqlite3 *db = tu_open_db(dir, "a.db");
    const char *units =
        "INSERT INTO unit (scheme, level, code, name, kind, parent_code, province_code, name_fold) VALUES "
        "('2025-07', 'province', '79', 'Thành phố Hồ Chí Minh', 'Thành phố', NULL, '79', 'thanh pho ho chi minh'),"
        "('2025-07', 'commune', '26734', 'Phường Sài Gòn', 'Phường', '79', '79', 'phuong sai gon'),"
        "('2025-07', 'commune', '27004', 'Xã Bình Chánh', 'Xã', '79', '79', 'xa binh chanh'),"
        "('2025-07', 'commune', '27007', 'Xã Tân Nhựt', 'Xã', '79', '79', 'xa tan nhut'),"
        "('2025-07', 'commune', '00004', 'Phường Ba Đình', 'Phường', '01', '01', 'phuong ba dinh')";
    assert_int_equal(sqlite3_exec(db, units, NULL, NULL, NULL), SQLITE_OK);
    /* A province that is not in the imported list is refused; nothing is written. */
    demo_opts bad = {.members = 10, .seed = 3, .province = "99"};
    cdtt_err e = {{0}};
    assert_int_equal(demo_generate(db, &bad, NULL, &e), -1);
    assert_true(e.msg[0] != '\0');
    office_rec none;
    assert_int_equal(office_get(db, &none), -1);
    assert_int_equal(check_record_count(db), 0);

    demo_opts o = {.members = 900, .seed = 3, .province = "79"};
    demo_counts n;
    assert_int_equal(demo_generate(db, &o, &n, &e), 0);
    assert_int_equal(n.real_units, 1);
    assert_int_equal(n.communes, 3);
    assert_int_equal(count(db, "SELECT count(DISTINCT unit_code) FROM member"), 3);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE unit_code NOT IN ('26734', '27004', '27007')"), 0);
    /* The south has ấp and khu phố, not thôn. */
    assert_int_equal(count(db, "SELECT count(*) FROM area WHERE kind = 'thon'"), 0);
    assert_true(count(db, "SELECT count(*) FROM area WHERE kind IN ('khu_pho', 'to_dan_pho') AND unit_code = '26734'") > 0);
    office_rec off;
    assert_int_equal(office_get(db, &off), 0);
    assert_string_equal(off.level, "province");
    assert_string_equal(off.name, "Thành phố Hồ Chí Minh");
    db_close(db);
    tu_rmdir(dir);
}

static void rng_is_stable(void **state)
{
    (void)state;
    demo_rng r;
    demo_rng_seed(&r, 1);
    uint64_t first = demo_rng_next(&r);
    demo_rng_seed(&r, 1);
    assert_true(demo_rng_next(&r) == first);
    for (int i = 0; i < 10000; i++) {
        int x = demo_rng_range(&r, -3, 3);
        assert_in_range(x + 3, 0, 6);
    }
    char a[37], b[37];
    demo_rng_uuid_start(&r, 9, 0);
    demo_rng_uuid(&r, a);
    demo_rng_uuid(&r, b);
    assert_int_equal(strlen(a), 36);
    assert_int_equal(a[14], '4');
    assert_true(strcmp(a, b) < 0);
    char d[11];
    demo_date(0, d);
    assert_string_equal(d, "2022-01-01");
    demo_date(1368, d);
    assert_string_equal(d, "2025-09-30");
    demo_date(59, d);
    assert_string_equal(d, "2022-03-01");
}

/* The rows of sqlite_master (every table and index with its SQL), one string. */
static char *schema_text(sqlite3 *db)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), "
                                            "char(10)) FROM (SELECT * FROM sqlite_master ORDER BY name)",
                                        -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    char *s = xstrdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return s;
}

static char *pragma_text(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    char *s = xstrdup(sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : "");
    sqlite3_finalize(st);
    return s;
}

/* The number of entries of dir other than . and .. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)))
        n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* A new file built aside holds the same content as a generation into an
 * existing empty file, with the full schema (indexes back), in WAL mode, sound,
 * private, and nothing else is left in the folder. */
static void new_file_same_as_in_place(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/sub/new.db", dir);
    demo_opts o = {.members = 2500, .seed = 11};
    demo_counts n;
    cdtt_err e = {{0}};
    assert_int_equal(demo_generate_new_file(path, &o, &n, &e), 0);
    assert_int_equal(n.members, 2500);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    assert_int_equal(entries(sub), 1); /* no temporary file, no -wal, no -shm */

    sqlite3 *bulk = db_open(path, 0, &e);
    assert_non_null(bulk);
    /* The reference is written row by row, its indexes and trigger-kept tables kept as it goes. */
    sqlite3 *ref = tu_open_db(dir, "ref.db");
    demo_counts rn;
    assert_int_equal(demo_generate_into(ref, &o, DEMO_ROWS, &rn, &e), 0);
    char a[33], b[33];
    assert_int_equal(demo_digest(bulk, a), 0);
    assert_int_equal(demo_digest(ref, b), 0);
    assert_string_equal(a, b);
    /* The digests worked out from the rows as they were written are the files' as read back. */
    assert_string_equal(n.digest, a);
    assert_string_equal(rn.digest, b);
    char *sa = schema_text(bulk), *sr = schema_text(ref);
    assert_string_equal(sa, sr);
    free(sa);
    free(sr);
    /* What the triggers keep (counts, the lists' names) was built after the load:
     * the same rows as in the file the triggers filled one insert at a time. */
    static const char *const LOCAL[] = {
        "SELECT group_concat(tbl || unit_code || ':' || n, ',') FROM "
        "(SELECT * FROM live_tally ORDER BY tbl, unit_scheme, unit_code)",
        "SELECT count(*) || ' ' || sum(n) || ' ' || sum(length(tbl || sort_key || name_fold)) FROM list_name",
        "SELECT group_concat(tbl || n, ',') FROM (SELECT * FROM list_name ORDER BY tbl, sort_key, name_fold)",
    };
    for (size_t i = 0; i < sizeof LOCAL / sizeof LOCAL[0]; i++) {
        char *got = pragma_text(bulk, LOCAL[i]), *want = pragma_text(ref, LOCAL[i]);
        assert_true(strlen(want) > 3);
        assert_string_equal(got, want);
        free(got);
        free(want);
    }
    static const char *const CHECKS[][2] = {
        {"PRAGMA integrity_check", "ok"}, /* CHECK constraints included */
        {"PRAGMA journal_mode", "wal"},
        {"SELECT count(*) FROM pragma_foreign_key_check", "0"},
        {"PRAGMA foreign_keys", "1"},
    };
    for (size_t i = 0; i < sizeof CHECKS / sizeof CHECKS[0]; i++) {
        char *got = pragma_text(bulk, CHECKS[i][0]);
        assert_string_equal(got, CHECKS[i][1]);
        free(got);
    }
    /* Audit as in place: only the office that was set. */
    assert_int_equal(count(bulk, "SELECT count(*) FROM audit"), count(ref, "SELECT count(*) FROM audit"));
    assert_int_equal(count(bulk, "SELECT count(*) FROM audit WHERE tbl != 'office'"), 0);
    db_close(bulk);
    db_close(ref);
    tu_rmdir(dir);
}

/* An existing file is never replaced; a failure leaves nothing behind. */
static void new_file_refusals_leave_nothing(void **state)
{
    (void)state;
    tu_english();
    char *dir = tu_tempdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/x.db", dir);
    FILE *f = fopen(path, "w");
    fputs("mine", f);
    fclose(f);
    demo_opts o = {.members = 20, .seed = 1};
    cdtt_err e = {{0}};
    assert_int_equal(demo_generate_new_file(path, &o, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "already exists"));
    f = fopen(path, "r");
    char buf[16] = "";
    assert_non_null(fgets(buf, sizeof buf, f));
    fclose(f);
    assert_string_equal(buf, "mine");
    unlink(path);
    /* Bad options fail inside the generation: no file, no temporary file. */
    demo_opts bad = {.members = 10, .scheme = "2024"};
    assert_int_equal(demo_generate_new_file(path, &bad, NULL, &e), -1);
    assert_true(e.msg[0] != '\0');
    assert_int_equal(entries(dir), 0);
    /* A folder that cannot be made (a file is in the way). */
    snprintf(path, sizeof path, "%s/plain", dir);
    f = fopen(path, "w");
    fclose(f);
    snprintf(path, sizeof path, "%s/plain/y.db", dir);
    assert_int_equal(demo_generate_new_file(path, &o, NULL, &e), -1);
    assert_int_equal(entries(dir), 1);
    tu_rmdir(dir);
}

/* The bulk load drops and rebuilds whatever indexes the schema has, read from
 * the file (an index another migration might add included); only those SQLite
 * keeps for a PRIMARY KEY stay in place. Into a file of its own and in one
 * transaction alike. */
static void bulk_keeps_every_index(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    for (int one_tx = 0; one_tx <= 1; one_tx++) {
        sqlite3 *db = tu_open_db(dir, one_tx ? "b.db" : "a.db");
        assert_int_equal(sqlite3_exec(db, "CREATE INDEX member_extra ON member (unit_code, lower(email)) "
                                          "WHERE deleted = 0; CREATE UNIQUE INDEX team_pair ON team (unit_code, uuid); "
                                          "CREATE INDEX attendance_pair ON attendance (session_uuid, member_uuid)",
                                      NULL, NULL, NULL), SQLITE_OK);
        char *before = schema_text(db);
        cdtt_err e = {{0}};
        demo_bulk b;
        assert_int_equal(demo_bulk_start(db, &b, one_tx, one_tx ? 8192 : 0, &e), 0);
        assert_int_equal(sqlite3_get_autocommit(db), !one_tx);
        /* The indexes are gone during the load, on uuids or not, and the derived tables too. */
        assert_int_equal(count(db, "SELECT count(*) FROM sqlite_master WHERE name IN ('member_sort', 'member_extra', "
                                   "'team_pair', 'area_sort', 'list_name', 'membership_team', 'membership_member', "
                                   "'attendance_member', 'activity_team', 'team_area', 'attendance_pair')"), 0);
        assert_int_equal(count(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_%'"),
                         count(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_%' AND sql IS NULL"));
        assert_true(count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_member_1'") == 1);
        assert_int_equal(demo_bulk_finish(db, &b, NULL, &e), 0);
        assert_int_equal(sqlite3_get_autocommit(db), 1);
        demo_bulk_free(&b);
        char *after = schema_text(db);
        assert_string_equal(before, after);
        free(before);
        free(after);
        /* A page size asked for is the file's (here in one transaction); none asked, it stays. */
        assert_int_equal(count(db, "PRAGMA page_size"), one_tx ? 8192 : 4096);
        char *ok = pragma_text(db, "PRAGMA integrity_check");
        assert_string_equal(ok, "ok");
        free(ok);
        db_close(db);
    }
    tu_rmdir(dir);
}

/* While another connection has the file open (in WAL mode), a bulk load
 * leaves its page size as it is, and still loads. */
static void page_size_stays_while_the_file_is_shared(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    sqlite3 *db = tu_open_db(dir, "a.db"), *other = tu_open_db(dir, "a.db");
    assert_int_equal(count(other, "SELECT count(*) FROM office"), 0); /* the other reads: it has the file open */
    cdtt_err e = {{0}};
    demo_bulk b;
    assert_int_equal(demo_bulk_start(db, &b, 1, 16384, &e), 0);
    assert_int_equal(demo_bulk_finish(db, &b, NULL, &e), 0);
    demo_bulk_free(&b);
    assert_int_equal(count(db, "PRAGMA page_size"), 4096);
    char *mode = pragma_text(db, "PRAGMA journal_mode");
    assert_string_equal(mode, "wal");
    free(mode);
    db_close(other);
    db_close(db);
    tu_rmdir(dir);
}

/* A bulk load holds at most DEMO_BULK_CACHE_KIB of pages of the size it
 * gave the file: asked for before the page size changed, SQLite would count
 * the cache in pages of the old size, four times as much memory. Into a file
 * of its own and in one transaction alike. */
static void bulk_cache_is_small_in_new_pages(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    for (int one_tx = 0; one_tx <= 1; one_tx++) {
        sqlite3 *db = tu_open_db(dir, one_tx ? "b.db" : "a.db");
        cdtt_err e = {{0}};
        demo_bulk b;
        assert_int_equal(demo_bulk_start(db, &b, one_tx, 16384, &e), 0);
        assert_int_equal(count(db, "PRAGMA page_size"), 16384);
        /* 32 MB written in the load: far more than the cache holds. */
        assert_int_equal(sqlite3_exec(db, "CREATE TABLE filler (x); WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL "
                                          "SELECT i + 1 FROM c WHERE i < 8000) INSERT INTO filler "
                                          "SELECT randomblob(4000) FROM c",
                                      NULL, NULL, NULL), SQLITE_OK);
        int used = 0, highest = 0;
        assert_int_equal(sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_USED, &used, &highest, 0), SQLITE_OK);
        assert_true(used > DEMO_BULK_CACHE_KIB * 1024 / 2);      /* full: the pages are 16 KB each */
        assert_true(used <= DEMO_BULK_CACHE_KIB * 1024 / 8 * 9); /* with each page's bookkeeping */
        assert_int_equal(sqlite3_exec(db, "DROP TABLE filler", NULL, NULL, NULL), SQLITE_OK);
        assert_int_equal(demo_bulk_finish(db, &b, NULL, &e), 0);
        demo_bulk_free(&b);
        db_close(db);
    }
    tu_rmdir(dir);
}

/* Into a file that holds unit lists and an office but no records yet, the
 * generation is a bulk load in one transaction: the same content as row by
 * row; when it fails part way, the file is as it was (no record, every index
 * and trigger-kept table in place). */
static void in_place_bulk_is_all_or_nothing(void **state)
{
    (void)state;
    tu_english();
    char *dir = tu_tempdir();
    static const char UNITS[] =
        "INSERT INTO unit (scheme, level, code, name, kind, parent_code, province_code, name_fold) VALUES "
        "('2025-07', 'province', '79', 'Thành phố Hồ Chí Minh', 'Thành phố', NULL, '79', 'thanh pho ho chi minh'),"
        "('2025-07', 'commune', '26734', 'Phường Sài Gòn', 'Phường', '79', '79', 'phuong sai gon'),"
        "('2025-07', 'commune', '27004', 'Xã Bình Chánh', 'Xã', '79', '79', 'xa binh chanh')";
    demo_opts o = {.members = 1200, .seed = 4, .province = "79"};
    cdtt_err e = {{0}};
    sqlite3 *rows = tu_open_db(dir, "rows.db"), *bulk = tu_open_db(dir, "bulk.db");
    assert_int_equal(sqlite3_exec(rows, UNITS, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(bulk, UNITS, NULL, NULL, NULL), SQLITE_OK);
    demo_counts rn, bn;
    assert_int_equal(demo_generate_into(rows, &o, DEMO_ROWS, &rn, &e), 0);
    assert_int_equal(demo_generate(bulk, &o, &bn, &e), 0);
    char a[33], b[33];
    assert_int_equal(demo_digest(rows, a), 0);
    assert_int_equal(demo_digest(bulk, b), 0);
    assert_string_equal(a, b);
    /* The digests worked out as the rows were written are the files' as read back. */
    assert_string_equal(rn.digest, a);
    assert_string_equal(bn.digest, b);
    char *sa = schema_text(rows), *sb = schema_text(bulk);
    assert_string_equal(sa, sb);
    free(sa);
    free(sb);
    static const char *const KEPT[] = {
        "SELECT group_concat(tbl || unit_code || ':' || n, ',') FROM "
        "(SELECT * FROM live_tally ORDER BY tbl, unit_scheme, unit_code)",
        "SELECT group_concat(tbl || n || sort_key || name_fold, ',') FROM "
        "(SELECT * FROM list_name ORDER BY tbl, sort_key, name_fold)",
        "SELECT group_concat(clock) FROM office",
    };
    for (size_t i = 0; i < sizeof KEPT / sizeof KEPT[0]; i++) {
        char *got = pragma_text(bulk, KEPT[i]), *want = pragma_text(rows, KEPT[i]);
        assert_true(strlen(want) > 0);
        assert_string_equal(got, want);
        free(got);
        free(want);
    }
    char *ok = pragma_text(bulk, "PRAGMA integrity_check");
    assert_string_equal(ok, "ok");
    free(ok);
    assert_int_equal(count(bulk, "PRAGMA foreign_keys"), 1);
    db_close(rows);
    db_close(bulk);

    /* A failure part way (here a trigger of the office's own) leaves the file as it was. */
    sqlite3 *db = tu_open_db(dir, "fail.db");
    assert_int_equal(sqlite3_exec(db, UNITS, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TRIGGER boom BEFORE INSERT ON member "
                                      "WHEN (SELECT count(*) FROM member) >= 700 BEGIN SELECT RAISE(ABORT, 'boom'); END",
                                  NULL, NULL, NULL), SQLITE_OK);
    char *before = schema_text(db);
    assert_int_equal(demo_generate(db, &o, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "boom"));
    assert_int_equal(check_record_count(db), 0);
    char *after = schema_text(db);
    assert_string_equal(before, after);
    free(before);
    free(after);
    assert_int_equal(count(db, "SELECT count(*) FROM list_name") + count(db, "SELECT count(*) FROM live_tally"), 0);
    assert_int_equal(count(db, "SELECT count(*) FROM unit"), 3);
    assert_int_equal(sqlite3_get_autocommit(db), 1);
    assert_int_equal(count(db, "PRAGMA foreign_keys"), 1);
    /* And the same file takes the demo once the obstacle is gone. */
    assert_int_equal(sqlite3_exec(db, "DROP TRIGGER boom", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(demo_generate(db, &o, NULL, &e), 0);
    assert_int_equal(demo_digest(db, b), 0);
    assert_string_equal(a, b);
    db_close(db);
    tu_rmdir(dir);
}

/* The digest a generation works out from the rows as it writes them is the
 * one read back from the file: also with columns a later migration might add
 * (defaults of text with a quote, a negative number), and, through a read of
 * the file, when a default is not a plain value it can work out (a REAL). */
static void digest_as_written_is_the_files(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    static const char *const ADDED[] = {
        "ALTER TABLE member ADD COLUMN motto TEXT NOT NULL DEFAULT 'it''s, ok'; "
        "ALTER TABLE member ADD COLUMN score INTEGER NOT NULL DEFAULT -3; "
        "ALTER TABLE team ADD COLUMN remark TEXT",
        "ALTER TABLE activity ADD COLUMN weight REAL NOT NULL DEFAULT 1.5",
    };
    for (size_t i = 0; i < sizeof ADDED / sizeof ADDED[0]; i++) {
        sqlite3 *db = tu_open_db(dir, i ? "b.db" : "a.db");
        assert_int_equal(sqlite3_exec(db, ADDED[i], NULL, NULL, NULL), SQLITE_OK);
        cdtt_err e = {{0}};
        /* Whether the rows' digest can be worked out as they are written: not with a REAL default. */
        demo_table *t = demo_table_open(db, i ? "activity" : "member", "uuid", &e);
        assert_non_null(t);
        assert_true((demo_table_lanes(t) != NULL) == (i == 0));
        demo_table_close(t);
        demo_opts o = {.members = 900, .seed = 21};
        demo_counts n;
        assert_int_equal(demo_generate(db, &o, &n, &e), 0);
        char d[33];
        assert_int_equal(demo_digest(db, d), 0);
        assert_string_equal(n.digest, d);
        /* And it is the content's: another value in an added column changes it. */
        assert_int_equal(sqlite3_exec(db, i ? "UPDATE activity SET weight = 2 WHERE rowid = 1"
                                            : "UPDATE member SET score = 0 WHERE rowid = 1",
                                      NULL, NULL, NULL), SQLITE_OK);
        assert_int_equal(demo_digest(db, d), 0);
        assert_string_not_equal(n.digest, d);
        db_close(db);
    }
    tu_rmdir(dir);
}

/* Rows written out of uuid order cannot be digested as written: the table says so. */
static void rows_out_of_order_are_not_digested(void **state)
{
    (void)state;
    char *dir = tu_tempdir();
    sqlite3 *db = tu_open_db(dir, "a.db");
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (uuid TEXT PRIMARY KEY, v TEXT, n INTEGER DEFAULT 4)", NULL,
                                  NULL, NULL), SQLITE_OK);
    cdtt_err e = {{0}};
    demo_table *t = demo_table_open(db, "t", "uuid, v", &e);
    assert_non_null(t);
    const char *r1[] = {"a1", "x"}, *r2[] = {"a2", ""}, *r0[] = {"a0", "y"};
    assert_int_equal(demo_table_insert(t, r1, 2, NULL, 0, &e), 0);
    assert_int_equal(demo_table_insert(t, r2, 2, NULL, 0, &e), 0);
    assert_non_null(demo_table_lanes(t));
    assert_int_equal(demo_table_insert(t, r0, 2, NULL, 0, &e), 0);
    assert_null(demo_table_lanes(t));
    /* A row with too few values is refused, not written. */
    assert_int_equal(demo_table_insert(t, r0, 1, NULL, 0, &e), -1);
    demo_table_close(t);
    assert_int_equal(count(db, "SELECT count(*) FROM t WHERE n = 4"), 3);
    assert_int_equal(count(db, "SELECT count(*) FROM t WHERE v IS NULL"), 1);
    db_close(db);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rng_is_stable),
        cmocka_unit_test(same_seed_same_content),
        cmocka_unit_test(digest_sees_small_changes),
        cmocka_unit_test(counts_and_proportions),
        cmocka_unit_test(members_are_valid),
        cmocka_unit_test(refuses_a_file_with_records),
        cmocka_unit_test(bad_options_change_nothing),
        cmocka_unit_test(one_member),
        cmocka_unit_test(reports_progress),
        cmocka_unit_test(uses_the_unit_list),
        cmocka_unit_test(new_file_same_as_in_place),
        cmocka_unit_test(new_file_refusals_leave_nothing),
        cmocka_unit_test(bulk_keeps_every_index),
        cmocka_unit_test(page_size_stays_while_the_file_is_shared),
        cmocka_unit_test(bulk_cache_is_small_in_new_pages),
        cmocka_unit_test(in_place_bulk_is_all_or_nothing),
        cmocka_unit_test(digest_as_written_is_the_files),
        cmocka_unit_test(rows_out_of_order_are_not_digested),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
