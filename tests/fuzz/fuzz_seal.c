/* fuzz_seal.c — libFuzzer harness for opening packages encrypted to the office
 * above (package_unseal, db/package-seal.c), the first thing an import does
 * with a file from outside.
 *
 * The target is province 01 with a key pair made from a fixed seed
 * (fuzz_keys.h). The first byte of an input chooses what the rest is:
 *   0  a sealed file as it arrived (any bytes);
 *   1  a package's plain bytes, sealed here to the province, then opened;
 *   2  the same, sealed, then damaged before it is opened: the next two bytes
 *      say where, the third how (a byte changed, or the file cut there).
 * What must hold: a refusal says why and leaves no output file; an opened
 * file exists; and whatever opens from a file sealed here is exactly the
 * plain bytes that were sealed (damage is refused, never turned into other
 * content). */
#include "fuzz_keys.h"
#include "package-seal.h"

#include <sys/stat.h>

static const char NAME[] = "fuzz_seal";

/* A path in a private folder made once per process (name: its file name). */
static const char *work_path(const char *name)
{
    static char dir[256];
    static char path[4][300];
    static int used;
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/cdtt-fuzz-seal.XXXXXX", tmp && *tmp ? tmp : "/tmp");
        fuzz_must(mkdtemp(dir) != NULL, NAME, "mkdtemp", NULL);
    }
    for (int i = 0; i < used; i++)
        if (strcmp(strrchr(path[i], '/') + 1, name) == 0)
            return path[i];
    fuzz_must(used < 4, NAME, "too many paths", name);
    snprintf(path[used], sizeof path[used], "%s/%s", dir, name);
    return path[used++];
}

static void write_file(const char *path, const uint8_t *data, size_t n)
{
    unlink(path);
    FILE *f = fopen(path, "wb");
    fuzz_must(f && (n == 0 || fwrite(data, 1, n, f) == n) && fclose(f) == 0, NAME, "cannot write", path);
}

static int exists(const char *path)
{
    struct stat sb;
    return lstat(path, &sb) == 0;
}

/* Opens sealed into a fresh output file; checks what every outcome must hold.
 * Returns package_unseal's result. */
static int open_checked(sqlite3 *db, const char *sealed, const char *out)
{
    cdtt_err e = {{0}};
    unlink(out);
    int rc = package_unseal(db, sealed, out, &e);
    fuzz_must(rc == 0 || rc == -1, NAME, "unseal returned neither 0 nor -1", NULL);
    fuzz_must(rc == 0 ? exists(out) : !exists(out), NAME,
              rc == 0 ? "opened, but no output file" : "refused, but an output file is left", e.msg);
    fuzz_must(rc == 0 || e.msg[0], NAME, "refused without a reason", NULL);
    return rc;
}

/* Whether the file path holds exactly data[0..n). */
static int holds(const char *path, const uint8_t *data, size_t n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    uint8_t *buf = malloc(n + 1);
    fuzz_must(buf != NULL, NAME, "out of memory", NULL);
    size_t got = fread(buf, 1, n + 1, f);
    fclose(f);
    int same = got == n && (n == 0 || memcmp(buf, data, n) == 0);
    free(buf);
    return same;
}

/* Damages the file: at offset (modulo its size) a byte changed by x, or (cut) the file ends there. */
static void damage(const char *path, size_t offset, uint8_t x, int cut)
{
    struct stat sb;
    fuzz_must(stat(path, &sb) == 0 && sb.st_size > 0, NAME, "the sealed file is missing", path);
    size_t at = offset % (size_t)sb.st_size;
    if (cut) {
        fuzz_must(truncate(path, (off_t)at) == 0, NAME, "truncate", path);
        return;
    }
    FILE *f = fopen(path, "r+b");
    fuzz_must(f != NULL, NAME, "cannot reopen", path);
    fseek(f, (long)at, SEEK_SET);
    int c = fgetc(f);
    fseek(f, (long)at, SEEK_SET);
    fputc((c ^ (x ? x : 1)) & 0xff, f);
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned char pk[KEY_PUBLIC_BYTES];
    sqlite3 *db = fuzz_keyed_office(pk);
    const char *in = work_path("in"), *sealed = work_path("sealed"), *out = work_path("out");
    int mode = data[0] % 3;
    const uint8_t *body = data + 1;
    size_t n = size - 1;
    if (mode == 0) {
        write_file(in, body, n);
        open_checked(db, in, out);
        return 0;
    }
    size_t offset = 0;
    uint8_t how = 0;
    if (mode == 2) {
        if (n < 3)
            return 0;
        offset = (size_t)body[0] << 8 | body[1];
        how = body[2];
        body += 3;
        n -= 3;
    }
    cdtt_err e = {{0}};
    write_file(in, body, n);
    unlink(sealed);
    fuzz_must(package_seal(in, sealed, "2025-07", "01", pk, &e) == 0, NAME, "cannot seal", e.msg);
    fuzz_must(package_is_sealed(sealed), NAME, "a sealed file is not seen as sealed", NULL);
    if (mode == 2)
        damage(sealed, offset, how >> 1, how & 1);
    int rc = open_checked(db, sealed, out);
    if (mode == 1)
        fuzz_must(rc == 0, NAME, "a file sealed to this office does not open", NULL);
    if (rc == 0)
        fuzz_must(holds(out, body, n), NAME, "what opened is not what was sealed", NULL);
    return 0;
}
