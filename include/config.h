/* config.h — the settings (settings.h) read from cdtt.ini files and the command line.
 * Order (later wins): built-in defaults, /etc/cdtt/cdtt.ini,
 * $XDG_CONFIG_HOME/cdtt/cdtt.ini (or ~/.config/cdtt/cdtt.ini), --config FILE, flags. */
#ifndef CDTT_CONFIG_H
#define CDTT_CONFIG_H

#include "settings.h"

/* Reads one ini file over c. A missing file is fine unless must_exist. A bad
 * file gives -1 with e naming the file and line; c is then unchanged. */
int config_load_file(cdtt_config *c, const char *path, int must_exist, cdtt_err *e);

/* defaults, then /etc, then the user's file, then explicit (if not NULL). */
int config_load(cdtt_config *c, const char *explicit_path, cdtt_err *e);

/* Sets one key ("targets", "mooc") from text exactly as a file line would;
 * -1 with e saying why (without file and line) when the key is unknown or the
 * value is refused; c is then unchanged. */
int config_set_value(cdtt_config *c, const char *section, const char *key, const char *value, cdtt_err *e);

/* The user's own file: $XDG_CONFIG_HOME/cdtt/cdtt.ini or ~/.config/cdtt/cdtt.ini. */
void config_user_path(char *out, size_t n);

/* Turns the stderr warnings about unknown keys on or off (off under the full
 * screen); returns the previous state. */
int config_set_warnings(int on);

/* One setting to write: a known [section] key and its text value. */
typedef struct {
    const char *section, *key, *value;
} config_change;

/* Writes changes into the ini file at path (created with its folder when
 * missing): lines of the changed keys are rewritten, every other line (other
 * keys, comments) is kept verbatim. Each value is checked as config_load_file
 * would; the new text is read back with config_load_file before it replaces
 * the old file atomically (temporary file, fsync, rename; mode 0600). On any
 * error returns -1 with e set and the old file untouched. */
int config_write_user(const char *path, const config_change *ch, int n, cdtt_err *e);

/* Saves "kind.VALUE = ITEM" in the [aliases] section of the ini file at path
 * (created with its folder when missing; a line for the same kind and value,
 * compared as the program compares them, is replaced; every other line kept):
 * value then means item for imports. item must be an item of kind's list;
 * value may not hold characters an ini line cannot keep (= ; # " \). The file
 * is written as config_write_user writes it (read back first, then replaced
 * atomically). 0, or -1 with e set and the old file untouched. */
int config_write_alias(const char *path, const char *kind, const char *value, const char *item, cdtt_err *e);

/* The text value of a known key in c as a file would hold it ("100", "2022-11-30"). */
void config_value_text(const cdtt_config *c, const char *section, const char *key, char *out, size_t n);

#endif
