/* field-labels.h — readable names and numbers of the content columns of the
 * travelling tables (db/field-labels.c). */
#ifndef CDTT_FIELD_LABELS_H
#define CDTT_FIELD_LABELS_H

/* The translated label of table.column ("Full name", "Họ và tên"), or the column itself. */
const char *field_label(const char *table, const char *column);

/* The column's number among table's content columns (1-based, stable), or 0. */
int field_number(const char *table, const char *column);

/* The content column of table with that number, or NULL. */
const char *field_by_number(const char *table, int number);

/* A value of table.column as people read it (malloc'd): a choice by its label,
 * yes or no, a date as dd/mm/yyyy; anything else as it is. */
char *field_display(const char *table, const char *column, const char *value);

#endif
