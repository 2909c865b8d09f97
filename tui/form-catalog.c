/* form-catalog.c — form rows made from the field catalogue (fields.h): each
 * row's label, kind, choice list, length and whether it is required come from
 * its catalogue row, and its value is read and written where the catalogue
 * says the record's struct keeps it. */
#include "tui-form.h"
#include "fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The columns a yes/no field shows ("Không"). */
#define YESNO_CHARS 6

/* Every row made from the catalogue, and for each the field it shows and
 * where the struct of that field's kind starts within the form's record. The
 * rows have no get or set of their own: that is how form_row_get knows them. */
#define POOL_ROWS 64
static form_field pool[POOL_ROWS];
static struct {
    const field_def *def;
    size_t at;
} where[POOL_ROWS];
static int used;

/* The form's kind of field for catalogue field d. */
static field_kind kind_of(const field_def *d)
{
    switch (d->type) {
    case FIELD_CHOICE:
        return FK_CHOICE;
    case FIELD_BOOL:
        return FK_YESNO;
    case FIELD_DATE:
        return d->flags & FIELD_YEAR ? FK_BIRTH : FK_DATE;
    default:
        break;
    }
    static const field_kind BY_FORMAT[] = {
        [FIELD_FMT_LINE] = FK_TEXT,   [FIELD_FMT_NAME] = FK_NAME,   [FIELD_FMT_PHONE] = FK_PHONE,
        [FIELD_FMT_CCCD] = FK_CCCD,   [FIELD_FMT_EMAIL] = FK_EMAIL,
    };
    return BY_FORMAT[d->format];
}

/* Adds a row to the pool: a copy of hand, or (hand NULL) the row of d. */
static void add_row(const form_field *hand, const field_def *d, size_t at)
{
    if (used >= POOL_ROWS)
        abort(); /* a bigger catalogue needs a bigger pool */
    form_field *r = &pool[used];
    if (hand) {
        *r = *hand;
    } else {
        field_kind k = kind_of(d);
        *r = (form_field){.label = d->label, .column = d->column, .kind = k, .choices = d->choices};
        r->width = k == FK_YESNO ? YESNO_CHARS : field_max_chars(d);
        r->required = k == FK_YESNO || (d->flags & FIELD_REQUIRED);
        where[used].def = d;
        where[used].at = at;
    }
    used++;
}

/* The row of hand (ending with label NULL) for column, or NULL. */
static const form_field *hand_row(const form_field *hand, const char *column)
{
    for (; hand && hand->label; hand++)
        if (strcmp(hand->column, column) == 0)
            return hand;
    return NULL;
}

/* Whether layout (NULL-ended) names column. */
static bool named(const char *const *layout, const char *column)
{
    for (; *layout; layout++)
        if (strcmp(*layout, column) == 0)
            return true;
    return false;
}

form_field *form_rows_of(const char *table, const char *const *layout, size_t at, const form_field *hand)
{
    const record_kind *k = record_kind_of(table);
    form_field *first = &pool[used];
    for (const char *const *c = layout; *c; c++) {
        const form_field *h = hand_row(hand, *c);
        const field_def *d = h ? NULL : field_of(table, *c);
        if (!h && !d)
            abort(); /* the layout names a column that is neither catalogued nor given */
        add_row(h, d, at);
    }
    for (const field_def *d = k ? k->fields : NULL; d && d->column; d++)
        if (field_is_content(d) && !named(layout, d->column))
            add_row(NULL, d, at);
    add_row(&(form_field){.label = NULL}, NULL, 0);
    return first;
}

void form_row_get(const form_field *fd, const void *rec, char *out, size_t n)
{
    if (fd->get) {
        fd->get(rec, out, n);
        return;
    }
    const field_def *d = where[fd - pool].def;
    const char *at = (const char *)rec + where[fd - pool].at + d->off;
    if (d->type == FIELD_BOOL || d->type == FIELD_COUNT)
        snprintf(out, n, "%d", *(const int *)at);
    else
        snprintf(out, n, "%s", at);
}

void form_row_set(const form_field *fd, void *rec, const char *value)
{
    if (fd->set) {
        fd->set(rec, value);
        return;
    }
    const field_def *d = where[fd - pool].def;
    char *at = (char *)rec + where[fd - pool].at + d->off;
    if (d->type == FIELD_BOOL)
        *(int *)at = value[0] == '1';
    else if (d->type == FIELD_COUNT)
        *(int *)at = atoi(value);
    else
        snprintf(at, d->size, "%s", value);
}
