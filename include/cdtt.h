/* cdtt.h — things every module shares: the error buffer and the message macro. */
#ifndef CDTT_H
#define CDTT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>

#ifndef CDTT_VERSION
#define CDTT_VERSION "dev"
#endif

/* An error message for the user, already translated. Empty string = no error. */
typedef struct cdtt_err {
    char msg[1024];
} cdtt_err;

/* Sets e->msg from a printf format (no-op when e is NULL). Always returns -1,
 * so callers can write `return err_set(e, ...)`. */
int err_set(cdtt_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Clears e (no-op when e is NULL). */
void err_clear(cdtt_err *e);

/* Message translation: _("English text") gives the text in the chosen language.
 * N_() marks a string for translation without translating it (tables). */
#include <libintl.h>
#define _(s) gettext(s)
#define N_(s) (s)

/* Duplicates s with malloc; aborts the program when memory is exhausted. */
char *xstrdup(const char *s);
/* malloc/calloc/realloc that abort with a message when memory is exhausted. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);

#endif
