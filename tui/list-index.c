/* list-index.c — a list_source page over row numbers 0..count-1 of rows a screen holds in memory. */
#include "tui-training.h"
#include "tui-list.h"

#include <stdlib.h>

int list_index_page(int count, const void *from, int dir, int limit, void *rows)
{
    int *out = rows;
    int start = from ? *(const int *)from + dir : (dir > 0 ? 0 : count - 1);
    int got = 0;
    if (dir > 0) {
        for (int i = start; i < count && got < limit; i++)
            out[got++] = i;
        return got;
    }
    int first = start - limit + 1;
    if (first < 0)
        first = 0;
    for (int i = first; i <= start && i < count; i++)
        out[got++] = i;
    return got;
}

void list_index_show(list_view *l, int first, int sel)
{
    free(l->anchor);
    l->anchor = NULL;
    if (first > 0) {
        l->anchor = xmalloc(sizeof(int));
        *(int *)l->anchor = first;
    }
    l->sel = sel - first > 0 ? sel - first : 0;
    l->stale = true;
}
