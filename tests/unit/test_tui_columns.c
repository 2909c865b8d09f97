/* test_tui_columns.c — list lines laid out from a table of columns: the
 * flexible column's share and floor, fixed-only tables, rows and headers that
 * line up, and headers shown in the message language. */
#include "testutil.h"
#include "tui-columns.h"
#include "tui-list.h"

static const list_column HALF[] = {{"Full name", 0}, {"Born", 11}, {"Phone", 11}, {"In teams", 0}};
static const list_layout HALF_LAYOUT = {HALF, 4, 0, 2, 28};

static const list_column REST[] = {{"Team", 0}, {"Level", 16}, {"Area", 20}, {"Members", 10}};
static const list_layout REST_LAYOUT = {REST, 4, 0, 1, 20};

static const list_column FIXED[] = {{"Kind", 20}, {"Name", 0}};
static const list_layout FIXED_LAYOUT = {FIXED, 2, -1, 1, 0};

static void flexible_column_gets_its_share_of_what_is_left(void **state)
{
    (void)state;
    int w[4];
    list_layout_widths(&HALF_LAYOUT, 100, w);
    assert_int_equal(w[0], 39); /* (100 - 11 - 11) / 2 */
    assert_int_equal(w[1], 11);
    assert_int_equal(w[2], 11);
    list_layout_widths(&REST_LAYOUT, 100, w);
    assert_int_equal(w[0], 54); /* 100 - 16 - 20 - 10 */
    assert_int_equal(w[3], 10);
}

static void flexible_column_never_narrower_than_its_floor(void **state)
{
    (void)state;
    int w[4];
    list_layout_widths(&HALF_LAYOUT, 60, w);
    assert_int_equal(w[0], 28);
    list_layout_widths(&HALF_LAYOUT, 10, w);
    assert_int_equal(w[0], 28);
    list_layout_widths(&REST_LAYOUT, 50, w);
    assert_int_equal(w[0], 20);
}

static void fixed_table_keeps_its_widths(void **state)
{
    (void)state;
    int w[2];
    list_layout_widths(&FIXED_LAYOUT, 200, w);
    assert_int_equal(w[0], 20);
    assert_int_equal(w[1], 0);
}

static void row_is_cut_and_padded_to_the_columns(void **state)
{
    (void)state;
    char out[512];
    const char *t[] = {"Nguyễn Văn An", "01/02/1990", "0912345678", "Tổ A, Tổ B"};
    list_layout_row(&HALF_LAYOUT, out, sizeof out, 80, t);
    /* name 29 cells, born 11, phone 11, teams the rest */
    assert_string_equal(out, "Nguyễn Văn An                01/02/1990 0912345678 Tổ A, Tổ B");
    const char *k[] = {"Thôn", "Thôn Đông Hòa"};
    list_layout_row(&FIXED_LAYOUT, out, sizeof out, 40, k);
    assert_string_equal(out, "Thôn                Thôn Đông Hòa");
}

static void header_lines_up_with_the_rows(void **state)
{
    (void)state;
    char head[512], row[512];
    list_layout_header(&REST_LAYOUT, head, sizeof head, 70);
    const char *t[] = {"Team", "Level", "Area", "Members"};
    list_layout_row(&REST_LAYOUT, row, sizeof row, 70, t);
    assert_string_equal(head, row);
    assert_string_equal(head, "Team                    Level           Area                Members");
}

static void header_is_in_the_message_language(void **state)
{
    (void)state;
    tu_vietnamese();
    char head[512];
    list_layout_header(&HALF_LAYOUT, head, sizeof head, 80);
    tu_english();
    assert_non_null(strstr(head, "Họ và tên"));
    assert_null(strstr(head, "Full name"));
}

int main(void)
{
    tu_english();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(flexible_column_gets_its_share_of_what_is_left),
        cmocka_unit_test(flexible_column_never_narrower_than_its_floor),
        cmocka_unit_test(fixed_table_keeps_its_widths),
        cmocka_unit_test(row_is_cut_and_padded_to_the_columns),
        cmocka_unit_test(header_lines_up_with_the_rows),
        cmocka_unit_test(header_is_in_the_message_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
