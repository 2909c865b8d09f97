/* fuzz_csv.c — the CSV reader (db/csv.c) over memory: any bytes give records or
 * a clean error, never a crash, and every field it returns is valid UTF-8. */
#include "csv.h"
#include "fuzz_util.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init_once();
    cdtt_err e = {{0}};
    /* A private copy of exactly size bytes, so ASan sees any read past the end. */
    char *buf = malloc(size ? size : 1);
    if (!buf)
        abort();
    memcpy(buf, data, size);
    csv_reader *r = csv_open_mem(buf, size, &e);
    if (r) {
        char **fields;
        int n, rows = 0;
        static const char *const NAMES[] = {"ho va ten", "so dien thoai", NULL};
        while ((n = csv_next(r, &fields, &e)) > 0) {
            for (int i = 0; i < n; i++)
                if (!text_valid_utf8(fields[i], strlen(fields[i])))
                    abort();
            if (rows++ == 0)
                (void)csv_find_column(fields, n, NAMES);
            (void)csv_line(r);
        }
        if (n < 0 && !e.msg[0])
            abort(); /* an error must say why */
        csv_close(r);
    }
    free(buf);
    return 0;
}
