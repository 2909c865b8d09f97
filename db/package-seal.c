/* package-seal.c — encrypting a package to the office above and opening it
 * there (see package-seal.h). */
#include "package-seal.h"
#include "package.h"
#include "db.h"
#include "office.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char MAGIC[] = "CDTT-SEALED-1\n"; /* 14 bytes, no NUL written */
#define MAGIC_LEN 14
#define OFFICE_LEN 24
#define SEALED_KEY_LEN (crypto_secretstream_xchacha20poly1305_KEYBYTES + crypto_box_SEALBYTES)
#define CHUNK 65536

typedef struct {
    int found;
    known_key k;
} above_search;

static int find_above(const known_key *k, void *arg)
{
    above_search *a = arg;
    if (k->role != KEY_ROLE_ABOVE)
        return 0;
    a->k = *k;
    a->found = 1;
    return 1;
}

int package_seal_recipient(sqlite3 *db, char scheme[12], char code[12], unsigned char pk[KEY_PUBLIC_BYTES],
                           cdtt_err *e)
{
    above_search a = {0};
    if (keys_known_each(db, find_above, &a, e) < 0)
        return -1;
    if (a.found) {
        snprintf(scheme, 12, "%s", a.k.scheme);
        snprintf(code, 12, "%s", a.k.code);
        memcpy(pk, a.k.pk, KEY_PUBLIC_BYTES);
    }
    return a.found;
}

int package_is_sealed(const char *path)
{
    return package_file_begins(path, MAGIC, MAGIC_LEN);
}

/* Opens a new private file for writing (0600, never an existing one or a link). */
static FILE *create_private(const char *path, cdtt_err *e)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        err_set(e, _("cannot create %s: %s"), path, strerror(errno));
    }
    return f;
}

/* Closes out (synced to disk) and keeps it when rc is 0; else removes it. */
static int finish(FILE *out, const char *path, int rc, cdtt_err *e)
{
    if (rc == 0 && (fflush(out) != 0 || fsync(fileno(out)) != 0))
        rc = err_set(e, _("cannot write %s: %s"), path, strerror(errno));
    if (fclose(out) != 0 && rc == 0)
        rc = err_set(e, _("cannot write %s: %s"), path, strerror(errno));
    if (rc != 0)
        unlink(path);
    return rc;
}

static void put_len(unsigned char b[4], size_t n)
{
    b[0] = (unsigned char)(n >> 24), b[1] = (unsigned char)(n >> 16), b[2] = (unsigned char)(n >> 8);
    b[3] = (unsigned char)n;
}

/* Encrypts in to out chunk by chunk with state st. 0 or -1 with e set. */
static int seal_stream(FILE *in, FILE *out, crypto_secretstream_xchacha20poly1305_state *st, const char *in_path,
                       cdtt_err *e)
{
    static unsigned char buf[CHUNK], cipher[CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES];
    for (;;) {
        size_t n = fread(buf, 1, CHUNK, in);
        if (ferror(in))
            return err_set(e, _("cannot read %s: %s"), in_path, strerror(errno));
        int last = feof(in);
        unsigned long long clen = 0;
        crypto_secretstream_xchacha20poly1305_push(st, cipher, &clen, buf, n, NULL, 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
        unsigned char len[4];
        put_len(len, (size_t)clen);
        if (fwrite(len, 1, 4, out) != 4 || fwrite(cipher, 1, (size_t)clen, out) != clen)
            return err_set(e, _("cannot write the encrypted package: %s"), strerror(errno));
        if (last)
            return 0;
    }
}

int package_seal(const char *in_path, const char *out_path, const char *scheme, const char *code,
                 const unsigned char pk[KEY_PUBLIC_BYTES], cdtt_err *e)
{
    if (sodium_init() < 0)
        return err_set(e, "%s", _("the cryptography library (libsodium) cannot start"));
    unsigned char xpk[crypto_box_PUBLICKEYBYTES];
    if (crypto_sign_ed25519_pk_to_curve25519(xpk, pk) != 0)
        return err_set(e, _("the key of office %s cannot be used for encryption"), code);
    FILE *in = fopen(in_path, "rb");
    if (!in)
        return err_set(e, _("cannot read %s: %s"), in_path, strerror(errno));
    FILE *out = create_private(out_path, e);
    if (!out) {
        fclose(in);
        return -1;
    }
    unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES], sealed[SEALED_KEY_LEN];
    unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    char office[OFFICE_LEN] = {0};
    snprintf(office, sizeof office, "%s:%s", scheme, code);
    crypto_secretstream_xchacha20poly1305_state st;
    crypto_secretstream_xchacha20poly1305_keygen(key);
    crypto_box_seal(sealed, key, sizeof key, xpk);
    crypto_secretstream_xchacha20poly1305_init_push(&st, header, key);
    sodium_memzero(key, sizeof key);
    int rc = 0;
    if (fwrite(MAGIC, 1, MAGIC_LEN, out) != MAGIC_LEN || fwrite(office, 1, OFFICE_LEN, out) != OFFICE_LEN ||
        fwrite(pk, 1, KEY_PUBLIC_BYTES, out) != KEY_PUBLIC_BYTES ||
        fwrite(sealed, 1, sizeof sealed, out) != sizeof sealed || fwrite(header, 1, sizeof header, out) != sizeof header)
        rc = err_set(e, _("cannot write the encrypted package: %s"), strerror(errno));
    if (rc == 0)
        rc = seal_stream(in, out, &st, in_path, e);
    fclose(in);
    return finish(out, out_path, rc, e);
}

/* Reads exactly n bytes; 0, or -1 when the file ends first. */
static int read_all(FILE *f, void *buf, size_t n)
{
    return fread(buf, 1, n, f) == n ? 0 : -1;
}

/* Decrypts the chunks of in into out; 0, or -1 with e set. */
static int unseal_stream(FILE *in, FILE *out, crypto_secretstream_xchacha20poly1305_state *st, const char *in_path,
                         cdtt_err *e)
{
    static unsigned char cipher[CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES], buf[CHUNK];
    for (;;) {
        unsigned char len[4];
        if (read_all(in, len, 4) < 0)
            return err_set(e, _("%s is cut short: the encrypted package is not whole"), in_path);
        size_t n = ((size_t)len[0] << 24) | ((size_t)len[1] << 16) | ((size_t)len[2] << 8) | len[3];
        if (n < crypto_secretstream_xchacha20poly1305_ABYTES || n > sizeof cipher || read_all(in, cipher, n) < 0)
            return err_set(e, _("%s is damaged or cut short"), in_path);
        unsigned long long mlen = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(st, buf, &mlen, &tag, cipher, n, NULL, 0) != 0)
            return err_set(e, _("%s has been changed or damaged since it was encrypted"), in_path);
        if (fwrite(buf, 1, (size_t)mlen, out) != mlen)
            return err_set(e, _("cannot write the decrypted package: %s"), strerror(errno));
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
            return fgetc(in) == EOF ? 0 : err_set(e, _("%s has bytes after its end"), in_path);
    }
}

/* Reads the header of a sealed file and opens the stream with db's key. */
static int open_stream(sqlite3 *db, FILE *in, const char *in_path, crypto_secretstream_xchacha20poly1305_state *st,
                       cdtt_err *e)
{
    unsigned char magic[MAGIC_LEN], pk[KEY_PUBLIC_BYTES], sealed[SEALED_KEY_LEN];
    unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    char office[OFFICE_LEN + 1] = {0};
    if (read_all(in, magic, MAGIC_LEN) < 0 || memcmp(magic, MAGIC, MAGIC_LEN) != 0 ||
        read_all(in, office, OFFICE_LEN) < 0 || read_all(in, pk, sizeof pk) < 0 ||
        read_all(in, sealed, sizeof sealed) < 0 || read_all(in, header, sizeof header) < 0)
        return err_set(e, _("%s is not an encrypted cdtt package, or it is cut short"), in_path);
    unsigned char mine[KEY_PUBLIC_BYTES];
    if (keys_public(db, mine, e) < 0)
        return -1;
    office_rec o;
    if (memcmp(pk, mine, sizeof pk) != 0) {
        char me[40] = "?";
        if (office_get(db, &o) == 0)
            snprintf(me, sizeof me, "%s:%s", o.scheme, o.code);
        return err_set(e, _("%s is encrypted for office %s, not for this one (%s): only that office's file "
                            "can open it"), in_path, office, me);
    }
    unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    int opened = keys_open_sealed(db, sealed, sizeof sealed, key, sizeof key, e);
    int rc = opened < 0 ? -1
             : opened == 1 && crypto_secretstream_xchacha20poly1305_init_pull(st, header, key) == 0
                 ? 0
                 : err_set(e, _("%s cannot be opened with this office's key (damaged, or sealed with another "
                                "key of this office)"), in_path);
    sodium_memzero(key, sizeof key);
    return rc;
}

int package_unseal(sqlite3 *db, const char *in_path, const char *out_path, cdtt_err *e)
{
    if (sodium_init() < 0)
        return err_set(e, "%s", _("the cryptography library (libsodium) cannot start"));
    FILE *in = fopen(in_path, "rb");
    if (!in)
        return err_set(e, _("cannot read %s: %s"), in_path, strerror(errno));
    crypto_secretstream_xchacha20poly1305_state st;
    if (open_stream(db, in, in_path, &st, e) < 0) {
        fclose(in);
        return -1;
    }
    FILE *out = create_private(out_path, e);
    if (!out) {
        fclose(in);
        return -1;
    }
    int rc = unseal_stream(in, out, &st, in_path, e);
    fclose(in);
    return finish(out, out_path, rc, e);
}
