/* progress-copy.c — copying query results into fixed buffers without breaking UTF-8. */
#include "progress-sql.h"

#include <string.h>

void progress_copy_col(char *dst, size_t n, sqlite3_stmt *st, int col)
{
    const char *s = (const char *)sqlite3_column_text(st, col);
    size_t len = s ? strlen(s) : 0;
    if (len >= n) {
        len = n - 1;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--; /* s[len] would start the cut-off part: back to a lead byte */
    }
    if (len)
        memcpy(dst, s, len);
    dst[len] = '\0';
}
