/* sha256.c — SHA-256 through OpenSSL's libcrypto (EVP), which uses the
 * processor's SHA instructions where it has them (libsodium's does not). */
#include "sha256.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdlib.h>

void sha256_init(sha256_ctx *c)
{
    /* Without reading the system's OpenSSL configuration (a third of the
     * first digest's cost): nothing in it changes what SHA-256 gives. */
    OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, NULL);
    c->md = EVP_MD_CTX_new();
    if (!c->md || EVP_DigestInit_ex(c->md, EVP_sha256(), NULL) != 1)
        abort(); /* out of memory, or a libcrypto without SHA-256: nothing can be checked */
}

void sha256_update(sha256_ctx *c, const void *data, size_t n)
{
    if (n)
        EVP_DigestUpdate(c->md, data, n);
}

void sha256_final(sha256_ctx *c, unsigned char out[32])
{
    unsigned int len = 32;
    EVP_DigestFinal_ex(c->md, out, &len);
    EVP_MD_CTX_free(c->md);
    c->md = NULL;
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
