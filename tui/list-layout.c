/* list-layout.c — lines of a list laid out from its table of columns
 * (tui-columns.h). */
#include "tui-columns.h"
#include "cdtt.h"
#include "tui-list.h"

#define MAX_COLUMNS 16

void list_layout_widths(const list_layout *lay, int cols, int *w)
{
    int others = 0;
    for (int i = 0; i < lay->n; i++) {
        w[i] = lay->cols[i].width;
        if (i != lay->flex)
            others += w[i];
    }
    if (lay->flex < 0)
        return;
    int share = lay->flex_share > 0 ? lay->flex_share : 1;
    int fw = (cols - others) / share;
    w[lay->flex] = fw < lay->flex_min ? lay->flex_min : fw;
}

void list_layout_row(const list_layout *lay, char *out, size_t outlen, int cols, const char *const *texts)
{
    int w[MAX_COLUMNS];
    int n = lay->n < MAX_COLUMNS ? lay->n : MAX_COLUMNS;
    list_layout lim = *lay;
    lim.n = n;
    list_layout_widths(&lim, cols, w);
    list_columns(out, outlen, cols, w, texts, n);
}

void list_layout_header(const list_layout *lay, char *out, size_t outlen, int cols)
{
    const char *t[MAX_COLUMNS];
    int n = lay->n < MAX_COLUMNS ? lay->n : MAX_COLUMNS;
    for (int i = 0; i < n; i++)
        t[i] = _(lay->cols[i].title);
    list_layout_row(lay, out, outlen, cols, t);
}
