/* progress-rank.c — ordering the rows of a progress table and keeping those behind schedule. */
#include "progress.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

int progress_order_parse(const char *s, progress_order *o)
{
    static const char *const names[] = {"progress", "name", "code"};
    for (int i = 0; i < 3; i++)
        if (s && strcmp(s, names[i]) == 0) {
            *o = (progress_order)(i + 1);
            return 0;
        }
    return -1;
}

double progress_score(const progress_row *r, int ind)
{
    double sum = 0;
    int n = 0;
    for (int k = 0; k < TARGET_COUNT; k++) {
        if (ind >= 0 && k != ind)
            continue;
        long part, whole;
        progress_fraction(r, (enum target_indicator)k, &part, &whole);
        double p = progress_percent(part, whole);
        if (p >= 0) {
            sum += p;
            n++;
        }
    }
    return n ? sum / n : -1;
}

/* A row with what qsort needs to order it. */
typedef struct {
    progress_row row;
    char *name_key; /* Vietnamese sort key of the name */
    double score;
} ranked;

static progress_order order_;

/* Rows of one commune stay together (rows below a commune), then the order asked for. */
static int by_order(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    int c = strcmp(x->row.commune_code, y->row.commune_code);
    if (c)
        return c;
    if (order_ == PROGRESS_SORT_PROGRESS) {
        int xs = x->row.sent != 0 && x->score >= 0, ys = y->row.sent != 0 && y->score >= 0;
        if (xs != ys)
            return ys - xs; /* nothing to count, or nothing sent: last */
        if (x->score != y->score)
            return x->score < y->score ? 1 : -1;
    }
    if (order_ == PROGRESS_SORT_CODE && (c = strcmp(x->row.code, y->row.code)) != 0)
        return c;
    if ((c = strcmp(x->name_key, y->name_key)) != 0)
        return c;
    return strcmp(x->row.key, y->row.key);
}

void progress_sort(progress_table *t, progress_order o, int ind)
{
    if (o == PROGRESS_SORT_DEFAULT || t->n_rows < 2)
        return;
    ranked *rs = xmalloc((size_t)t->n_rows * sizeof *rs);
    for (int i = 0; i < t->n_rows; i++) {
        rs[i].row = t->rows[i];
        rs[i].name_key = text_sort_key(t->rows[i].name);
        rs[i].score = progress_score(&t->rows[i], ind);
    }
    order_ = o;
    qsort(rs, (size_t)t->n_rows, sizeof *rs, by_order);
    for (int i = 0; i < t->n_rows; i++) {
        t->rows[i] = rs[i].row;
        free(rs[i].name_key);
    }
    free(rs);
}

void progress_keep_behind(progress_table *t)
{
    int kept = 0;
    for (int i = 0; i < t->n_rows; i++) {
        const progress_row *r = &t->rows[i];
        int behind = 0;
        for (int k = 0; k < TARGET_COUNT && !behind; k++) {
            long part, whole;
            progress_fraction(r, (enum target_indicator)k, &part, &whole);
            behind = progress_status_of(&t->targets[k], part, whole, t->as_of) == PSTATUS_BEHIND;
        }
        if (behind)
            t->rows[kept++] = *r;
    }
    t->n_rows = kept;
}
