/* words.h — text compared by its words alone: case, accents, punctuation and
 * spacing set aside. */
#ifndef CDTT_WORDS_H
#define CDTT_WORDS_H

/* The folded words of s (text_fold, then every character that is not a letter
 * or digit becomes a space, runs of spaces one, trimmed): "Hội LHPN (xã)" →
 * "hoi lhpn xa". Invalid UTF-8 gives "". malloc'd. */
char *words_fold(const char *s);

/* True when every word of the folded phrase `words` appears in `in`, in order
 * (not necessarily next to each other): "cong an" in "cong an xa". */
int words_in_order(const char *words, const char *in);

/* True when folded text s begins with the words of prefix (whole words). */
int words_start(const char *s, const char *prefix);

/* The edit distance between a and b (bytes), capped at 99. */
int words_distance(const char *a, const char *b);

#endif
