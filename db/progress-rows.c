/* progress-rows.c — finding and adding the rows of a progress table by key. */
#include "progress-sql.h"
#include "db.h"

#include <stdlib.h>
#include <string.h>

int progress_row_cmp_key(const void *a, const void *b)
{
    return strcmp(((const progress_row *)a)->key, ((const progress_row *)b)->key);
}

void progress_sort_keys(progress_table *t)
{
    for (int i = 1; i < t->n_rows; i++)
        if (progress_row_cmp_key(&t->rows[i - 1], &t->rows[i]) > 0) {
            qsort(t->rows, (size_t)t->n_rows, sizeof *t->rows, progress_row_cmp_key);
            return;
        }
}

progress_row *progress_find_row(progress_table *t, int n_sorted, const char *key, int add)
{
    progress_row probe;
    snprintf(probe.key, sizeof probe.key, "%s", key);
    progress_row *r =
        n_sorted ? bsearch(&probe, t->rows, (size_t)n_sorted, sizeof *t->rows, progress_row_cmp_key) : NULL;
    if (r || !add)
        return r;
    /* Room doubles when the count reaches a power of two (16, 32, ...): a national
     * table by village has tens of thousands of rows. */
    int n = t->n_rows;
    if (n == 0 || (n >= 16 && (n & (n - 1)) == 0))
        t->rows = xrealloc(t->rows, (size_t)(n ? 2 * n : 16) * sizeof *t->rows);
    r = &t->rows[t->n_rows++];
    memset(r, 0, sizeof *r);
    r->sent = -1;
    snprintf(r->key, sizeof r->key, "%s", key);
    return r;
}
