/* validate.h — checking and normalising what a person types. Pure functions:
 * no database, no terminal. Each returns the worst severity it found and, for
 * anything but VALID_OK, a translated message in r->msg. */
#ifndef CDTT_VALIDATE_H
#define CDTT_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    VALID_OK = 0,
    VALID_WARN = 1,  /* acceptable after the user confirms */
    VALID_ERROR = 2, /* must be corrected; nothing is saved */
} valid_status;

typedef struct {
    valid_status status;
    char msg[256];
} valid_result;

/* ---- the longest values the model accepts --------------------------------
 * One source of truth: the validators and the record checks refuse anything
 * longer, the records' buffers hold this many characters of up to 4 bytes, and
 * every form field holds exactly this many characters (tui/form-*.c). */
#define NAME_MAX_CHARS 100          /* people, teams, villages, offices */
#define EMAIL_MAX_BYTES 254         /* validate_email (RFC 5321); never more characters than bytes */
#define NOTE_MAX_CHARS 300          /* the note of an area, a team, a member */
#define DECISION_NO_MAX_CHARS 20    /* a team's decision number ("45/QĐ-UBND") */
#define ISSUER_MAX_CHARS 80         /* who issued a team's decision */
#define TRAINING_TEXT_MAX_CHARS 200 /* a session's place, organiser, topic */
#define TRAINING_NOTE_MAX_CHARS 1000 /* the note of a session or an activity */
#define DATE_MAX_CHARS 10           /* "dd/mm/yyyy" typed, "YYYY-MM-DD" stored */
/* Phone and CCCD numbers are stored as 10 and 12 digits; typed with spaces,
 * dots, dashes or "+84" they take at most this many characters in a form. */
#define PHONE_TYPED_MAX_CHARS 16
#define CCCD_TYPED_MAX_CHARS 16
/* Bytes a buffer needs for max characters of UTF-8 and its NUL. */
#define UTF8_BUF(max) ((max) * 4 + 1)

/* Every input path (forms, command-line options, CSV files, unit lists) checks
 * text through these validators, so they are the one place that keeps control
 * characters out of the file: C0 controls (a line feed only where a field is a
 * note), DEL and C1 controls are refused with a message saying so. */

/* A person's or place's name: NFC, trimmed, inner spaces collapsed, 1–100
 * characters, no control characters, no bidirectional embeddings, overrides or
 * isolates (U+202A–U+202E, U+2066–U+2069), valid UTF-8. out gets the clean form
 * (invisible characters such as zero-width spaces and a BOM removed); on an
 * error, or when the clean form does not fit in outlen bytes, out is "". */
valid_status validate_name(const char *in, char *out, size_t outlen, valid_result *r);

/* An optional note: valid UTF-8, no control characters but line breaks (CR LF
 * and CR become LF), at most max characters; out gets it NFC and trimmed.
 * Empty is OK. */
valid_status validate_text(const char *in, size_t max, char *out, size_t outlen, valid_result *r);

/* Optional one-line free text (places, organisers, topics, decision numbers,
 * issuers): as validate_text, but a line break is refused too. */
valid_status validate_line(const char *in, size_t max, char *out, size_t outlen, valid_result *r);

/* A Vietnamese mobile number: accepts +84/84 prefixes, spaces, dots and dashes;
 * out gets "0xxxxxxxxx" (10 digits, 03/05/07/08/09). Empty input is OK (out "").
 * Nine digits starting 3/5/7/8/9 (a 0 lost in Excel) are read with the 0 added,
 * as a warning. On an error out is "". */
valid_status validate_phone(const char *in, char out[16], valid_result *r);

/* A CCCD (citizen ID) number: 12 digits, spaces allowed in input. Empty is OK.
 * birth ("YYYY-MM-DD", "YYYY" or "") and gender ("male", "female" or "") are
 * compared with the number's century/gender digit and year digits: a mismatch,
 * or an unknown province code, is a warning. */
valid_status validate_cccd(const char *in, const char *birth, const char *gender, char out[16],
                           valid_result *r);

/* An e-mail address (loose check: one @, a dot in the domain, no spaces). Empty is OK. */
valid_status validate_email(const char *in, char out[256], valid_result *r);

/* A date typed dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, or ISO yyyy-mm-dd);
 * out gets "YYYY-MM-DD". Empty is OK (out ""). Years 1900–2100 only. */
valid_status validate_date(const char *in, char out[11], valid_result *r);

/* A birth date: a date as above or a year alone ("1985"); out gets "YYYY-MM-DD"
 * or "YYYY". A date after today ("YYYY-MM-DD") is an error; an age under 15 or
 * over 100 is a warning. Empty is OK. */
valid_status validate_birth(const char *in, const char *today, char out[11], valid_result *r);

/* Writes a stored date for display: "YYYY-MM-DD" → "dd/mm/yyyy", "YYYY" → "YYYY",
 * anything else copied. */
void date_to_display(const char *iso, char out[11]);

/* Writes today's local date as "YYYY-MM-DD". */
void date_today(char out[11]);

/* Days from 1970-01-01 to the date y-m-d of the proleptic Gregorian calendar
 * (negative before 1970); m and d need not be valid (0 or 13 roll over). */
long date_days_from_civil(int y, int m, int d);

/* Parses a yes/no answer as a person would type it in Vietnamese or English
 * ("có", "co", "x", "1", "yes", "y", "true" / "không", "khong", "0", "no", ""):
 * returns 1, 0, or -1 when it is neither. */
int parse_yes_no(const char *in);

#endif
