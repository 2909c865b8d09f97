/* words.c — text compared by its words alone (words.h). */
#include "words.h"
#include "cdtt.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

char *words_fold(const char *s)
{
    char *f = text_fold(s ? s : "");
    size_t k = 0;
    int space = 1; /* drops leading spaces */
    for (size_t i = 0; f[i]; i++) {
        unsigned char c = (unsigned char)f[i];
        int word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (word) {
            f[k++] = (char)c;
            space = 0;
        } else if (!space) {
            f[k++] = ' ';
            space = 1;
        }
    }
    while (k > 0 && f[k - 1] == ' ')
        k--;
    f[k] = '\0';
    return f;
}

/* The next word of *p into w (at most n bytes); 0 at the end. */
static int next_word(const char **p, char *w, size_t n)
{
    while (**p == ' ')
        (*p)++;
    size_t k = 0;
    while (**p && **p != ' ') {
        if (k + 1 < n)
            w[k++] = **p;
        (*p)++;
    }
    w[k] = '\0';
    return k > 0;
}

int words_in_order(const char *words, const char *in)
{
    char want[128], have[128];
    const char *p = words, *q = in;
    int any = 0;
    while (next_word(&p, want, sizeof want)) {
        any = 1;
        int found = 0;
        while (!found && next_word(&q, have, sizeof have))
            found = strcmp(want, have) == 0;
        if (!found)
            return 0;
    }
    return any;
}

int words_start(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    return n > 0 && strncmp(s, prefix, n) == 0 && (s[n] == '\0' || s[n] == ' ');
}

int words_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 200 || lb > 200)
        return 99;
    int *prev = xmalloc((lb + 1) * sizeof *prev), *cur = xmalloc((lb + 1) * sizeof *cur);
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int d = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < d)
                d = prev[j] + 1;
            if (cur[j - 1] + 1 < d)
                d = cur[j - 1] + 1;
            cur[j] = d;
        }
        int *t = prev;
        prev = cur;
        cur = t;
    }
    int d = prev[lb];
    free(prev);
    free(cur);
    return d > 99 ? 99 : d;
}
