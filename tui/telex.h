/* telex.h — the Telex input engine: Vietnamese letters typed with plain ASCII keys.
 *
 * Pure C, no curses: the screens call it when the user has Telex mode on.
 *
 * How a screen uses it, for each typed ASCII key while Telex is on:
 *   1. start = telex_word_start(text, cursor)       (the word before the cursor)
 *   2. copy text[start, cursor) into a NUL-terminated string `word`
 *   3. telex_apply(word, key, style, out, sizeof out)
 *        returns 1: replace text[start, cursor) with out (the key was consumed)
 *        returns 0: insert the key literally (out then holds word + key as well)
 *        returns -1: out is too small or word is not valid UTF-8; insert literally
 *
 * Keys: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, w alone or after consonants ư,
 * uow/uwo ươ, dd đ (word start), tones s f r x j (sắc huyền hỏi ngã nặng), z
 * removes the tone.  A repeated mark key undoes the mark and types the key
 * ("ass" → "as", "aaa" → "aa", "aww" → "aw", "ddd" → "dd").  Tones may be typed
 * anywhere after the vowel and move to the right vowel as the word grows.
 * Words containing a digit or '@', and words that are not (a prefix of) a
 * Vietnamese syllable shape, are left alone: the key is typed literally. */
#ifndef CDTT_TELEX_H
#define CDTT_TELEX_H

#include <stddef.h>

/* Where the tone goes in the open syllables oa, oe, uy (the only difference).
 * As the project's issue names them: TELEX_NEW gives hòa, thủy, khỏe;
 * TELEX_OLD gives hoà, thuỷ, khoẻ.  (UniKey uses the opposite names.) */
enum telex_style { TELEX_NEW = 0, TELEX_OLD = 1 };

/* The longest word (bytes, without NUL) telex_apply transforms; longer words
 * get keys literally. */
#define TELEX_WORD_MAX 64

/* Applies one typed key to `word` (UTF-8, the text since the last white space
 * before the cursor).  Returns 1 when out (NUL-terminated, NFC) replaces word,
 * 0 when the key is to be typed literally (out = word followed by key, when it
 * fits), -1 when out is too small or word is not valid UTF-8. */
int telex_apply(const char *word, char key, enum telex_style style, char *out, size_t outlen);

/* The byte offset where the word ending at text[len] begins: just after the
 * last white space (space, tab, newline) in text[0, len), or 0. */
size_t telex_word_start(const char *text, size_t len);

/* Types a whole key sequence in Telex mode, as a user would in an empty field;
 * white space ends words.  Returns a malloc'd NFC string (free it), or NULL when
 * out of memory. */
char *telex_type(const char *keys, enum telex_style style);

#endif
