/* text.h — Unicode text: validity, NFC, accent-insensitive folding, Vietnamese
 * sort keys and display width. Every returned string is malloc'd (free it). */
#ifndef CDTT_TEXT_H
#define CDTT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
bool text_valid_utf8(const char *s, size_t n);

/* s in Unicode NFC, or NULL when s is not valid UTF-8. */
char *text_nfc(const char *s);

/* s in NFC with leading/trailing white space removed and inner runs of white
 * space collapsed to one space; NULL when s is not valid UTF-8. */
char *text_clean(const char *s);

/* The search form of s: no marks, đ/Đ → d, lowercase, white space collapsed,
 * trimmed. "Nguyễn Văn  Đặng" → "nguyen van dang". Invalid UTF-8 gives "". */
char *text_fold(const char *s);

/* The identity of a name: two names are the same record's name exactly when
 * their keys are equal. Case, surrounding and repeated white space, NFC/NFD and
 * the tone-placement convention are set aside ("Hoà" = "hòa", "Thuỷ" = "thủy");
 * every letter, shape mark, tone and punctuation counts ("Ba", "Bá" and "Bà"
 * are three names, "Thôn Hà" and "Thôn Hạ" two). Names with equal keys have
 * equal text_fold forms, so an index on the folded form finds the candidates.
 * Invalid UTF-8 gives "". */
char *text_name_key(const char *s);

/* True when a and b are the same name by text_name_key. */
bool text_same_name(const char *a, const char *b);

/* A key whose byte order (memcmp, SQLite BINARY) is Vietnamese alphabetical order:
 * letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, then tones
 * (ngang, huyền, hỏi, ngã, sắc, nặng), then case. Printable ASCII only. */
char *text_sort_key(const char *s);

/* The sort key of a person's full name: the given name (last word) first, then
 * the family and middle names, as Vietnamese lists are sorted. */
char *text_name_sort_key(const char *full_name);

/* The number of terminal columns s takes (wide characters count 2, marks 0). */
int text_width(const char *s);

/* The byte length of the longest prefix of s that fits in cols columns,
 * never splitting a character. */
size_t text_fit(const char *s, int cols);

/* ---- text made safe to show (text-safe.c) ---------------------------------- */

/* text_safe flag: line feeds stay (for a note shown over several lines or a
 * multi-line spreadsheet cell); every other control character is replaced. */
#define TEXT_SAFE_NEWLINES 1

/* s made safe to print to a terminal or put in a spreadsheet cell: every
 * character that could move the cursor, change the terminal, hide what follows
 * or reorder the text shown is replaced by a visible stand-in, and everything
 * else is copied unchanged. C0 controls and DEL in caret notation, as the
 * full-screen program shows them (ESC "^[", LF "^J", tab "^I", NUL "^@", DEL
 * "^?"); C1 controls (U+0080-U+009F) and the bidirectional embeddings,
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069) as "<U+202E>"; a byte
 * that does not begin valid UTF-8 as "\xFF". flags: 0 or TEXT_SAFE_NEWLINES.
 * NULL gives "". Returns a malloc'd string. */
char *text_safe(const char *s, int flags);

/* True when text_safe(s, flags) would change s: a quick scan, no allocation. */
bool text_safe_needed(const char *s, int flags);

/* True for the bidirectional embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069), which reorder the text shown around them. */
bool text_is_bidi_control(int32_t cp);

#endif
