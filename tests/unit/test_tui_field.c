/* test_tui_field.c — typing into a libformw field through fe_key, as a line
 * input (NFC composition of decomposed input, Telex, limits, cursor keys, what
 * a paste says to the caller), and the key table (F-keys and their Ctrl
 * aliases, Enter and Tab, the help). */
#include "testutil.h"
#include "tui-core.h"
#include "tui-form.h"

#include <curses.h>
#include <locale.h>

static tui_event ch(wint_t c)
{
    tui_event ev = {false, c, keys_action(false, c, true), NULL, 0};
    return ev;
}

static tui_event key(int k)
{
    tui_event ev = {true, (wint_t)k, keys_action(true, (wint_t)k, true), NULL, 0};
    return ev;
}

/* Types UTF-8 text code point by code point, as get_wch delivers it. */
static void type(line_input *e, const char *s, bool telex)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        uint32_t cp;
        int n = *u < 0x80 ? 1 : *u < 0xE0 ? 2 : *u < 0xF0 ? 3 : 4;
        cp = n == 1 ? *u : n == 2 ? (*u & 0x1F) : n == 3 ? (*u & 0x0F) : (*u & 0x07);
        for (int i = 1; i < n; i++)
            cp = (cp << 6) | (u[i] & 0x3F);
        u += n;
        tui_event ev = ch(cp);
        line_input_key(e, &ev, telex, 0, NULL);
    }
}

static void get_is(line_input *e, const char *want)
{
    char out[2048];
    line_input_get(e, out, sizeof out);
    assert_string_equal(out, want);
}

static void test_decomposed_input_is_composed(void **state)
{
    (void)state;
    line_input e;
    line_input_init(&e, 100);
    /* Đặng Thị Hằng with its marks after the letters, in both mark orders. */
    type(&e, "\xC4\x90" "a\xCC\xA3\xCC\x86ng Thi\xCC\xA3 Ha\xCC\x80\xCC\x86ng", false);
    get_is(&e, "Đặng Thị Hằng");
    char raw[256];
    form_driver_w(e.form, KEY_CODE_YES, REQ_VALIDATION);
    snprintf(raw, sizeof raw, "%s", field_buffer(e.field[0], 0));
    assert_int_equal(strncmp(raw, "Đặng Thị Hằng ", strlen("Đặng Thị Hằng ")), 0); /* one cell per letter */
    line_input_free(&e);
    line_input_init(&e, 100);
    type(&e, "o\xCC\x9B\xCC\x81", false); /* o + horn + acute */
    get_is(&e, "ớ");
    line_input_free(&e);
}

static void test_lone_mark_is_dropped(void **state)
{
    (void)state;
    line_input e;
    line_input_init(&e, 100);
    type(&e, "\xCC\x81" "a", false);
    get_is(&e, "a");
    line_input_free(&e);
}

static void test_telex_in_a_field(void **state)
{
    (void)state;
    line_input e;
    line_input_init(&e, 100);
    type(&e, "Nguyeenx Thij Hawngf", true);
    get_is(&e, "Nguyễn Thị Hằng");
    line_input_free(&e);
    line_input_init(&e, 100);
    type(&e, "ddaij hocj", true);
    get_is(&e, "đại học");
    line_input_free(&e);
    line_input_init(&e, 100);
    type(&e, "Nguyeenx", false); /* Telex off: literal */
    get_is(&e, "Nguyeenx");
    line_input_free(&e);
}

static void test_set_normalises_and_limits(void **state)
{
    (void)state;
    line_input e;
    line_input_init(&e, 5);
    line_input_set(&e, "Ho\xCC\x80" "a Bi\xCC\x80nh"); /* decomposed: stored NFC, cut at 5 */
    get_is(&e, "Hòa B");
    type(&e, "x", false); /* full: nothing more goes in */
    get_is(&e, "Hòa B");
    line_input_free(&e);
}

static void test_cursor_keys(void **state)
{
    (void)state;
    line_input e;
    line_input_init(&e, 100);
    type(&e, "Hng", false);
    tui_event left = key(KEY_LEFT), bs = key(KEY_BACKSPACE), home = key(KEY_HOME), del = key(KEY_DC);
    line_input_key(&e, &left, false, 0, NULL);
    line_input_key(&e, &left, false, 0, NULL);
    type(&e, "ằ", false);
    get_is(&e, "Hằng");
    line_input_key(&e, &bs, false, 0, NULL);
    get_is(&e, "Hng");
    line_input_key(&e, &home, false, 0, NULL);
    line_input_key(&e, &del, false, 0, NULL);
    get_is(&e, "ng");
    line_input_free(&e);
}

/* A paste tells the line input's caller what became of it, in the report the
 * caller handed over: one that does not fit is refused (an error, the text
 * unchanged); one with characters the field does not take goes in without
 * them (a warning). */
static void test_paste_is_said_to_the_caller(void **state)
{
    (void)state;
    tui_report said;
    memset(&said, 0, sizeof said);
    line_input e;
    line_input_init(&e, 10);
    type(&e, "Hà", false);
    tui_event long_paste = {false, 0, ACT_NONE, "Nguyễn Thị Minh Khai", 0};
    assert_true(line_input_key(&e, &long_paste, false, 0, &said));
    get_is(&e, "Hà");
    assert_int_equal(said.msg_sev, 2);
    assert_non_null(strstr(said.msg, "Not pasted"));
    memset(&said, 0, sizeof said);
    tui_event trimmed = {false, 0, ACT_NONE, " Nội", 2};
    assert_true(line_input_key(&e, &trimmed, false, 0, &said));
    get_is(&e, "Hà Nội");
    assert_int_equal(said.msg_sev, 1);
    assert_non_null(strstr(said.msg, "Pasted; 2 characters"));
    line_input_free(&e);
}

static void test_key_table(void **state)
{
    (void)state;
    assert_int_equal(keys_action(true, KEY_F(2), true), ACT_SAVE);
    assert_int_equal(keys_action(false, 'S' & 0x1f, true), ACT_SAVE);
    assert_int_equal(keys_action(true, KEY_F(10), false), ACT_BACK);
    assert_int_equal(keys_action(false, 27, false), ACT_BACK);
    assert_int_equal(keys_action(false, 'N' & 0x1f, true), ACT_NEW);
    assert_int_equal(keys_action(true, KEY_F(6), true), ACT_TELEX);
    assert_int_equal(keys_action(false, 'T' & 0x1f, true), ACT_TELEX);
    assert_int_equal(keys_action(false, 'D' & 0x1f, true), ACT_DELETE);
    assert_int_equal(keys_action(false, 'C' & 0x1f, true), ACT_QUIT);
    /* '?' and '/' are help and search in lists, characters in text fields. */
    assert_int_equal(keys_action(false, '?', false), ACT_HELP);
    assert_int_equal(keys_action(false, '?', true), ACT_NONE);
    assert_int_equal(keys_action(false, '/', false), ACT_SEARCH);
    assert_int_equal(keys_action(false, '/', true), ACT_NONE);
    /* Every F-key action has a Ctrl alias. */
    for (int f = 1; f <= 10; f++) {
        tui_action a = keys_action(true, KEY_F(f), true);
        if (a == ACT_NONE)
            continue;
        int found = 0;
        for (int c = 1; c < 32; c++)
            found |= keys_action(false, (wint_t)c, true) == a;
        assert_true(found);
    }
    assert_string_equal(keys_name(ACT_SAVE), "F2/^S");
}

/* Enter, Tab and the field moves come from the key table too. */
static void test_navigation_keys(void **state)
{
    (void)state;
    tui_event cr = ch('\r'), lf = ch('\n'), tab = ch('\t'), kenter = key(KEY_ENTER);
    tui_event btab = key(KEY_BTAB), up = key(KEY_UP), down = key(KEY_DOWN), a = ch('a');
    assert_true(keys_enter(&cr) && keys_enter(&lf) && keys_enter(&kenter));
    assert_false(keys_enter(&tab) || keys_enter(&a));
    assert_int_equal(cr.act, ACT_NONE); /* screens still read it as a plain key */
    assert_true(keys_next_field(&tab) && keys_next_field(&cr) && keys_next_field(&down));
    assert_true(keys_prev_field(&btab) && keys_prev_field(&up));
    assert_false(keys_next_field(&btab) || keys_prev_field(&tab) || keys_next_field(&a));
}

/* The help's key lines are generated from the key table. */
static void test_help_from_the_key_table(void **state)
{
    (void)state;
    char keys[64];
    const char *what;
    assert_true(keys_help_line(0, keys, sizeof keys, &what));
    assert_string_equal(keys, "F1  Ctrl-G  ?");
    assert_string_equal(what, "this help (? outside text fields)");
    int i = 0, found = 0;
    while (keys_help_line(i++, keys, sizeof keys, &what)) {
        found |= strcmp(keys, "F10  Esc") == 0 ? 1 : 0;
        found |= strcmp(keys, "Ctrl-Q  Ctrl-C") == 0 ? 2 : 0;
        found |= strcmp(keys, "Tab  Enter  Down") == 0 && strcmp(what, "next field") == 0 ? 4 : 0;
        found |= strcmp(keys, "Shift-Tab  Up") == 0 && strcmp(what, "previous field") == 0 ? 8 : 0;
    }
    assert_int_equal(found, 15);
}

int main(void)
{
    tu_english();
    setlocale(LC_ALL, "C.UTF-8");
    /* libformw needs a curses screen: one that writes nowhere. */
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *scr = newterm("xterm", out, in);
    assert_non_null(scr);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decomposed_input_is_composed),
        cmocka_unit_test(test_lone_mark_is_dropped),
        cmocka_unit_test(test_telex_in_a_field),
        cmocka_unit_test(test_set_normalises_and_limits),
        cmocka_unit_test(test_cursor_keys),
        cmocka_unit_test(test_paste_is_said_to_the_caller),
        cmocka_unit_test(test_key_table),
        cmocka_unit_test(test_navigation_keys),
        cmocka_unit_test(test_help_from_the_key_table),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
    return rc;
}
