/* fuzz_util.h — helpers shared by the libFuzzer harnesses in tests/fuzz/.
 *
 * Build and run them with `make fuzz` (FUZZ_SECONDS each, default 600) or
 * `make fuzz-smoke` (20 s each): the db/ and tui/ sources are compiled with clang
 * into build-fuzz/ with -fsanitize=fuzzer-no-link,address,undefined, and each
 * harness is linked with -fsanitize=fuzzer. Seeds: tests/fuzz/seeds/NAME/
 * (hand-made, committed) plus, added by tests/fuzz/make-seeds.sh into
 * build-fuzz/corpus/NAME/, slices of ../shared/data when that folder exists and
 * packages exported by ./cdtt. A harness's own libFuzzer flags and dictionary:
 * tests/fuzz/fuzz_NAME.flags and fuzz_NAME.dict. */
#ifndef CDTT_FUZZ_UTIL_H
#define CDTT_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cdtt.h"
#include "i18n.h"

/* libFuzzer's entry points that a harness defines. TestOneInput: runs the code
 * under test on one input, returns 0, and crashes (abort, sanitizer report) on a
 * finding. CustomMutator (optional): changes data (size bytes, at most max_size)
 * in place and returns its new size. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

/* The input as a NUL-terminated malloc'd string (embedded NULs end it early,
 * as they would for any C string the program receives). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* Writes the input to a private temporary file, made once per process and
 * rewritten on every call; returns its path. */
static inline const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
    static char path[256];
    if (!path[0]) {
        const char *dir = getenv("TMPDIR");
        snprintf(path, sizeof path, "%s/cdtt-fuzz.XXXXXX%s", dir && *dir ? dir : "/tmp", suffix);
        int fd = mkstemps(path, (int)strlen(suffix));
        if (fd < 0)
            abort();
        close(fd);
    }
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    return path;
}

/* Messages in English, whatever the machine's locale: once per process. */
static inline void fuzz_init_once(void)
{
    static int done;
    if (!done) {
        setenv("CDTT_LOCALEDIR", "/nonexistent", 1);
        i18n_init("en");
        done = 1;
    }
}

#endif
