/* test_outfile.c — the one safe writer (outfile.h): never through a link, never
 * over a device, a pipe or a folder, never over a file without force; a file
 * appears complete with mode 0600; a full disk is called a full disk. And the
 * training screens' F2 export (training_export), which writes through it. */
#include "testutil.h"
#include "outfile.h"
#include "tui-training.h"

#include <errno.h>
#include <sys/stat.h>

/* dir/name (a static buffer; one at a time). */
static const char *at(const char *name)
{
    static char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

/* The whole content of path (it must exist), malloc'd. */
static char *slurp(const char *path)
{
    return tu_slurp(path, NULL);
}

/* Writes text to path through the safe writer. */
static int write_text(const char *path, int force, const char *text, cdtt_err *e)
{
    outfile o;
    FILE *f = outfile_fopen(&o, path, force, e);
    if (!f)
        return -1;
    fputs(text, f);
    return outfile_fclose(&o, f, 1, e);
}

/* The number of entries of dir whose name contains ".tmp-" (leftovers). */
static int leftovers(void)
{
    char cmd[800];
    snprintf(cmd, sizeof cmd, "ls -a '%s' | grep -c '\\.tmp-'", dir);
    FILE *p = popen(cmd, "r");
    int n = -1;
    if (p) {
        if (fscanf(p, "%d", &n) != 1)
            n = -1;
        pclose(p);
    }
    return n;
}

static void new_file_then_force(void **state)
{
    (void)state;
    cdtt_err e;
    char path[700];
    snprintf(path, sizeof path, "%s", at("a.csv"));
    assert_int_equal(write_text(path, 0, "one", &e), 0);
    char *s = slurp(path);
    assert_string_equal(s, "one");
    free(s);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    assert_int_equal(write_text(path, 0, "two", &e), -1);
    assert_non_null(strstr(e.msg, "--force"));
    s = slurp(path);
    assert_string_equal(s, "one");
    free(s);
    assert_int_equal(write_text(path, 1, "two", &e), 0);
    s = slurp(path);
    assert_string_equal(s, "two");
    free(s);
    assert_int_equal(leftovers(), 0);
}

/* A link is never followed nor replaced, even with force: its target keeps its content. */
static void symbolic_link_refused(void **state)
{
    (void)state;
    char target[700], link_path[700];
    snprintf(target, sizeof target, "%s", at("precious.txt"));
    snprintf(link_path, sizeof link_path, "%s", at("link.csv"));
    FILE *f = fopen(target, "w");
    fputs("keep me", f);
    fclose(f);
    assert_int_equal(symlink(target, link_path), 0);
    for (int force = 0; force <= 1; force++) {
        cdtt_err e;
        assert_int_equal(write_text(link_path, force, "overwritten", &e), -1);
        assert_non_null(strstr(e.msg, "symbolic link"));
        char *s = slurp(target);
        assert_string_equal(s, "keep me");
        free(s);
        struct stat sb;
        assert_int_equal(lstat(link_path, &sb), 0);
        assert_true(S_ISLNK(sb.st_mode));
    }
    /* A dangling link: the file it names is not created. */
    cdtt_err e;
    char dangling[700], nowhere[700];
    snprintf(nowhere, sizeof nowhere, "%s", at("nowhere.txt"));
    snprintf(dangling, sizeof dangling, "%s", at("dangling.csv"));
    assert_int_equal(symlink(nowhere, dangling), 0);
    assert_int_equal(write_text(dangling, 1, "x", &e), -1);
    assert_int_equal(access(nowhere, F_OK), -1);
    assert_int_equal(leftovers(), 0);
}

/* A pipe, a folder: refused even with force, and left as they are. */
static void not_a_regular_file_refused(void **state)
{
    (void)state;
    char fifo[700];
    snprintf(fifo, sizeof fifo, "%s", at("pipe.csv"));
    assert_int_equal(mkfifo(fifo, 0600), 0);
    cdtt_err e;
    assert_int_equal(write_text(fifo, 1, "x", &e), -1);
    assert_non_null(strstr(e.msg, "not an ordinary file"));
    struct stat sb;
    assert_int_equal(lstat(fifo, &sb), 0);
    assert_true(S_ISFIFO(sb.st_mode));
    assert_int_equal(outfile_check(dir, 1, &e), -1);
    assert_non_null(strstr(e.msg, "folder"));
    assert_int_equal(outfile_check("/dev/null", 1, &e), -1);
    assert_int_equal(outfile_check("", 1, &e), -1);
    assert_int_equal(leftovers(), 0);
}

/* outfile_place: the rules of commit for a temporary file made elsewhere. */
static void place_keeps_the_rules(void **state)
{
    (void)state;
    char tmp[700], dest[700];
    snprintf(tmp, sizeof tmp, "%s", at("made.tmp"));
    snprintf(dest, sizeof dest, "%s", at("placed.cdtt"));
    FILE *f = fopen(tmp, "w");
    fputs("package", f);
    fclose(f);
    cdtt_err e;
    assert_int_equal(outfile_place(tmp, dest, 0, &e), 0);
    assert_int_equal(access(tmp, F_OK), -1);
    f = fopen(tmp, "w");
    fputs("again", f);
    fclose(f);
    assert_int_equal(outfile_place(tmp, dest, 0, &e), -1);
    assert_non_null(strstr(e.msg, "already exists"));
    assert_int_equal(outfile_place(tmp, dest, 1, &e), 0);
    char *s = slurp(dest);
    assert_string_equal(s, "again");
    free(s);
}

static void io_reasons(void **state)
{
    (void)state;
    assert_string_equal(io_reason(ENOSPC), "the disk is full");
    assert_string_equal(io_reason(EDQUOT), "the disk is full");
    assert_string_equal(io_reason(ENOENT), strerror(ENOENT));
}

static void emit_text(FILE *f, void *ctx, report_format fmt)
{
    (void)ctx;
    fputs(fmt == REPORT_CSV ? "csv" : "text", f);
}

/* A question the export below must never ask (no file is replaced). */
static bool never_asked(tui_ctx *cx, const char *question)
{
    (void)cx;
    fail_msg("asked: %s", question);
    return false;
}

/* The F2 export of the training screens: a link named like the report is never
 * followed (its target is not truncated); a fresh name is written. */
static void training_export_never_follows_a_link(void **state)
{
    (void)state;
    char cwd[700], victim[700], stem[64] = "tien-do-2026-01-01";
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);
    snprintf(victim, sizeof victim, "%s", at("victim.db"));
    FILE *f = fopen(victim, "w");
    fputs("the office's data", f);
    fclose(f);
    assert_int_equal(symlink(victim, "tien-do-2026-01-01.csv"), 0);
    char msg[512];
    tui_ctx cx = {.confirm = never_asked};
    assert_int_equal(training_export(&cx, stem, emit_text, NULL, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "symbolic link"));
    char *s = slurp(victim);
    assert_string_equal(s, "the office's data");
    free(s);
    assert_int_equal(access("tien-do-2026-01-01.txt", F_OK), -1);
    assert_int_equal(training_export(&cx, "con-thieu-mooc", emit_text, NULL, msg, sizeof msg), 0);
    s = slurp("con-thieu-mooc.csv");
    assert_string_equal(s, "csv");
    free(s);
    s = slurp("con-thieu-mooc.txt");
    assert_string_equal(s, "text");
    free(s);
    assert_int_equal(chdir(cwd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_file_then_force),
        cmocka_unit_test(symbolic_link_refused),
        cmocka_unit_test(not_a_regular_file_refused),
        cmocka_unit_test(place_keeps_the_rules),
        cmocka_unit_test(io_reasons),
        cmocka_unit_test(training_export_never_follows_a_link),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
