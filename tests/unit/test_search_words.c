/* test_search_words.c — the word index of members' names (schema migration 3):
 * kept right by saves, renames, deletes and SQL written by others, with names
 * holding quotes, backslashes and control characters; member searches that
 * read it give exactly the members, in exactly the order and pages, that a
 * plain scan of every name gives. */
#include "testutil.h"
#include "demo.h"
#include "office.h"
#include "records.h"
#include "text.h"

/* Asserts that member_word and name_word hold exactly the words of every
 * member's folded name (split at spaces) and how many members hold each. */
static void assert_index_right(sqlite3 *db)
{
    static const char *const CHECKS[] = {
        /* every (word, member) of the names is indexed, and nothing else */
        "WITH w AS (SELECT DISTINCT j.value AS word, m.uuid AS u, m.name_fold AS nf FROM member m, "
        "json_each('[' || replace(json_quote(m.name_fold), ' ', '\",\"') || ']') j WHERE j.value <> '') "
        "SELECT count(*) FROM w FULL JOIN member_word x ON x.word = w.word AND x.member_uuid = w.u "
        "WHERE w.u IS NULL OR x.member_uuid IS NULL OR x.name_fold IS NOT w.nf",
        /* the counts of members per word */
        "SELECT count(*) FROM (SELECT word, count(*) AS n FROM member_word GROUP BY word) c "
        "FULL JOIN (SELECT word, n FROM name_word WHERE n <> 0) v USING (word) WHERE c.n IS NOT v.n",
    };
    for (size_t i = 0; i < sizeof CHECKS / sizeof CHECKS[0]; i++) {
        long long bad = db_scalar_int(db, CHECKS[i], -1);
        if (bad != 0)
            fail_msg("word index check %zu: %lld wrong rows", i, bad);
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

/* The uuids, in order, of the members page by page through member_page (pages of 7). */
static int search_pages(sqlite3 *db, const list_filter *f, char (*out)[UUID_LEN], int max)
{
    member_rec rows[7];
    cdtt_err e = {{0}};
    list_pos pos;
    int n = 0, got;
    const list_pos *p = NULL;
    while ((got = member_page(db, f, p, 1, 7, rows, &e)) > 0) {
        for (int i = 0; i < got && n < max; i++)
            snprintf(out[n++], UUID_LEN, "%s", rows[i].uuid);
        snprintf(pos.sort_key, sizeof pos.sort_key, "%s", rows[got - 1].sort_key);
        snprintf(pos.uuid, sizeof pos.uuid, "%s", rows[got - 1].uuid);
        p = &pos;
        if (got < 7)
            break;
    }
    if (got < 0)
        fail_msg("member_page: %s", e.msg);
    return n;
}

/* The uuids, in order, of the live members whose folded name holds every word of search. */
static int scan(sqlite3 *db, const char *search, char (*out)[UUID_LEN], int max)
{
    char *fold = text_fold(search);
    char sql[1024] = "SELECT uuid FROM member WHERE deleted = 0";
    char *words[8];
    int nw = 0;
    for (char *w = strtok(fold, " "); w && nw < 8; w = strtok(NULL, " "))
        words[nw++] = w;
    for (int i = 0; i < nw; i++)
        strcat(sql, " AND instr(name_fold, ?) > 0");
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
    assert_int_equal(db_scalar_int(db, "SELECT n FROM name_word WHERE word = 'nguyen'", -1), 1);
    assert_int_equal(db_scalar_int(db, "SELECT n FROM name_word WHERE word = 'van'", -1), 2);

    /* A rename moves the member's words; an edit of something else leaves them. */
    save(db, &a, "Lê Thị Hoa");
    assert_index_right(db);
    assert_int_equal(db_scalar_int(db, "SELECT coalesce(sum(n), 0) FROM name_word WHERE word = 'nguyen'", -1), 0);
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
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM member_word WHERE word = 'y'", -1), 1);
    db_close(db);
}

/* Every search, through whichever path it takes, gives what a scan gives. */
static void searches_match_a_scan(void **state)
{
    (void)state;
    sqlite3 *db = commune("demo.db");
    demo_opts o = {.members = 2500, .seed = 11};
    cdtt_err e = {{0}};
    assert_int_equal(demo_generate(db, &o, NULL, &e), 0);
    assert_index_right(db);
    /* Some deleted members, which live searches must not show. */
    assert_int_equal(db_exec(db, "UPDATE member SET deleted = 1 WHERE rowid % 13 = 0", &e), 0);
    static const char *const SEARCHES[] = {
        "Nguyễn", "nguyen van", "dang thi yen", "yen", "thi", "a", "uyen", "ngoc anh", "Hùng trần",
        "zzz", "van zzz", "đ", "h t", "Lê Thị", "  lan  ",
    };
    static char got[2600][UUID_LEN], want[2600][UUID_LEN];
    for (size_t i = 0; i < sizeof SEARCHES / sizeof SEARCHES[0]; i++) {
        list_filter f;
        memset(&f, 0, sizeof f);
        f.search = SEARCHES[i];
        int n = search_pages(db, &f, got, 2600);
        int m = scan(db, SEARCHES[i], want, 2600);
        if (n != m)
            fail_msg("search '%s': %d members through the list, %d by a scan", SEARCHES[i], n, m);
        for (int k = 0; k < n; k++)
            if (strcmp(got[k], want[k]) != 0)
                fail_msg("search '%s': row %d differs", SEARCHES[i], k);
        assert_int_equal(member_count(db, &f), m);
    }
    /* Backwards from the end, the same rows in the same order. */
    member_rec rows[5];
    list_filter f;
    memset(&f, 0, sizeof f);
    f.search = "dang thi";
    int m = scan(db, f.search, want, 2600);
    assert_true(m >= 5);
    assert_int_equal(member_page(db, &f, NULL, -1, 5, rows, &e), 5);
    for (int k = 0; k < 5; k++)
        assert_string_equal(rows[k].uuid, want[m - 5 + k]);
    /* The deleted view searches the deleted members. */
    f.deleted = 1;
    f.search = "nguyen";
    assert_int_equal(member_count(db, &f),
                     db_scalar_int(db, "SELECT count(*) FROM member WHERE deleted = 1 AND instr(name_fold, "
                                       "'nguyen') > 0", -1));
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kept_by_saves_renames_and_deletes),
        cmocka_unit_test(searches_match_a_scan),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
