/* fuzz_config.c — config_load_file (db/config.c, iniparser underneath) on any
 * file: a setting or a clean "FILE:LINE" error, and a bad file leaves the
 * settings exactly as they were. */
#include "config.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init_once();
    const char *path = fuzz_file(data, size, ".ini");
    static cdtt_config c, before;
    config_defaults(&c);
    before = c;
    cdtt_err e = {{0}};
    if (config_load_file(&c, path, 1, &e) < 0) {
        if (!e.msg[0] || memcmp(&c, &before, sizeof c) != 0)
            abort();
    } else if (strnlen(c.lang, sizeof c.lang) == sizeof c.lang) {
        abort();
    }
    return 0;
}
