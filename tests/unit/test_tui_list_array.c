/* test_tui_list_array.c — the list source over an in-memory array: the list
 * widget pages through it in order at both ends, a filter keeps only matching
 * items, and a filter that keeps nothing gives an empty list. */
#include "testutil.h"
#include "tui-exchange.h"

#include <curses.h>

#define N_ITEMS 25

typedef struct {
    list_array a; /* first: what list_array_page reads */
} ctx;

static void format(list_view *l, const void *r, char *out, size_t n, int cols)
{
    (void)l, (void)cols;
    snprintf(out, n, "%d", ((const array_row *)r)->item);
}

static const list_source SRC = {sizeof(array_row), list_array_page, format, NULL, NULL, NULL};

static void press(list_view *l, int k)
{
    tui_event ev = {true, (wint_t)k, ACT_NONE, NULL, 0};
    assert_true(list_key(l, &ev));
}

static int item_at(const list_view *l, int i)
{
    return ((const array_row *)l->rows)[i].item;
}

static void test_pages_in_order(void **state)
{
    (void)state;
    ctx c = {{NULL, 0}};
    list_array_all(&c.a, N_ITEMS);
    list_view l;
    list_init(&l, &SRC, &c, NULL);
    list_resize(&l, 10);
    list_reload(&l);
    assert_int_equal(l.n, 10);
    assert_int_equal(item_at(&l, 0), 0);
    press(&l, KEY_NPAGE);
    assert_int_equal(item_at(&l, 0), 10);
    press(&l, KEY_NPAGE); /* the last page is a full one */
    assert_int_equal(l.n, 10);
    assert_int_equal(item_at(&l, 9), N_ITEMS - 1);
    assert_int_equal(item_at(&l, 0), N_ITEMS - 10);
    press(&l, KEY_PPAGE);
    assert_int_equal(item_at(&l, 0), 5);
    press(&l, KEY_END);
    assert_int_equal(((const array_row *)list_selected(&l))->item, N_ITEMS - 1);
    press(&l, KEY_HOME);
    assert_int_equal(((const array_row *)list_selected(&l))->item, 0);
    for (int i = 0; i < 12; i++)
        press(&l, KEY_DOWN);
    assert_int_equal(((const array_row *)list_selected(&l))->item, 12);
    assert_int_equal(item_at(&l, 0), 3);
    press(&l, KEY_UP);
    assert_int_equal(((const array_row *)list_selected(&l))->item, 11);
    list_free(&l);
    list_array_free(&c.a);
}

static bool odd(void *ctx_, int item)
{
    (void)ctx_;
    return item % 2 == 1;
}

static bool none(void *ctx_, int item)
{
    (void)ctx_, (void)item;
    return false;
}

static void test_filter(void **state)
{
    (void)state;
    ctx c = {{NULL, 0}};
    list_array_filter(&c.a, N_ITEMS, odd, NULL);
    assert_int_equal(c.a.n, 12);
    list_view l;
    list_init(&l, &SRC, &c, NULL);
    list_resize(&l, 5);
    list_reload(&l);
    assert_int_equal(item_at(&l, 0), 1);
    assert_int_equal(item_at(&l, 4), 9);
    press(&l, KEY_END);
    assert_int_equal(((const array_row *)list_selected(&l))->item, 23);
    list_array_filter(&c.a, N_ITEMS, none, NULL);
    list_rewind(&l);
    list_reload(&l);
    assert_int_equal(l.n, 0);
    assert_null(list_selected(&l));
    list_free(&l);
    list_array_free(&c.a);
}

int main(void)
{
    tu_english();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pages_in_order),
        cmocka_unit_test(test_filter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
