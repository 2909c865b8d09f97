/* package-pack.h — the compressed package (format 2): a short text header
 * that carries the SHA-256 digest of the payload and the signature of the
 * manifest, then the package's SQLite file compressed with Zstandard.
 *
 *   bytes 0..511  "cdtt-package-2\n", "digest=HEX\n", "public_key=HEX\n",
 *                 "signature=HEX\n", then '\n' up to byte 512
 *   bytes 512..   one Zstandard frame: the package's SQLite file, whose
 *                 manifest table holds every key but those three
 *
 * The digest covers the compressed bytes as they travel, so that checking it
 * costs one pass over a file a seventh of the SQLite file's size; the
 * signature covers the inner manifest together with that digest. */
#ifndef CDTT_PACKAGE_PACK_H
#define CDTT_PACKAGE_PACK_H

#include <stddef.h>
#include <sqlite3.h>
#include "cdtt.h"

#define PACK_HEADER_BYTES 512
#define PACK_MAGIC "cdtt-package-2\n"

/* What the header says. */
typedef struct {
    char digest[65];      /* SHA-256 of the payload, lowercase hex */
    char public_key[65];  /* the signing office's Ed25519 key, hex */
    char signature[129];  /* its signature of the manifest, hex */
} pack_header;

/* Whether the file at path begins as a compressed package (1) or not (0). */
int package_is_packed(const char *path);

/* Compresses the n bytes of a package's SQLite file at data into *out
 * (malloc'd, *out_n bytes) and writes the SHA-256 of the compressed bytes into
 * digest. Returns 0, or -1 with e set. */
int package_pack_compress(const void *data, size_t n, unsigned char **out, size_t *out_n, char digest[65],
                          cdtt_err *e);

/* Writes header h and the payload to the existing private file path (its
 * content replaced). Returns 0, or -1 with e set. */
int package_pack_write(const char *path, const pack_header *h, const void *payload, size_t n, cdtt_err *e);

/* Writes the finished package database p, compressed, to the existing private
 * file path: its SQLite file as it stands (its manifest without digest, key
 * and signature), then in the header its digest (also put into digest) and
 * office_db's signature of the manifest with that digest, both also added to
 * p's manifest. Returns 0, or -1 with e set. */
int package_pack_database(sqlite3 *p, sqlite3 *office_db, const char *path, char digest[65], cdtt_err *e);

/* Reads the header of the compressed package path into h and writes its
 * SQLite file into the new private file out_path (0600, must not exist),
 * checking on the way that the payload's SHA-256 is the header's digest, that
 * it is one whole Zstandard frame with nothing after it, and that it does not
 * unfold to more than PACK_MAX_RATIO times its size (plus 16 MB). Messages name
 * path. Returns 0, or -1 with e set (out_path may then exist, partly written). */
int package_unpack(const char *path, const char *out_path, pack_header *h, cdtt_err *e);

/* How many times its compressed size a payload may unfold to: a package's file
 * compresses about seven times; a crafted one could fill the disk. */
#define PACK_MAX_RATIO 100

#endif
