/* test_config.c — cdtt.ini files: values, order, and every kind of bad file. */
#include "testutil.h"
#include "config.h"

#include <sys/stat.h>

/* Writes len bytes to dir/name; returns the path (static buffer). */
static const char *write_file(const char *name, const char *text, size_t len)
{
    static char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
    return path;
}

#define WRITE(name, lit) write_file(name, lit, sizeof lit - 1)

/* Loads text as a config over the defaults; expects success. */
static cdtt_config load_ok(const char *text)
{
    cdtt_config c;
    config_defaults(&c);
    cdtt_err e = {{0}};
    const char *p = write_file("ok.ini", text, strlen(text));
    if (config_load_file(&c, p, 1, &e) != 0)
        fail_msg("unexpected error: %s", e.msg);
    return c;
}

/* Loads text; expects failure whose message contains "FILE:LINE:" (line > 0)
 * and needle, and a config left exactly as it was. */
static void load_bad(const char *text, size_t len, long line, const char *needle)
{
    cdtt_config c, before;
    config_defaults(&c);
    c.team_max_village = 7; /* something not default, to see it kept */
    before = c;
    cdtt_err e = {{0}};
    const char *p = write_file("bad.ini", text, len);
    assert_int_equal(config_load_file(&c, p, 1, &e), -1);
    char want[800];
    if (line > 0) {
        snprintf(want, sizeof want, "%s:%ld:", p, line);
        if (!strstr(e.msg, want))
            fail_msg("expected '%s' in '%s'", want, e.msg);
    }
    if (needle && !strstr(e.msg, needle))
        fail_msg("expected '%s' in '%s'", needle, e.msg);
    assert_memory_equal(&c, &before, sizeof c);
}

#define BAD(lit, line, needle) load_bad(lit, sizeof lit - 1, line, needle)

static void defaults_are_plan_4510(void **state)
{
    (void)state;
    cdtt_config c;
    config_defaults(&c);
    assert_string_equal(c.lang, "vi");
    assert_string_equal(c.telex_tone_style, "new");
    assert_true(c.targets[TARGET_MOOC].percent == 100.0);
    assert_string_equal(c.targets[TARGET_MOOC].deadline, "2022-11-30");
    assert_string_equal(c.targets[TARGET_ZALO].deadline, "2022-09-30");
    assert_string_equal(c.targets[TARGET_INPERSON].deadline, "2022-09-30");
    assert_int_equal(c.inperson_min_attendees, 1);
    assert_int_equal(c.team_max_commune, 10);
    assert_int_equal(c.team_max_village, 5);
    assert_string_equal(config_indicator_name(TARGET_ZALO), "zalo");
}

static void every_key_is_read(void **state)
{
    (void)state;
    cdtt_config c = load_ok("[storage]\n"
                            "db = /srv/cdtt/xa.db\n"
                            "[UI]\n"
                            "Lang = en\n"
                            "telex_tone=old\n"
                            "[targets]\n"
                            "mooc = 80\n"
                            "mooc_deadline = 31/12/2026\n"
                            "zalo = 95,5\n"
                            "zalo_deadline = 2026-06-30\n"
                            "inperson = 70%\n"
                            "inperson_deadline = 29/02/2028\n"
                            "inperson_min_attendees = 3\n"
                            "[rules]\n"
                            "team_max_commune = 0\n"
                            "team_max_village = 12\n");
    assert_string_equal(c.db_path, "/srv/cdtt/xa.db");
    assert_string_equal(c.lang, "en");
    assert_string_equal(c.telex_tone_style, "old");
    assert_true(c.targets[TARGET_MOOC].percent == 80.0);
    assert_string_equal(c.targets[TARGET_MOOC].deadline, "2026-12-31");
    assert_true(c.targets[TARGET_ZALO].percent == 95.5);
    assert_string_equal(c.targets[TARGET_ZALO].deadline, "2026-06-30");
    assert_true(c.targets[TARGET_INPERSON].percent == 70.0);
    assert_string_equal(c.targets[TARGET_INPERSON].deadline, "2028-02-29");
    assert_int_equal(c.inperson_min_attendees, 3);
    assert_int_equal(c.team_max_commune, 0);
    assert_int_equal(c.team_max_village, 12);
    assert_int_equal(c.n_loaded, 1);
}

static void comments_quotes_crlf_bom(void **state)
{
    (void)state;
    cdtt_config c = load_ok("\xEF\xBB\xBF; a comment\r\n"
                            "# another\r\n"
                            "\r\n"
                            "  [storage]  \r\n"
                            "db = \"/srv/x;y#z.db\"\r\n"
                            "[ui]\r\n"
                            "lang = en ; English please\r\n");
    assert_string_equal(c.db_path, "/srv/x;y#z.db");
    assert_string_equal(c.lang, "en");
    /* missing keys keep defaults */
    assert_int_equal(c.team_max_commune, 10);
}

static void tilde_path_is_in_home(void **state)
{
    (void)state;
    setenv("HOME", "/home/canbo", 1);
    cdtt_config c = load_ok("[storage]\ndb = ~/cdtt/xa.db\n");
    assert_string_equal(c.db_path, "/home/canbo/cdtt/xa.db");
}

static void empty_and_comment_only_files_change_nothing(void **state)
{
    (void)state;
    cdtt_config d;
    config_defaults(&d);
    cdtt_config c = load_ok("");
    assert_string_equal(c.lang, d.lang);
    c = load_ok("; nothing\n[ui]\n");
    assert_string_equal(c.lang, "vi");
    assert_int_equal(c.team_max_village, d.team_max_village);
}

static void unknown_keys_and_sections_are_warnings(void **state)
{
    (void)state;
    cdtt_config c = load_ok("[ui]\ncolour = blue\nlang = en\n[future]\nthing = 1\n");
    assert_string_equal(c.lang, "en");
}

static void bad_values_name_file_and_line(void **state)
{
    (void)state;
    BAD("[ui]\nlang = fr\n", 2, "lang must be vi or en");
    BAD("[ui]\n\nlang =\n", 3, "lang");
    BAD("[ui]\ntelex_tone = modern\n", 2, "telex_tone");
    BAD("[targets]\nmooc = 150\n", 2, "percentage");
    BAD("[targets]\nmooc = -5\n", 2, "percentage");
    BAD("[targets]\nzalo = abc\n", 2, "percentage");
    BAD("[targets]\nzalo = 1.2.3\n", 2, "percentage");
    BAD("[targets]\nzalo = nan\n", 2, "percentage");
    BAD("[targets]\nmooc_deadline = 31/02/2026\n", 2, "date");
    BAD("[targets]\nmooc_deadline = 29/02/2027\n", 2, "date");
    BAD("[targets]\nmooc_deadline = 2026-13-01\n", 2, "date");
    BAD("[targets]\nmooc_deadline = 1/2/2026\n", 2, "date");
    BAD("[targets]\nmooc_deadline = tomorrow\n", 2, "date");
    BAD("[targets]\ninperson_min_attendees = 0\n", 2, "whole number");
    BAD("[rules]\nteam_max_village = 3.5\n", 2, "whole number");
    BAD("[rules]\nteam_max_village = -1\n", 2, "whole number");
    BAD("[rules]\nteam_max_commune = 99999999999999999999\n", 2, "whole number");
    BAD("[storage]\ndb =\n", 2, "path");
    BAD("[storage]\ndb = \"\"\n", 2, "path");
    BAD("[ui]\nlang = \"fr\" ; French\n", 2, "'fr'");
}

static void syntax_errors_name_file_and_line(void **state)
{
    (void)state;
    BAD("[ui]\nlang = en\nthis is not ini\n", 3, "key = value");
    BAD("lang = en\n", 1, "section");
    BAD("[ui\nlang = en\n", 1, "section");
    BAD("[]\n", 1, "section");
    BAD("[ui] trailing\n", 1, "section");
    BAD("[ui] ; iniparser refuses a comment here\n", 1, "alone on its line");
    BAD("[ui]\n= en\n", 2, "key");
    BAD("[ui]\nlang = en \\\n", 2, "\\");
}

static void long_lines_and_bad_bytes(void **state)
{
    (void)state;
    char big[1200];
    int n = snprintf(big, sizeof big, "[storage]\ndb = ");
    memset(big + n, 'a', 1100);
    n += 1100;
    big[n++] = '\n';
    load_bad(big, (size_t)n, 2, "longer");
    BAD("[ui]\nlang = en\n; Nguy\xE1\xBB\n", 3, "UTF-8");
    BAD("[ui]\nlang = e\0n\n", 0, "NUL");
}

static void binary_garbage_never_crashes(void **state)
{
    (void)state;
    unsigned char junk[4096];
    unsigned seed = 12345;
    for (int round = 0; round < 50; round++) {
        for (size_t i = 0; i < sizeof junk; i++) {
            seed = seed * 1103515245u + 12345u;
            junk[i] = (unsigned char)(seed >> 16);
        }
        cdtt_config c, before;
        config_defaults(&c);
        before = c;
        cdtt_err e;
        const char *p = write_file("junk.ini", (const char *)junk, sizeof junk);
        assert_int_equal(config_load_file(&c, p, 1, &e), -1);
        assert_memory_equal(&c, &before, sizeof c);
    }
}

/* Lines assembled from fragments iniparser is picky about: whatever the mix,
 * a failure names a line (the check before iniparser caught it), never the
 * bare "cannot be read" of iniparser giving up. */
static void every_failure_names_a_line(void **state)
{
    (void)state;
    static const char *const frags[] = {
        "[ui]", "[targets]", "[rules]", "[ x ]", "[", "]", "lang", "=", " = ", "en", "vi", "\"", "'",
        ";", "#", " ", "\t", "mooc", "50", "\\", "team_max_village", "7", "[storage]", "db", "/x",
        "\r", "Đ", "==", "\"en\"", "'vi'",
    };
    unsigned seed = 99;
    char text[2048];
    for (int round = 0; round < 2000; round++) {
        size_t o = 0;
        int lines = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 8;
        for (int l = 0; l < lines; l++) {
            int parts = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 6;
            for (int p = 0; p < parts; p++) {
                const char *f = frags[((seed = seed * 1103515245u + 12345u) >> 16) % (sizeof frags / sizeof *frags)];
                size_t n = strlen(f);
                memcpy(text + o, f, n);
                o += n;
            }
            text[o++] = '\n';
        }
        cdtt_config c;
        config_defaults(&c);
        cdtt_err e = {{0}};
        const char *p = write_file("mix.ini", text, o);
        if (config_load_file(&c, p, 1, &e) < 0 && strstr(e.msg, "cannot be read"))
            fail_msg("iniparser failed on a file the check let through:\n%.*s", (int)o, text);
    }
}

static void section_name_as_key_is_safe(void **state)
{
    (void)state;
    /* iniparser's getint crashes on this (CVE-2023-33461); we never call it. */
    cdtt_config c = load_ok("[rules]\n[targets]\nmooc = 50\n");
    assert_true(c.targets[TARGET_MOOC].percent == 50.0);
}

static void missing_folder_and_unreadable(void **state)
{
    (void)state;
    cdtt_config c, before;
    config_defaults(&c);
    before = c;
    cdtt_err e;
    char path[700];
    snprintf(path, sizeof path, "%s/nope.ini", dir);
    assert_int_equal(config_load_file(&c, path, 0, &e), 0); /* optional file */
    assert_int_equal(c.n_loaded, 0);
    assert_int_equal(config_load_file(&c, path, 1, &e), -1); /* --config */
    assert_non_null(strstr(e.msg, "nope.ini"));
    assert_int_equal(config_load_file(&c, dir, 0, &e), -1); /* a folder */
    assert_non_null(strstr(e.msg, "folder"));
    const char *p = WRITE("locked.ini", "[ui]\nlang = en\n");
    chmod(p, 0);
    if (geteuid() != 0) {
        assert_int_equal(config_load_file(&c, p, 0, &e), -1);
        assert_non_null(strstr(e.msg, "locked.ini"));
    }
    assert_memory_equal(&c, &before, sizeof c);
}

static void order_later_files_win(void **state)
{
    (void)state;
    char cfgdir[700], home[700];
    snprintf(cfgdir, sizeof cfgdir, "%s/xdg/cdtt", dir);
    snprintf(home, sizeof home, "%s/xdg", dir);
    assert_int_equal(db_mkdirs(cfgdir), 0);
    setenv("XDG_CONFIG_HOME", home, 1);
    WRITE("xdg/cdtt/cdtt.ini", "[ui]\nlang = en\n[rules]\nteam_max_village = 8\n");
    const char *explicit = WRITE("explicit.ini", "[rules]\nteam_max_village = 9\n");
    char ex[700];
    snprintf(ex, sizeof ex, "%s", explicit);
    cdtt_config c;
    cdtt_err e;
    assert_int_equal(config_load(&c, NULL, &e), 0);
    assert_string_equal(c.lang, "en");
    assert_int_equal(c.team_max_village, 8);
    assert_int_equal(config_load(&c, ex, &e), 0);
    assert_string_equal(c.lang, "en");
    assert_int_equal(c.team_max_village, 9);
    assert_string_equal(c.loaded_from[c.n_loaded - 1], ex);
    /* a bad explicit file fails the whole load */
    WRITE("explicit.ini", "[ui]\nlang = de\n");
    assert_int_equal(config_load(&c, ex, &e), -1);
    assert_non_null(strstr(e.msg, ":2:"));
    unsetenv("XDG_CONFIG_HOME");
}

static void example_file_loads_and_equals_defaults(void **state)
{
    (void)state;
    const char *root = getenv("ROOT") ? getenv("ROOT") : ".";
    char path[700];
    snprintf(path, sizeof path, "%s/etc/cdtt.ini.example", root);
    cdtt_config c, d;
    config_defaults(&c);
    config_defaults(&d);
    cdtt_err e;
    assert_int_equal(config_load_file(&c, path, 1, &e), 0);
    c.n_loaded = 0;
    memset(c.loaded_from, 0, sizeof c.loaded_from);
    assert_memory_equal(&c, &d, sizeof c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_are_plan_4510),
        cmocka_unit_test(every_key_is_read),
        cmocka_unit_test(comments_quotes_crlf_bom),
        cmocka_unit_test(tilde_path_is_in_home),
        cmocka_unit_test(empty_and_comment_only_files_change_nothing),
        cmocka_unit_test(unknown_keys_and_sections_are_warnings),
        cmocka_unit_test(bad_values_name_file_and_line),
        cmocka_unit_test(syntax_errors_name_file_and_line),
        cmocka_unit_test(long_lines_and_bad_bytes),
        cmocka_unit_test(binary_garbage_never_crashes),
        cmocka_unit_test(every_failure_names_a_line),
        cmocka_unit_test(section_name_as_key_is_safe),
        cmocka_unit_test(missing_folder_and_unreadable),
        cmocka_unit_test(order_later_files_win),
        cmocka_unit_test(example_file_loads_and_equals_defaults),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
