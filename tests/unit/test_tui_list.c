/* test_tui_list.c — the paged list widget over an in-memory source: it never
 * holds more than a page, pages and scrolls right at both ends, and its
 * checkbox column toggles with Space; a read error goes to its caller;
 * list_columns pads by display width. */
#include "testutil.h"
#include "tui-list.h"

#include <curses.h>

#define N_ROWS 45

typedef struct {
    int i;
} row;

static bool marked[N_ROWS];
static int biggest_request;

static int page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    (void)l, (void)e;
    const row *r = from;
    int start = dir > 0 ? (r ? r->i + 1 : 0) : (r ? r->i - limit : N_ROWS - limit);
    int end = dir > 0 ? start + limit : (r ? r->i : N_ROWS);
    if (start < 0)
        start = 0;
    if (end > N_ROWS)
        end = N_ROWS;
    if (limit > biggest_request)
        biggest_request = limit;
    row *out = rows;
    int n = 0;
    for (int i = start; i < end; i++)
        out[n++].i = i;
    return n;
}

static void format(list_view *l, const void *r, char *out, size_t n, int cols)
{
    (void)l, (void)cols;
    snprintf(out, n, "%d", ((const row *)r)->i);
}

static bool checked(list_view *l, const void *r)
{
    (void)l;
    return marked[((const row *)r)->i];
}

static void toggle(list_view *l, const void *r)
{
    (void)l;
    marked[((const row *)r)->i] = !marked[((const row *)r)->i];
}

static const list_source SRC = {sizeof(row), page, format, NULL, checked, toggle};

static int first(const list_view *l)
{
    return ((const row *)l->rows)[0].i;
}

static int selected(const list_view *l)
{
    return ((const row *)list_selected(l))->i;
}

static void press(list_view *l, int k)
{
    tui_event ev = {true, (wint_t)k, ACT_NONE, NULL, 0};
    assert_true(list_key(l, &ev));
}

static void test_paging(void **state)
{
    (void)state;
    list_view l;
    list_init(&l, &SRC, NULL, NULL);
    list_resize(&l, 10);
    list_reload(&l);
    assert_int_equal(l.n, 10);
    assert_int_equal(first(&l), 0);
    press(&l, KEY_NPAGE);
    assert_int_equal(first(&l), 10);
    press(&l, KEY_END);
    assert_int_equal(first(&l), 35);
    assert_int_equal(selected(&l), 44);
    press(&l, KEY_NPAGE); /* at the end: stays */
    assert_int_equal(first(&l), 35);
    press(&l, KEY_PPAGE);
    assert_int_equal(first(&l), 25);
    press(&l, KEY_HOME);
    assert_int_equal(first(&l), 0);
    assert_int_equal(selected(&l), 0);
    press(&l, KEY_PPAGE); /* at the start: stays */
    assert_int_equal(first(&l), 0);
    /* Down past the last row shown scrolls by one row. */
    for (int k = 0; k < 10; k++)
        press(&l, KEY_DOWN);
    assert_int_equal(first(&l), 1);
    assert_int_equal(selected(&l), 10);
    press(&l, KEY_UP);
    for (int k = 0; k < 9; k++)
        press(&l, KEY_UP);
    assert_int_equal(first(&l), 0);
    assert_int_equal(selected(&l), 0);
    /* A reload keeps the first row shown. */
    press(&l, KEY_NPAGE);
    list_reload(&l);
    assert_int_equal(first(&l), 10);
    /* Never more than a page is asked for. */
    assert_true(biggest_request <= 10);
    list_free(&l);
}

static void test_checkbox(void **state)
{
    (void)state;
    list_view l;
    list_init(&l, &SRC, NULL, NULL);
    list_resize(&l, 5);
    list_reload(&l);
    press(&l, KEY_DOWN);
    tui_event space = {false, ' ', ACT_NONE, NULL, 0};
    assert_true(list_key(&l, &space));
    assert_true(marked[1]);
    assert_true(list_key(&l, &space));
    assert_false(marked[1]);
    list_free(&l);
}

/* A source whose file cannot be read. */
static int failing_page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    (void)l, (void)from, (void)dir, (void)limit, (void)rows;
    snprintf(e->msg, sizeof e->msg, "%s", "disk I/O error");
    return -1;
}

static const list_source FAILING = {sizeof(row), failing_page, format, NULL, NULL, NULL};

/* A read error is said to the list's caller, in the report it handed the
 * list, as an error; the list is then empty. */
static void test_error_goes_to_the_caller(void **state)
{
    (void)state;
    tui_report said;
    memset(&said, 0, sizeof said);
    list_view l;
    list_init(&l, &FAILING, NULL, &said);
    list_resize(&l, 5);
    list_reload(&l);
    assert_int_equal(l.n, 0);
    assert_null(list_selected(&l));
    assert_int_equal(said.msg_sev, 2);
    assert_string_equal(said.msg, "disk I/O error");
    list_free(&l);
}

static void test_columns(void **state)
{
    (void)state;
    char out[256];
    const int widths[] = {6, 4, 0};
    const char *t[] = {"Đặng", "Hằng Nga", "x"};
    list_columns(out, sizeof out, 20, widths, t, 3);
    /* "Đặng" padded to 6 columns, "Hằng Nga" cut to fit 3 columns + a space,
     * its cut marked with "…" (nothing is cut without a sign). */
    assert_string_equal(out, "Đặng  Hằ… x");
}

int main(void)
{
    tu_english();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paging),
        cmocka_unit_test(test_checkbox),
        cmocka_unit_test(test_error_goes_to_the_caller),
        cmocka_unit_test(test_columns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
