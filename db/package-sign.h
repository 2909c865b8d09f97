/* package-sign.h — packages that prove who sent them: the sending office signs
 * its package's manifest (which holds the digest of every record) with its
 * Ed25519 key (keys.h); the level above checks the signature and pins each
 * office's key the first time it imports from it, as SSH pins host keys. A
 * package signed with another key is refused until an officer trusts that key
 * (cdtt keys trust CODE FINGERPRINT), which also catches re-built and copied
 * files. */
#ifndef CDTT_PACKAGE_SIGN_H
#define CDTT_PACKAGE_SIGN_H

#include <sqlite3.h>
#include "cdtt.h"
#include "keys.h"

/* Adds the manifest keys public_key (hex) and signature (hex): the office
 * db's signature of every other manifest row, as "key=value\n" lines in key
 * order, of the package open in pkg (schema "main"). Returns 0, or -1 with e set. */
int package_sign_manifest(sqlite3 *pkg, sqlite3 *office_db, cdtt_err *e);

/* Checks the signature of the manifest of schema (e.g. "main", "pkg") of db.
 * Returns 1 with pk set when the package is signed and the signature holds, 0
 * when it carries no signature (made by an older cdtt), -1 with e set when the
 * signature or key is damaged or does not match the manifest (edited). */
int package_signature_check(sqlite3 *db, const char *schema, unsigned char pk[KEY_PUBLIC_BYTES], cdtt_err *e);

/* What package_trust returns for a package signed with another key than the one
 * pinned for its office (e set): the screens then offer to replace. */
#define PACKAGE_TRUST_NEW_KEY (-2)

/* The level above's decision on a package of office scheme:code (named name)
 * signed with pk (signed 0: unsigned): the first package of an office pins its
 * key (unless dry_run); a package with the pinned key passes; one with another
 * key, or unsigned from an office whose key is pinned, or signed with a key
 * pinned for another office, is refused: the key offered is kept for
 * `cdtt keys trust`, and e says what to check and which command to run.
 * Returns 0, PACKAGE_TRUST_NEW_KEY for another key, or -1, with e set. */
int package_trust(sqlite3 *db, const char *scheme, const char *code, const char *name, int is_signed,
                  const unsigned char pk[KEY_PUBLIC_BYTES], int dry_run, cdtt_err *e);

/* The same when the officer replaces everything held for that office by the
 * package (import --replace, the screen's question, which show the new key's
 * fingerprint): a new key is then accepted in place of the pinned one (unless
 * dry_run); *replaced_key (may be NULL) says whether it was. A key pinned for
 * another office is still refused. */
int package_trust_replacing(sqlite3 *db, const char *scheme, const char *code, const char *name, int is_signed,
                            const unsigned char pk[KEY_PUBLIC_BYTES], int dry_run, int *replaced_key,
                            cdtt_err *e);

#endif
