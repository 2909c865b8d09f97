/* sha256.c — SHA-256 through libsodium (crypto_hash_sha256). */
#include "sha256.h"

#include <pthread.h>
#include <sodium/core.h>

_Static_assert(crypto_hash_sha256_BYTES == 32, "a SHA-256 digest is 32 bytes");

static pthread_once_t sodium_once = PTHREAD_ONCE_INIT;

/* Runs sodium_init(), which libsodium asks for before its other functions. It
 * fails (-1) only when its own lock cannot be taken, and SHA-256 uses nothing it
 * sets up (the random source, the choice of code for other primitives): hashing
 * goes on either way. */
static void sodium_start(void)
{
    if (sodium_init() < 0)
        return;
}

void sha256_init(sha256_ctx *c)
{
    pthread_once(&sodium_once, sodium_start);
    crypto_hash_sha256_init(&c->st);
}

void sha256_update(sha256_ctx *c, const void *data, size_t n)
{
    if (n)
        crypto_hash_sha256_update(&c->st, data, (unsigned long long)n);
}

void sha256_final(sha256_ctx *c, unsigned char out[32])
{
    crypto_hash_sha256_final(&c->st, out);
}

void sha256_final_hex(sha256_ctx *c, char out[65])
{
    static const char digits[] = "0123456789abcdef";
    unsigned char d[32];
    sha256_final(c, d);
    for (int i = 0; i < 32; i++) {
        out[2 * i] = digits[d[i] >> 4];
        out[2 * i + 1] = digits[d[i] & 15];
    }
    out[64] = '\0';
}
