/* test_search_words.c — the names of each list (list_name, schema migration
 * 7): kept right by saves, renames, deletes and SQL written by others, with
 * names holding quotes, backslashes and control characters; searches of the
 * member, team and area lists, read through those names, give exactly the
 * records, in exactly the order and pages, that a plain scan of every name
 * gives, forwards and backwards. */
#include "testutil.h"
#include "package_fixture.h"
#include "demo.h"
#include "office.h"
#include "records.h"
#include "text.h"

/* Asserts that list_name holds exactly one row per (sort key, folded name) of
 * every area, team and member (deleted ones too), with how many have it. */
static void assert_index_right(sqlite3 *db)
{
    static const char *const TABLES[] = {"area", "team", "member"};
    for (size_t i = 0; i < sizeof TABLES / sizeof TABLES[0]; i++) {
        char sql[512];
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM (SELECT sort_key, name_fold, count(*) AS n FROM %s "
                 "GROUP BY sort_key, name_fold) r FULL JOIN (SELECT * FROM list_name WHERE tbl = '%s') x "
                 "USING (sort_key, name_fold) WHERE r.n IS NOT x.n",
                 TABLES[i], TABLES[i]);
        long long bad = db_scalar_int(db, sql, -1);
        if (bad != 0)
            fail_msg("names of the %s list: %lld wrong rows", TABLES[i], bad);
    }
}

static sqlite3 *commune(const char *name) { return tu_commune_db(dir, name); }

static void save(sqlite3 *db, member_rec *m, const char *name)
{
    cdtt_err e = {{0}};
    snprintf(m->full_name, sizeof m->full_name, "%s", name);
    if (member_save(db, m, 1, NULL, &e) != 0)
        fail_msg("member_save %s: %s", name, e.msg);
}

/* The uuids, in list order, of k's records matching f, read page by page (pages
 * of 7) from the start (dir 1) or from the end backwards (dir -1). */
static int search_pages(sqlite3 *db, const record_list *k, const list_filter *f, int dir, char (*out)[UUID_LEN],
                        int max)
{
    char *rows = malloc(7 * k->row_size);
    cdtt_err e = {{0}};
    list_pos pos;
    int n = 0, got;
    const list_pos *p = NULL;
    int pages = 0;
    while ((got = k->page(db, f, p, dir, 7, rows, &e)) > 0) {
        if (++pages > max / 7 + 2) /* more pages than there are records: paging that never ends */
            fail_msg("%s search '%s': paging %s does not end", k->table, f->search, dir > 0 ? "forwards" : "backwards");
        /* A page comes in list order either way; backwards, the next page is before its first row. */
        for (int i = dir > 0 ? 0 : got - 1; i >= 0 && i < got && n < max; i += dir)
            snprintf(out[n++], UUID_LEN, "%s", rows + (size_t)i * k->row_size + k->off_uuid);
        const char *edge = rows + (size_t)(dir > 0 ? got - 1 : 0) * k->row_size;
        snprintf(pos.sort_key, sizeof pos.sort_key, "%s", edge + k->off_key);
        snprintf(pos.uuid, sizeof pos.uuid, "%s", edge + k->off_uuid);
        p = &pos;
        if (got < 7)
            break;
    }
    free(rows);
    if (got < 0)
        fail_msg("%s page: %s", k->table, e.msg);
    for (int i = 0, j = n - 1; dir < 0 && i < j; i++, j--) { /* back into list order */
        char t[UUID_LEN];
        memcpy(t, out[i], UUID_LEN);
        memcpy(out[i], out[j], UUID_LEN);
        memcpy(out[j], t, UUID_LEN);
    }
    return n;
}

/* The uuids, in order, of table's records (live ones, or deleted ones with
 * deleted 1) whose folded name holds every word of search: a plain scan. */
static int scan(sqlite3 *db, const char *table, const char *search, int deleted, char (*out)[UUID_LEN], int max)
{
    char *fold = text_fold(search);
    char sql[1024];
    snprintf(sql, sizeof sql, "SELECT uuid FROM %s WHERE deleted = %d", table, deleted);
    char *words[8];
    int nw = 0;
    for (char *w = strtok(fold, " "); w && nw < 8; w = strtok(NULL, " "))
        words[nw++] = w;
    /* The searches tested hold no % or _. A member's word of digits may also be
     * in the phone or CCCD number. */
    for (int i = 0; i < nw; i++) {
        char cond[256];
        if (strcmp(table, "member") == 0 && strspn(words[i], "0123456789") == strlen(words[i]))
            snprintf(cond, sizeof cond,
                     " AND (name_fold LIKE '%%' || ?%d || '%%' OR coalesce(phone, '') LIKE '%%' || ?%d || '%%'"
                     " OR coalesce(cccd, '') LIKE '%%' || ?%d || '%%')", i + 1, i + 1, i + 1);
        else
            snprintf(cond, sizeof cond, " AND name_fold LIKE '%%' || ?%d || '%%'", i + 1);
        strcat(sql, cond);
    }
    strcat(sql, " ORDER BY sort_key, rowid");
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    for (int i = 0; i < nw; i++)
        sqlite3_bind_text(st, i + 1, words[i], -1, SQLITE_TRANSIENT);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW && n < max)
        snprintf(out[n++], UUID_LEN, "%s", sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    free(fold);
    return n;
}

/* Asserts that searching k's list for search (deleted records with deleted 1)
 * gives what a scan gives, page by page forwards and backwards. */
static void assert_like_scan(sqlite3 *db, const record_list *k, const char *search, int deleted)
{
    static char got[3000][UUID_LEN], back[3000][UUID_LEN], want[3000][UUID_LEN];
    list_filter f;
    memset(&f, 0, sizeof f);
    f.search = search;
    f.deleted = deleted;
    int n = search_pages(db, k, &f, 1, got, 3000), b = search_pages(db, k, &f, -1, back, 3000);
    int m = scan(db, k->table, search, deleted, want, 3000);
    if (n != m || b != m)
        fail_msg("%s search '%s': %d records forwards, %d backwards, %d by a scan", k->table, search, n, b, m);
    for (int i = 0; i < n; i++)
        if (strcmp(got[i], want[i]) != 0 || strcmp(back[i], want[i]) != 0)
            fail_msg("%s search '%s': row %d differs", k->table, search, i);
    if (strcmp(k->table, "member") == 0)
        assert_int_equal(member_count(db, &f), m);
}

static void kept_by_saves_renames_and_deletes(void **state)
{
    (void)state;
    sqlite3 *db = commune("words.db");
    member_rec a, b, c;
    member_init(&a);
    member_init(&b);
    member_init(&c);
    save(db, &a, "Nguyễn Văn Nguyễn");   /* a word twice */
    save(db, &b, "Đặng Thị \"Bé\" Yến"); /* quotes */
    save(db, &c, "Trần Văn A\\B");        /* a backslash */
    assert_index_right(db);
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM list_name WHERE tbl = 'member'", -1), 3);

    /* A rename moves the member's words; an edit of something else leaves them. */
    save(db, &a, "Lê Thị Hoa");
    assert_index_right(db);
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM list_name WHERE instr(name_fold, 'nguyen') > 0", -1), 0);
    snprintf(b.note, sizeof b.note, "đã chuyển");
    save(db, &b, "Đặng Thị \"Bé\" Yến");
    assert_index_right(db);

    /* A deletion mark keeps the words (the deleted view searches too); a row
     * removed by SQL, or control characters written by SQL, are handled. */
    cdtt_err e = {{0}};
    assert_int_equal(record_delete(db, "member", c.uuid, &e), 0);
    assert_index_right(db);
    assert_int_equal(db_exec(db, "DELETE FROM membership; DELETE FROM member WHERE full_name = 'Lê Thị Hoa'", &e), 0);
    assert_int_equal(db_exec(db, "UPDATE member SET name_fold = 'x' || char(1) || ' y  z\t\"' "
                                 "WHERE full_name LIKE 'Đặng%'", &e), 0);
    assert_index_right(db);
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM list_name WHERE name_fold LIKE 'x%y  z%'", -1), 1);
    db_close(db);
}

/* Every search gives what a plain LIKE scan over the folded names gives, in
 * the same order and pages, forwards and backwards, for members, teams and
 * areas, live and deleted. */
static void searches_match_a_scan(void **state)
{
    (void)state;
    sqlite3 *db = commune("demo.db");
    demo_opts o = {.members = 2500, .seed = 11};
    cdtt_err e = {{0}};
    assert_int_equal(demo_generate(db, &o, NULL, &e), 0);
    assert_index_right(db);
    /* Some deleted records, which live searches must not show and the deleted view must. */
    assert_int_equal(db_exec(db, "UPDATE member SET deleted = 1 WHERE rowid % 13 = 0;"
                                 "UPDATE team SET deleted = 1 WHERE rowid % 11 = 0;"
                                 "UPDATE area SET deleted = 1 WHERE rowid % 7 = 0", &e), 0);
    assert_true(db_scalar_int(db, "SELECT count(*) FROM list_name WHERE tbl = 'member'", 0) < 2500);
    static const char *const SEARCHES[] = {
        "Nguyễn", "nguyen van", "dang thi yen", "yen", "thi", "a", "uyen", "ngoc anh", "Hùng trần",
        "zzz", "van zzz", "đ", "h t", "Lê Thị", "  lan  ", "van th", "dang t", "nguyen thi h", "d",
        "to", "thon", "tdp", "cnscd xa", "1", "to dan pho 2",
    };
    static const char *const KINDS[] = {"member", "team", "area"};
    for (size_t k = 0; k < sizeof KINDS / sizeof KINDS[0]; k++)
        for (size_t i = 0; i < sizeof SEARCHES / sizeof SEARCHES[0]; i++) {
            assert_like_scan(db, record_list_of(KINDS[k]), SEARCHES[i], 0);
            assert_like_scan(db, record_list_of(KINDS[k]), SEARCHES[i], 1);
        }
    db_close(db);
}

/* Names that share a sort key but not a folded name (punctuation the sort key
 * leaves out), and many records of one name: pages that end inside a name's
 * records go on from there, and each record comes once. */
static void one_sort_key_several_names(void **state)
{
    (void)state;
    sqlite3 *db = commune("keys.db");
    /* Before and after them in list order, names of their own. */
    static const char *const NAMES[] = {"Lê Văn A.B", "Lê Văn AB", "Lê Văn A-B", "Lê Văn Bình", "Lê Thị An"};
    for (int i = 0; i < 30; i++) {
        member_rec m;
        member_init(&m);
        save(db, &m, NAMES[i % 5]);
    }
    assert_int_equal(db_scalar_int(db, "SELECT count(DISTINCT sort_key) FROM member", 0), 3);
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM list_name WHERE tbl = 'member'", 0), 5);
    assert_index_right(db);
    static const char *const SEARCHES[] = {"le", "ab", "a.b", "a-b", "b", "van a", "a"};
    for (size_t i = 0; i < sizeof SEARCHES / sizeof SEARCHES[0]; i++)
        assert_like_scan(db, record_list_of("member"), SEARCHES[i], 0);
    db_close(db);
}

/* A page that goes on from a record removed meanwhile starts where that
 * record's sort key starts (as a walk of the list does), forwards and
 * backwards. */
static void position_removed_meanwhile(void **state)
{
    (void)state;
    sqlite3 *db = commune("gone.db");
    static const char *const NAMES[] = {"Trần Văn An", "Trần Văn An", "Trần Văn Bình", "Trần Văn Cường",
                                        "Trần Văn Dũng", "Lê Văn An"};
    member_rec m[6];
    for (int i = 0; i < 6; i++) {
        member_init(&m[i]);
        save(db, &m[i], NAMES[i]);
    }
    /* List order: Lê Văn An, Trần Văn An (twice), Bình, Cường, Dũng. The position is the
     * second Trần Văn An; it goes, its namesake stays. */
    list_pos pos;
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT sort_key FROM member WHERE uuid = '%s'", m[1].uuid);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(pos.sort_key, sizeof pos.sort_key, "%s", sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    snprintf(pos.uuid, sizeof pos.uuid, "%s", m[1].uuid);
    cdtt_err e = {{0}};
    snprintf(sql, sizeof sql, "DELETE FROM membership; DELETE FROM member WHERE uuid = '%s'", m[1].uuid);
    assert_int_equal(db_exec(db, sql, &e), 0);
    list_filter f;
    memset(&f, 0, sizeof f);
    f.search = "tran van";
    member_rec rows[6];
    assert_int_equal(member_page(db, &f, &pos, 1, 6, rows, &e), 4);
    assert_string_equal(rows[0].uuid, m[0].uuid); /* the namesake, then Bình, Cường, Dũng */
    assert_string_equal(rows[3].uuid, m[4].uuid);
    f.search = "van";
    assert_int_equal(member_page(db, &f, &pos, -1, 6, rows, &e), 1);
    assert_string_equal(rows[0].uuid, m[5].uuid); /* before that sort key: Lê Văn An only */
    db_close(db);
}

/* A file written before migration 8 (here: by schema 1) gets the lists'
 * names when it is opened, and migration 3's word index is gone. */
static void upgrade_builds_the_names(void **state)
{
    (void)state;
    sqlite3 *db = pf_upgraded_demo(dir, "up-new.db", "up-old.db", 300, 5);
    assert_int_equal(db_user_version(db), CDTT_SCHEMA_VERSION);
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                       "('member_word', 'name_word', 'member_words_insert')", -1), 0);
    assert_true(db_scalar_int(db, "SELECT count(*) FROM list_name WHERE tbl = 'member'", 0) > 100);
    assert_index_right(db);
    assert_like_scan(db, record_list_of("member"), "thi", 0);
    assert_like_scan(db, record_list_of("team"), "thon", 0);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kept_by_saves_renames_and_deletes),
        cmocka_unit_test(searches_match_a_scan),
        cmocka_unit_test(one_sort_key_several_names),
        cmocka_unit_test(position_removed_meanwhile),
        cmocka_unit_test(upgrade_builds_the_names),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
