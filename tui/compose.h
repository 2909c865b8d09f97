/* compose.h — composing decomposed input (a letter then combining marks) into
 * the precomposed characters that libformw can hold.
 *
 * Pure C, no curses.  fe_key (field-edit.c), on each code point from get_wch:
 *   if compose_is_mark(cp): c = compose_pair(previous, cp);
 *       c != 0 → replace the previous character with c;
 *       c == 0 → drop the mark (a field cannot hold a lone mark).
 * Marks may arrive in any order (o + U+031B + U+0301 and o + U+0301 + U+031B
 * both end as ớ). */
#ifndef CDTT_COMPOSE_H
#define CDTT_COMPOSE_H

#include <stdbool.h>
#include <stdint.h>

/* True when cp is a combining mark (Unicode category Mn), such as U+0300
 * grave, U+0301 acute, U+0303 tilde, U+0309 hook, U+0323 dot below, U+0302
 * circumflex, U+0306 breve, U+031B horn. */
bool compose_is_mark(uint32_t cp);

/* The single code point that is the NFC of base followed by mark, or 0 when
 * there is none (mark not a combining mark, or no precomposed character). */
uint32_t compose_pair(uint32_t base, uint32_t mark);

#endif
