/* test_tui_training.c — the pieces of the training screens that need no
 * terminal: the progress bar text, the in-memory list pages, and the queries
 * the screens read (attendees of a session, the sessions held). */
#include "training_fixture.h"
#include "training.h"
#include "training-query.h"
#include "tui-training.h"


static int setup(void **state)
{
    (void)state;
    if (tu_db_setup("t.db") < 0)
        return -1;
    fx_team_and_two_members(db);
    fx_member(db, "m3", "Lê Văn Cường");
    return 0;
}

static void ascii_bar_fills_in_proportion(void **state)
{
    (void)state;
    char b[256];
    progress_bar_text(50, 10, false, b, sizeof b);
    assert_string_equal(b, "#####.....");
    progress_bar_text(0, 4, false, b, sizeof b);
    assert_string_equal(b, "....");
    progress_bar_text(100, 4, false, b, sizeof b);
    assert_string_equal(b, "####");
    progress_bar_text(250, 4, false, b, sizeof b); /* more than 100 is a full bar */
    assert_string_equal(b, "####");
    progress_bar_text(-1, 3, false, b, sizeof b);  /* nothing to measure: empty */
    assert_string_equal(b, "...");
    progress_bar_text(33.3, 3, false, b, sizeof b);
    assert_string_equal(b, "#..");
}

static void block_bar_uses_eighths_and_keeps_its_width(void **state)
{
    (void)state;
    char b[256];
    progress_bar_text(50, 4, true, b, sizeof b);
    assert_string_equal(b, "██░░");
    progress_bar_text(100.0 / 16, 2, true, b, sizeof b); /* one eighth of a cell */
    assert_string_equal(b, "▏░");
    progress_bar_text(100, 3, true, b, sizeof b);
    assert_string_equal(b, "███");
    /* Every percentage gives exactly cols cells. */
    for (int p = 0; p <= 100; p++) {
        progress_bar_text(p, 7, true, b, sizeof b);
        int cells = 0;
        for (const unsigned char *c = (const unsigned char *)b; *c; c++)
            cells += (*c & 0xC0) != 0x80;
        assert_int_equal(cells, 7);
    }
    /* A small buffer is never overrun and stays a string. */
    char small[5];
    progress_bar_text(50, 10, true, small, sizeof small);
    assert_true(strlen(small) < sizeof small);
}

static void array_pages_forward_and_back(void **state)
{
    (void)state;
    int rows[10];
    assert_int_equal(list_index_page(5, NULL, 1, 3, rows), 3);
    assert_int_equal(rows[0], 0);
    assert_int_equal(rows[2], 2);
    int from = 2;
    assert_int_equal(list_index_page(5, &from, 1, 3, rows), 2);
    assert_int_equal(rows[0], 3);
    assert_int_equal(rows[1], 4);
    assert_int_equal(list_index_page(5, NULL, -1, 2, rows), 2); /* the last page, in list order */
    assert_int_equal(rows[0], 3);
    assert_int_equal(rows[1], 4);
    from = 1;
    assert_int_equal(list_index_page(5, &from, -1, 3, rows), 1);
    assert_int_equal(rows[0], 0);
    from = 0;
    assert_int_equal(list_index_page(5, &from, -1, 3, rows), 0);
    assert_int_equal(list_index_page(0, NULL, 1, 3, rows), 0);
    assert_int_equal(list_index_page(0, NULL, -1, 3, rows), 0);
}

static void attendees_are_the_present_live_members(void **state)
{
    (void)state;
    cdtt_err e = {{0}};
    training_session_rec s = {.date = "2022-09-15"};
    snprintf(s.topic, sizeof s.topic, "VNeID");
    char sid[37];
    assert_int_equal(training_session_add(db, &s, sid, &e), 0);
    const char *all[] = {"m1", "m2", "m3"};
    assert_int_equal(training_attendance_mark(db, sid, all, 3, 1, NULL, &e), 0);
    const char *back[] = {"m2"};
    assert_int_equal(training_attendance_mark(db, sid, back, 1, 0, NULL, &e), 0);
    const char *p[] = {NULL};
    fx_run(db, "UPDATE member SET deleted = 1 WHERE uuid = 'm3'", p, 0);
    char(*u)[37] = NULL;
    int n = training_attendees(db, sid, &u, &e);
    assert_int_equal(n, 1);
    assert_string_equal(u[0], "m1");
    free(u);

    training_session_row *rows = NULL;
    training_session_rec later = {.date = "2022-10-01"};
    char sid2[37];
    assert_int_equal(training_session_add(db, &later, sid2, &e), 0);
    n = training_sessions(db, &rows, &e);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].uuid, sid2); /* newest first */
    assert_int_equal(rows[0].attendees, 0);
    assert_string_equal(rows[1].s.topic, "VNeID");
    assert_int_equal(rows[1].attendees, 1);
    free(rows);
}

static void unknown_session_has_no_attendees(void **state)
{
    (void)state;
    cdtt_err e = {{0}};
    char(*u)[37] = NULL;
    assert_int_equal(training_attendees(db, "nope", &u, &e), 0);
    assert_null(u);
    training_session_row *rows = NULL;
    assert_int_equal(training_sessions(db, &rows, &e), 0);
    free(rows);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ascii_bar_fills_in_proportion),
        cmocka_unit_test(block_bar_uses_eighths_and_keeps_its_width),
        cmocka_unit_test(array_pages_forward_and_back),
        cmocka_unit_test_setup_teardown(attendees_are_the_present_live_members, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(unknown_session_has_no_attendees, setup, tu_db_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
