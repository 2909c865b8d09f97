/* list-array.c — a list_source page function over rows held in memory, so
 * that short in-memory lists (conflicts, communes, files) use the list widget. */
#include "tui-exchange.h"

#include <stdlib.h>
#include <string.h>

int list_array_page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    (void)e;
    const list_array *a = l->ctx;
    array_row *out = rows;
    int start, end; /* [start, end) of positions to give */
    if (dir > 0) {
        start = from ? ((const array_row *)from)->pos + 1 : 0;
        end = start + limit < a->n ? start + limit : a->n;
    } else {
        end = from ? ((const array_row *)from)->pos : a->n;
        if (end > a->n)
            end = a->n;
        start = end - limit > 0 ? end - limit : 0;
    }
    int k = 0;
    for (int p = start; p < end; p++, k++) {
        out[k].pos = p;
        out[k].item = a->items[p];
    }
    return k;
}

void list_array_all(list_array *a, int n)
{
    list_array_filter(a, n, NULL, NULL);
}

void list_array_filter(list_array *a, int n, bool (*keep)(void *ctx, int item), void *ctx)
{
    free(a->items);
    a->items = xmalloc(sizeof *a->items * (size_t)(n > 0 ? n : 1));
    a->n = 0;
    for (int i = 0; i < n; i++)
        if (!keep || keep(ctx, i))
            a->items[a->n++] = i;
}

void list_array_free(list_array *a)
{
    free(a->items);
    a->items = NULL;
    a->n = 0;
}
