/* validate-fields.h — the checks every record gets from its field catalogue
 * (fields.h), whatever its kind: for the db/records-*.c files, which add
 * the rules that join several fields by hand. */
#ifndef CDTT_VALIDATE_FIELDS_H
#define CDTT_VALIDATE_FIELDS_H

#include "fields.h"
#include "records.h"

/* Brings every content field of rec (a struct of kind k) to its stored form
 * by its kind of value: names, lines and notes cleaned and kept within their
 * length (field_max_chars), phone, CCCD and e-mail in their stored forms, dates
 * as YYYY-MM-DD (a birth date also YYYY), yes/no as 0 or 1. A value that
 * cannot be read stays as it was, with an error about its column in f;
 * warnings are the forms' to show. */
void record_fields_clean(const record_kind *k, void *rec, findings *f);

/* Adds to f an error for each content field of rec (kind k) that is wrong
 * for its row: a required text left empty, a choice not of its list (or
 * empty when required), a date not in its stored form. */
void record_fields_check(const record_kind *k, const void *rec, findings *f);

#endif
