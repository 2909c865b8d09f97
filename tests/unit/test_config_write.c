/* test_config_write.c — saving settings into the user's cdtt.ini: round trip,
 * other lines kept, bad values refused, mode 0600, an unwritable folder. */
#include "testutil.h"
#include "config.h"

#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>

static char *dir;

static int setup(void **state)
{
    (void)state;
    tu_english();
    dir = tu_tempdir();
    return dir ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmdir(dir);
    return 0;
}

/* dir/name in a static buffer. */
static const char *in_dir(const char *name)
{
    static char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Loads path over the defaults; fails the test on error. */
static cdtt_config load(const char *path)
{
    cdtt_config c;
    config_defaults(&c);
    cdtt_err e = {{0}};
    if (config_load_file(&c, path, 1, &e) != 0)
        fail_msg("load %s: %s", path, e.msg);
    return c;
}

/* Every managed key written into a new file (its folder created) reads back. */
static void round_trip_new_file(void **state)
{
    (void)state;
    char path[700];
    snprintf(path, sizeof path, "%s/cfg/cdtt/cdtt.ini", dir);
    const config_change ch[] = {
        {"ui", "lang", "en"},
        {"ui", "telex_tone", "old"},
        {"targets", "mooc", "85,5"},
        {"targets", "mooc_deadline", "31/12/2026"},
        {"targets", "zalo", "90"},
        {"targets", "inperson_deadline", "2026-10-01"},
        {"targets", "inperson_min_attendees", "3"},
        {"rules", "team_max_commune", "12"},
        {"rules", "team_max_village", "0"},
    };
    cdtt_err e = {{0}};
    assert_int_equal(config_write_user(path, ch, 9, &e), 0);
    cdtt_config c = load(path);
    assert_string_equal(c.lang, "en");
    assert_string_equal(c.telex_tone_style, "old");
    assert_true(c.targets[TARGET_MOOC].percent > 85.49 && c.targets[TARGET_MOOC].percent < 85.51);
    assert_string_equal(c.targets[TARGET_MOOC].deadline, "2026-12-31");
    assert_true(c.targets[TARGET_ZALO].percent == 90);
    assert_string_equal(c.targets[TARGET_ZALO].deadline, "2022-09-30"); /* not written: default */
    assert_string_equal(c.targets[TARGET_INPERSON].deadline, "2026-10-01");
    assert_int_equal(c.inperson_min_attendees, 3);
    assert_int_equal(c.team_max_commune, 12);
    assert_int_equal(c.team_max_village, 0);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);

    /* Writing again replaces the lines instead of adding more. */
    const config_change again[] = {{"targets", "mooc", "70"}};
    assert_int_equal(config_write_user(path, again, 1, &e), 0);
    char *text = tu_slurp(path, NULL);
    const char *first = strstr(text, "mooc = ");
    assert_non_null(first);
    assert_null(strstr(first + 1, "mooc = "));
    assert_non_null(strstr(text, "mooc = 70\n"));
    free(text);
    assert_true(load(path).targets[TARGET_MOOC].percent == 70);
}

/* Comments, unknown keys and sections, other values and CRLF lines stay verbatim. */
static void unknown_lines_are_kept(void **state)
{
    (void)state;
    const char *path = in_dir("keep.ini");
    const char *old = "; my notes: xã Phúc Xá\r\n"
                      "[storage]\r\n"
                      "db = \"/srv/cdtt/xa#1.db\"   ; the office file\r\n"
                      "[targets]\n"
                      ";mooc = 100\n"
                      "MOOC = 100\n"
                      "mooc_deadline = 30/11/2022\n"
                      "[province]\n"
                      "colour = blue\n";
    write_text(path, old);
    chmod(path, 0644);
    const config_change ch[] = {{"targets", "mooc", "95"}, {"rules", "team_max_village", "7"},
                                {"ui", "lang", "en"}};
    cdtt_err e = {{0}};
    config_set_warnings(0);
    assert_int_equal(config_write_user(path, ch, 3, &e), 0);
    char *text = tu_slurp(path, NULL);
    const char *expect = "; my notes: xã Phúc Xá\r\n"
                         "[storage]\r\n"
                         "db = \"/srv/cdtt/xa#1.db\"   ; the office file\r\n"
                         "[targets]\n"
                         ";mooc = 100\n"
                         "mooc = 95\n"
                         "mooc_deadline = 30/11/2022\n"
                         "[province]\n"
                         "colour = blue\n"
                         "\n[rules]\nteam_max_village = 7\n"
                         "\n[ui]\nlang = en\n";
    assert_string_equal(text, expect);
    free(text);
    cdtt_config c = load(path);
    config_set_warnings(1);
    assert_string_equal(c.db_path, "/srv/cdtt/xa#1.db");
    assert_true(c.targets[TARGET_MOOC].percent == 95);
    assert_string_equal(c.targets[TARGET_MOOC].deadline, "2022-11-30");
    assert_int_equal(c.team_max_village, 7);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
}

/* A bad value is refused with a reason, and the file is left as it was. */
static void bad_values_write_nothing(void **state)
{
    (void)state;
    const char *path = in_dir("bad.ini");
    const char *old = "[targets]\nmooc = 80\n";
    const struct {
        config_change ch;
        const char *says;
    } bad[] = {
        {{"targets", "mooc", "101"}, "percentage"},
        {{"targets", "zalo", "abc"}, "percentage"},
        {{"targets", "mooc_deadline", "31/02/2026"}, "date"},
        {{"targets", "inperson_min_attendees", "0"}, "whole number"},
        {{"rules", "team_max_commune", "-1"}, "whole number"},
        {{"ui", "lang", "fr"}, "vi or en"},
        {{"ui", "telex_tone", "x"}, "new or old"},
        {{"ui", "colour", "blue"}, "unknown setting"},
        {{"targets", "mooc", "80\n[ui]"}, "line breaks"},
        {{"storage", "db", "/srv/x\x1b]0;pwned\x07.db"}, "control characters"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_text(path, old);
        const config_change ch[] = {{"rules", "team_max_village", "4"}, bad[i].ch};
        cdtt_err e = {{0}};
        assert_int_equal(config_write_user(path, ch, 2, &e), -1);
        if (!strstr(e.msg, bad[i].says))
            fail_msg("case %zu: '%s' does not say '%s'", i, e.msg, bad[i].says);
        char *text = tu_slurp(path, NULL);
        assert_string_equal(text, old);
        free(text);
    }
    /* A broken file is not made worse: nothing is written. */
    write_text(path, "[targets\nmooc = 80\n");
    const config_change ok[] = {{"targets", "zalo", "50"}};
    cdtt_err e = {{0}};
    assert_int_equal(config_write_user(path, ok, 1, &e), -1);
    assert_non_null(strstr(e.msg, "not saved"));
    char *text = tu_slurp(path, NULL);
    assert_string_equal(text, "[targets\nmooc = 80\n");
    free(text);
}

/* A settings file that is a symbolic link is never written through: saving
 * fails with the reason and the link's target keeps its content. */
static void symbolic_link_not_followed(void **state)
{
    (void)state;
    char target[600], link_path[600];
    snprintf(target, sizeof target, "%s", in_dir("real.ini"));
    snprintf(link_path, sizeof link_path, "%s", in_dir("link.ini"));
    write_text(target, "[targets]\nmooc = 80\n");
    assert_int_equal(symlink(target, link_path), 0);
    const config_change ch[] = {{"targets", "mooc", "50"}};
    cdtt_err e = {{0}};
    assert_int_equal(config_write_user(link_path, ch, 1, &e), -1);
    assert_non_null(strstr(e.msg, "symbolic link"));
    char *text = tu_slurp(target, NULL);
    assert_string_equal(text, "[targets]\nmooc = 80\n");
    free(text);
}

/* Tries to save into a folder without write permission; the old file stays.
 * Run as an ordinary user (root may write anywhere). Returns 0 when all held. */
static int unwritable_folder_case(const char *sub, const char *path)
{
    const config_change ch[] = {{"targets", "mooc", "50"}};
    cdtt_err e = {{0}};
    if (config_write_user(path, ch, 1, &e) != -1)
        return 1;
    if (!strstr(e.msg, "cannot write the settings in this folder") || !strstr(e.msg, path))
        return 2;
    char *text = tu_slurp(path, NULL);
    int same = strcmp(text, "[targets]\nmooc = 80\n") == 0;
    free(text);
    (void)sub;
    return same ? 0 : 3;
}

static void read_only_folder_keeps_old_file(void **state)
{
    (void)state;
    char sub[700], path[760];
    snprintf(sub, sizeof sub, "%s/ro", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/cdtt.ini", sub);
    write_text(path, "[targets]\nmooc = 80\n");
    if (geteuid() != 0) {
        assert_int_equal(chmod(sub, 0500), 0);
        int rc = unwritable_folder_case(sub, path);
        chmod(sub, 0700);
        assert_int_equal(rc, 0);
        return;
    }
    /* As root: the same check in a child that becomes the user "nobody". */
    struct passwd *pw = getpwnam("nobody");
    assert_non_null(pw);
    assert_int_equal(chmod(dir, 0755), 0);
    assert_int_equal(chown(path, pw->pw_uid, pw->pw_gid), 0);
    assert_int_equal(chmod(sub, 0555), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
            _exit(9);
        _exit(unwritable_folder_case(sub, path));
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    chmod(sub, 0700);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

/* A single value is checked exactly as a file line would be. */
static void set_value_checks_like_a_file(void **state)
{
    (void)state;
    cdtt_config c;
    config_defaults(&c);
    cdtt_err e = {{0}};
    assert_int_equal(config_set_value(&c, "targets", "zalo", " 75% ", &e), 0);
    assert_true(c.targets[TARGET_ZALO].percent == 75);
    assert_int_equal(config_set_value(&c, "targets", "zalo", "175", &e), -1);
    assert_true(c.targets[TARGET_ZALO].percent == 75);
    assert_string_equal(e.msg, "zalo must be a percentage from 0 to 100, not '175'");
    char v[64];
    config_value_text(&c, "targets", "zalo_deadline", v, sizeof v);
    assert_string_equal(v, "2022-09-30");
    config_value_text(&c, "targets", "zalo", v, sizeof v);
    assert_string_equal(v, "75");
}

/* An alias goes into [aliases] (the section added when missing, created with
 * the file), other lines stay, the same value written again (other case or
 * spacing) replaces its line, and it reads back as the commune's word. */
static void alias_written_and_replaced(void **state)
{
    (void)state;
    char path[700];
    snprintf(path, sizeof path, "%s/al/cdtt/cdtt.ini", dir);
    cdtt_err e = {{0}};
    assert_int_equal(config_write_alias(path, "category", "Cán bộ y tế thôn", "Y tế", &e), 0);
    cdtt_config c = load(path);
    assert_int_equal(c.n_aliases, 1);
    enum choice_how how;
    const char *code = choice_interpret(CHOICES_CATEGORY, "category", "CÁN BỘ Y TẾ THÔN", c.aliases, c.n_aliases, &how);
    assert_non_null(code);
    assert_int_equal(how, CHOICE_USER);
    assert_string_equal(code, choice_interpret(CHOICES_CATEGORY, "category", "Y tế", NULL, 0, NULL));

    write_text(path, "; mine\n[ui]\nlang = en\n[aliases]\nrole.Tổ viên = Thành viên\ncategory.cán bộ  y tế thôn = Y tế\n");
    assert_int_equal(config_write_alias(path, "category", "Cán bộ y tế thôn", "Giáo viên", &e), 0);
    char *text = tu_slurp(path, NULL);
    assert_non_null(strstr(text, "; mine\n[ui]\nlang = en\n[aliases]\nrole.Tổ viên = Thành viên\n"));
    assert_non_null(strstr(text, "category.Cán bộ y tế thôn = Giáo viên\n"));
    assert_null(strstr(text, "= Y tế"));
    free(text);
    c = load(path);
    assert_int_equal(c.n_aliases, 2);
    assert_string_equal(c.lang, "en");
}

/* A value an ini line cannot keep, an unknown list or item: refused, nothing written. */
static void bad_aliases_refused(void **state)
{
    (void)state;
    const char *path = in_dir("bad-alias.ini");
    write_text(path, "[ui]\nlang = vi\n");
    cdtt_err e = {{0}};
    assert_int_equal(config_write_alias(path, "category", "a = b", "Y tế", &e), -1);
    assert_int_equal(config_write_alias(path, "category", "x;y", "Y tế", &e), -1);
    assert_int_equal(config_write_alias(path, "colour", "Đỏ", "Y tế", &e), -1);
    assert_int_equal(config_write_alias(path, "category", "Bác sĩ", "Không có", &e), -1);
    char *text = tu_slurp(path, NULL);
    assert_string_equal(text, "[ui]\nlang = vi\n");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip_new_file),
        cmocka_unit_test(unknown_lines_are_kept),
        cmocka_unit_test(bad_values_write_nothing),
        cmocka_unit_test(symbolic_link_not_followed),
        cmocka_unit_test(read_only_folder_keeps_old_file),
        cmocka_unit_test(set_value_checks_like_a_file),
        cmocka_unit_test(alias_written_and_replaced),
        cmocka_unit_test(bad_aliases_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
