/* test_record_lists.c — the kinds of record lists (records-kinds.c): each
 * kind's description matches its rows, and record_list_each visits every
 * matching record once, in list order, across pages, and stops when asked. */
#include "records_fixture.h"

/* What the walk saw: the names in order. */
typedef struct {
    const record_list *k;
    char names[600][64];
    int n, stop_at;
} seen;

static int note(void *ctx, const void *row)
{
    seen *s = ctx;
    snprintf(s->names[s->n], sizeof s->names[s->n], "%s", (const char *)row + s->k->off_name);
    s->n++;
    return s->stop_at && s->n >= s->stop_at;
}

static void kinds_describe_their_rows(void **state)
{
    (void)state;
    int n = 0;
    for (const record_list *k = record_list_next(NULL); k; k = record_list_next(k), n++) {
        assert_ptr_equal(record_list_of(k->table), k);
        assert_ptr_equal(record_list_of(k->plural), k);
        assert_true(k->off_uuid < k->row_size && k->off_name < k->row_size && k->off_key < k->row_size);
    }
    assert_int_equal(n, 3);
    assert_int_equal(record_list_of("member")->row_size, sizeof(member_rec));
    assert_int_equal(record_list_of("team")->off_place, offsetof(team_rec, area_name));
    assert_null(record_list_of("office"));
}

static void each_visits_every_record_in_order_across_pages(void **state)
{
    (void)state;
    /* More than one page (200) of members, saved in reverse order of their given names. */
    char uuid[UUID_LEN], name[64];
    cdtt_err e;
    assert_int_equal(db_begin(rf_db, &e), 0);
    for (int i = 449; i >= 0; i--) {
        snprintf(name, sizeof name, "Lê Văn A%03d", i);
        rf_member(name, NULL, NULL, NULL, uuid);
    }
    assert_int_equal(db_commit(rf_db, &e), 0);
    seen *s = xcalloc(1, sizeof *s);
    s->k = record_list_of("members");
    list_filter f = {0};
    assert_int_equal(record_list_each(rf_db, s->k, &f, note, s, &e), 450);
    assert_int_equal(s->n, 450);
    for (int i = 0; i < 450; i++) {
        snprintf(name, sizeof name, "Lê Văn A%03d", i);
        assert_string_equal(s->names[i], name);
    }
    assert_int_equal(s->k->count(rf_db, &f), 450);
    /* A search narrows it; a callback stops it. */
    memset(s, 0, sizeof *s);
    s->k = record_list_of("member");
    f.search = "a12";
    assert_int_equal(record_list_each(rf_db, s->k, &f, note, s, &e), 10); /* A120..A129 */
    memset(s, 0, sizeof *s);
    s->k = record_list_of("member");
    s->stop_at = 5;
    f.search = NULL;
    assert_int_equal(record_list_each(rf_db, s->k, &f, note, s, &e), 5);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kinds_describe_their_rows),
        cmocka_unit_test_setup_teardown(each_visits_every_record_in_order_across_pages, rf_setup, rf_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
