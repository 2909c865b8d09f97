/* sha256.c — SHA-256 as specified in FIPS 180-4. */
#include "sha256.h"

#include <stdio.h>
#include <string.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define BSIG0(x) (ROTR(x, 2) ^ ROTR(x, 13) ^ ROTR(x, 22))
#define BSIG1(x) (ROTR(x, 6) ^ ROTR(x, 11) ^ ROTR(x, 25))
#define SSIG0(x) (ROTR(x, 7) ^ ROTR(x, 18) ^ ((x) >> 3))
#define SSIG1(x) (ROTR(x, 17) ^ ROTR(x, 19) ^ ((x) >> 10))
#define CH(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
#define MAJ(x, y, z) (((x) & (y)) | ((z) & ((x) | (y))))
/* Round i; the eight working variables rotate by renaming, not by moving. */
#define ROUND(a, b, c, d, e, f, g, h, i)                                          \
    do {                                                                          \
        uint32_t t1_ = h + BSIG1(e) + CH(e, f, g) + K[i] + w[(i) & 15];           \
        d += t1_;                                                                 \
        h = t1_ + BSIG0(a) + MAJ(a, b, c);                                        \
    } while (0)
#define EIGHT_ROUNDS(i)                      \
    ROUND(a, b, c, d, e, f, g, h, (i));      \
    ROUND(h, a, b, c, d, e, f, g, (i) + 1);  \
    ROUND(g, h, a, b, c, d, e, f, (i) + 2);  \
    ROUND(f, g, h, a, b, c, d, e, (i) + 3);  \
    ROUND(e, f, g, h, a, b, c, d, (i) + 4);  \
    ROUND(d, e, f, g, h, a, b, c, (i) + 5);  \
    ROUND(c, d, e, f, g, h, a, b, (i) + 6);  \
    ROUND(b, c, d, e, f, g, h, a, (i) + 7)
/* The message schedule kept in a ring of 16 words. */
#define SCHEDULE(i) \
    (w[(i) & 15] += SSIG1(w[((i) - 2) & 15]) + w[((i) - 7) & 15] + SSIG0(w[((i) - 15) & 15]))

/* Runs the compression function over `blocks` 64-byte blocks at p. */
static inline __attribute__((always_inline)) void compress_blocks(uint32_t h0[8], const unsigned char *p,
                                                                  size_t blocks)
{
    uint32_t w[16];
    for (; blocks; blocks--, p += 64) {
        for (int i = 0; i < 16; i++)
            w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 |
                   (uint32_t)p[4 * i + 3];
        uint32_t a = h0[0], b = h0[1], c = h0[2], d = h0[3], e = h0[4], f = h0[5], g = h0[6], h = h0[7];
        EIGHT_ROUNDS(0);
        EIGHT_ROUNDS(8);
        for (int i = 16; i < 64; i += 16) {
            for (int j = 0; j < 16; j++)
                SCHEDULE(i + j);
            EIGHT_ROUNDS(i);
            EIGHT_ROUNDS(i + 8);
        }
        h0[0] += a; h0[1] += b; h0[2] += c; h0[3] += d;
        h0[4] += e; h0[5] += f; h0[6] += g; h0[7] += h;
    }
}

static void compress_portable(uint32_t h[8], const unsigned char *p, size_t blocks)
{
    compress_blocks(h, p, blocks);
}

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
/* The same code where the processor has BMI2 (rorx: rotations without moves), about
 * a quarter faster; chosen at run time, so the program still runs on older PCs. */
__attribute__((target("bmi2"))) static void compress_bmi2(uint32_t h[8], const unsigned char *p,
                                                         size_t blocks)
{
    compress_blocks(h, p, blocks);
}

static void compress(uint32_t h[8], const unsigned char *p, size_t blocks)
{
    if (__builtin_cpu_supports("bmi2"))
        compress_bmi2(h, p, blocks);
    else
        compress_portable(h, p, blocks);
}
#else
#define compress compress_portable
#endif

void sha256_init(sha256_ctx *c)
{
    static const uint32_t H0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(c->h, H0, sizeof H0);
    c->len = 0;
    c->nbuf = 0;
}

void sha256_update(sha256_ctx *c, const void *data, size_t n)
{
    const unsigned char *p = data;
    c->len += n;
    if (c->nbuf) {
        size_t take = 64 - c->nbuf < n ? 64 - c->nbuf : n;
        memcpy(c->buf + c->nbuf, p, take);
        c->nbuf += take;
        p += take;
        n -= take;
        if (c->nbuf < 64)
            return;
        compress(c->h, c->buf, 1);
        c->nbuf = 0;
    }
    compress(c->h, p, n / 64);
    p += n / 64 * 64;
    n %= 64;
    memcpy(c->buf, p, n);
    c->nbuf = n;
}

void sha256_final(sha256_ctx *c, unsigned char out[32])
{
    uint64_t bits = c->len * 8;
    unsigned char pad[72] = {0x80};
    size_t padlen = (c->nbuf < 56 ? 56 : 120) - c->nbuf;
    for (int i = 0; i < 8; i++)
        pad[padlen + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
    sha256_update(c, pad, padlen + 8);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(c->h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(c->h[i] >> 8);
        out[4 * i + 3] = (unsigned char)c->h[i];
    }
}

void sha256_final_hex(sha256_ctx *c, char out[65])
{
    unsigned char d[32];
    sha256_final(c, d);
    for (int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}
