/* csvio-summary.c — the lists an import summary holds. */
#include "csvio.h"

#include <stdlib.h>
#include <string.h>

void csvio_list_push(char ***list, int *n, char *item)
{
    *list = xrealloc(*list, (size_t)(*n + 1) * sizeof **list);
    (*list)[(*n)++] = item;
}

void csvio_import_summary_free(csvio_import_summary *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->n_problems; i++)
        free(s->problems[i]);
    for (int i = 0; i < s->n_created; i++)
        free(s->created[i]);
    for (int i = 0; i < s->n_ignored; i++)
        free(s->ignored_columns[i]);
    for (int i = 0; i < s->n_columns; i++)
        free(s->columns[i]);
    for (int i = 0; i < s->n_values; i++) {
        free(s->values[i]);
        if (s->choice_values)
            free(s->choice_values[i].value);
    }
    free(s->choice_values);
    for (int i = 0; i < s->n_unknown; i++)
        free(s->unknown[i]);
    for (int i = 0; i < s->n_preview; i++)
        free(s->preview[i]);
    free(s->columns);
    free(s->values);
    free(s->unknown);
    free(s->preview);
    for (int i = 0; i < s->n_changes; i++)
        free(s->changes[i]);
    free(s->changes);
    free(s->problems);
    free(s->created);
    free(s->ignored_columns);
    memset(s, 0, sizeof *s);
}
