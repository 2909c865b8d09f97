/* package-pack.c — writing and opening compressed packages (format 2; the
 * layout is described in package-pack.h). */
#include "package-pack.h"
#include "outfile.h"
#include "package.h"
#include "package-sign.h"
#include "sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zstd.h>

/* Zstandard's fastest ordinary level: a package compresses four to ten times.
 * Its fast levels (below 1) would save a fifth of the compressing, a
 * fourteenth of an export, for a file half as large again to send. */
#define PACK_LEVEL 1
/* The largest window a payload may ask for (cdtt's level uses 2^19 bytes). */
#define PACK_WINDOW_LOG_MAX 23

int package_is_packed(const char *path)
{
    return package_file_begins(path, PACK_MAGIC, sizeof PACK_MAGIC - 1);
}

int package_pack_compress(const void *data, size_t n, unsigned char **out, size_t *out_n, char digest[65],
                          cdtt_err *e)
{
    size_t cap = ZSTD_compressBound(n);
    unsigned char *buf = malloc(cap ? cap : 1);
    ZSTD_CCtx *c = ZSTD_createCCtx();
    if (!buf || !c) {
        free(buf);
        ZSTD_freeCCtx(c);
        return err_set(e, _("out of memory"));
    }
    size_t got = ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, PACK_LEVEL))
                     ? (size_t)-1
                     : ZSTD_compress2(c, buf, cap, data, n);
    ZSTD_freeCCtx(c);
    if (ZSTD_isError(got)) {
        free(buf);
        return err_set(e, _("cannot compress the package: %s"), ZSTD_getErrorName(got));
    }
    sha256_ctx h;
    sha256_init(&h);
    sha256_update(&h, buf, got);
    sha256_final_hex(&h, digest);
    *out = buf;
    *out_n = got;
    return 0;
}

int package_pack_write(const char *path, const pack_header *h, const void *payload, size_t n, cdtt_err *e)
{
    char head[PACK_HEADER_BYTES];
    memset(head, '\n', sizeof head);
    int len = snprintf(head, sizeof head, "%sdigest=%s\npublic_key=%s\nsignature=%s\n", PACK_MAGIC, h->digest,
                       h->public_key, h->signature);
    if (len < 0 || len >= (int)sizeof head)
        return err_set(e, _("cannot write %s: %s"), path, strerror(EINVAL));
    head[len] = '\n'; /* snprintf's NUL: the padding goes on to the end */
    int fd = open(path, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return err_set(e, _("cannot write %s: %s"), path, io_reason(errno));
    int rc = outfile_write_all(fd, head, sizeof head) < 0 || outfile_write_all(fd, payload, n) < 0
                 ? err_set(e, _("cannot write %s: %s"), path, io_reason(errno))
                 : 0;
    if (close(fd) < 0 && rc == 0)
        rc = err_set(e, _("cannot write %s: %s"), path, io_reason(errno));
    return rc;
}

int package_pack_database(sqlite3 *p, sqlite3 *office_db, const char *path, char digest[65], cdtt_err *e)
{
    sqlite3_int64 size = 0;
    /* The database's own memory when it lies in one piece (memdb), else a copy. */
    unsigned char *bytes = sqlite3_serialize(p, "main", &size, SQLITE_SERIALIZE_NOCOPY), *copy = NULL;
    if (!bytes)
        bytes = copy = sqlite3_serialize(p, "main", &size, 0);
    if (!bytes)
        return err_set(e, _("out of memory"));
    unsigned char *payload = NULL;
    size_t n = 0;
    int rc = package_pack_compress(bytes, (size_t)size, &payload, &n, digest, e);
    sqlite3_free(copy);
    pack_header h;
    memset(&h, 0, sizeof h);
    snprintf(h.digest, sizeof h.digest, "%s", digest);
    if (rc == 0 && (package_manifest_put(p, "digest", digest, e) < 0 || package_sign_manifest(p, office_db, e) < 0))
        rc = -1;
    if (rc == 0 && (package_manifest_get(p, "public_key", h.public_key, sizeof h.public_key) < 0 ||
                    package_manifest_get(p, "signature", h.signature, sizeof h.signature) < 0))
        rc = err_set(e, _("cannot sign the package"));
    if (rc == 0)
        rc = package_pack_write(path, &h, payload, n, e);
    free(payload);
    return rc;
}

/* Copies the value of the line "key=HEX\n" at *p (exactly n lowercase hex
 * digits) into out and moves *p past it. Returns 0, or -1 when the line is not that. */
static int header_line(const char **p, const char *end, const char *key, size_t n, char *out)
{
    size_t k = strlen(key);
    if ((size_t)(end - *p) < k + 2 + n || memcmp(*p, key, k) != 0 || (*p)[k] != '=' || (*p)[k + 1 + n] != '\n')
        return -1;
    const char *v = *p + k + 1;
    for (size_t i = 0; i < n; i++)
        if (!((v[i] >= '0' && v[i] <= '9') || (v[i] >= 'a' && v[i] <= 'f')))
            return -1;
    memcpy(out, v, n);
    out[n] = '\0';
    *p = v + n + 1;
    return 0;
}

/* Parses the 512 bytes of a header into h. Returns 0, or -1 when they are not one. */
static int header_parse(const char *head, pack_header *h)
{
    const char *p = head, *end = head + PACK_HEADER_BYTES;
    if (memcmp(p, PACK_MAGIC, sizeof PACK_MAGIC - 1) != 0)
        return -1;
    p += sizeof PACK_MAGIC - 1;
    if (header_line(&p, end, "digest", 64, h->digest) < 0 || header_line(&p, end, "public_key", 64, h->public_key) < 0 ||
        header_line(&p, end, "signature", 128, h->signature) < 0)
        return -1;
    for (; p < end; p++)
        if (*p != '\n')
            return -1;
    return 0;
}

/* Reads up to n bytes (fewer only at the end of the file); -1 on an error. */
static ssize_t read_full(int fd, void *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, (char *)buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

/* Decompresses what follows the header in fd into out, hashing it into sha.
 * The payload is `size` bytes long. Returns 0, or -1 with e set. */
static int unfold(int fd, int out, long long size, sha256_ctx *sha, const char *path, cdtt_err *e)
{
    ZSTD_DCtx *d = ZSTD_createDCtx();
    size_t in_cap = ZSTD_DStreamInSize(), out_cap = ZSTD_DStreamOutSize();
    unsigned char *in_buf = malloc(in_cap), *out_buf = malloc(out_cap);
    int rc = 0;
    if (!d || !in_buf || !out_buf || ZSTD_isError(ZSTD_DCtx_setParameter(d, ZSTD_d_windowLogMax, PACK_WINDOW_LOG_MAX)))
        rc = err_set(e, _("out of memory"));
    long long limit = size * PACK_MAX_RATIO + 16LL * 1024 * 1024, written = 0;
    size_t last = 1; /* ZSTD_decompressStream's last answer: 0 once a frame is whole */
    int ended = 0;
    while (rc == 0) {
        ssize_t n = read_full(fd, in_buf, in_cap);
        if (n < 0) {
            rc = err_set(e, _("cannot read %s: %s"), path, strerror(errno));
            break;
        }
        if (n == 0)
            break;
        sha256_update(sha, in_buf, (size_t)n);
        ZSTD_inBuffer in = {in_buf, (size_t)n, 0};
        while (rc == 0 && in.pos < in.size) {
            if (ended) {
                rc = err_set(e, _("%s is damaged (something follows the package's data)"), path);
                break;
            }
            ZSTD_outBuffer o = {out_buf, out_cap, 0};
            last = ZSTD_decompressStream(d, &o, &in);
            if (ZSTD_isError(last)) {
                rc = err_set(e, _("%s is damaged (its compressed data cannot be read: %s)"), path,
                             ZSTD_getErrorName(last));
                break;
            }
            written += (long long)o.pos;
            if (written > limit)
                rc = err_set(e, _("%s is damaged (it unfolds to more than %d times its size)"), path,
                             PACK_MAX_RATIO);
            else if (o.pos && outfile_write_all(out, out_buf, o.pos) < 0)
                rc = err_set(e, _("cannot copy %s to the temporary folder: %s"), path, io_reason(errno));
            ended = last == 0;
        }
    }
    /* A frame whose end did not come, or one stopped with output still held. */
    if (rc == 0 && !ended)
        rc = err_set(e, _("%s is truncated or damaged (its compressed data ends too soon)"), path);
    ZSTD_freeDCtx(d);
    free(in_buf);
    free(out_buf);
    return rc;
}

int package_unpack(const char *path, const char *out_path, pack_header *h, cdtt_err *e)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return err_set(e, _("cannot read %s: %s"), path, strerror(errno));
    char head[PACK_HEADER_BYTES];
    off_t size = lseek(fd, 0, SEEK_END);
    if (size < 0 || lseek(fd, 0, SEEK_SET) < 0 || read_full(fd, head, sizeof head) != (ssize_t)sizeof head ||
        header_parse(head, h) < 0) {
        close(fd);
        return err_set(e, _("%s is damaged (its header is not that of a cdtt package)"), path);
    }
    int out = open(out_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (out < 0) {
        close(fd);
        return err_set(e, _("cannot create a temporary file: %s"), io_reason(errno));
    }
    sha256_ctx sha;
    sha256_init(&sha);
    int rc = unfold(fd, out, (long long)size - PACK_HEADER_BYTES, &sha, path, e);
    close(fd);
    if (close(out) < 0 && rc == 0)
        rc = err_set(e, _("cannot copy %s to the temporary folder: %s"), path, io_reason(errno));
    char digest[65];
    sha256_final_hex(&sha, digest);
    if (rc == 0 && strcmp(digest, h->digest) != 0)
        rc = err_set(e, _("%s has been altered or damaged (its SHA-256 digest does not match)"), path);
    return rc;
}
