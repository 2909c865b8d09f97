/* cmd-keys.c — `cdtt keys show|list|trust|forget|export|import`: the office's
 * key (which signs its packages) and the keys it knows of other offices. */
#include "cli.h"
#include "commands.h"
#include "keys.h"
#include "office.h"
#include "units.h"

#include <stdio.h>
#include <string.h>

/* The words of a key's role. */
static const char *role_text(key_role r)
{
    return r == KEY_ROLE_BELOW ? _("office below (its packages must carry this key)")
         : r == KEY_ROLE_ABOVE ? _("office above (packages are encrypted to it)")
                               : _("NEW KEY waiting to be trusted (cdtt keys trust)");
}

/* `keys show`: this office's fingerprint and key line. */
static int show(sqlite3 *db)
{
    office_rec o;
    if (office_get(db, &o) < 0)
        return cli_fail("%s", _("this file has no office yet; run 'cdtt init' first"));
    unsigned char pk[KEY_PUBLIC_BYTES];
    cdtt_err e;
    if (keys_public(db, pk, &e) < 0)
        return cli_fail("%s", e.msg);
    char fp[KEY_FINGERPRINT_LEN], line[700];
    keys_fingerprint(pk, fp);
    keys_line(o.scheme, o.code, pk, o.name, line, sizeof line);
    printf(_("Office: %s %s (scheme %s)\n"), o.code, o.name, o.scheme);
    printf(_("Fingerprint: %s\n"), fp);
    printf(_("Key: %s\n"), line);
    return 0;
}

static int print_known(const known_key *k, void *arg)
{
    (void)arg;
    printf("%s:%s\t%s\t%s\t%s\t%.10s\t%s\n", k->scheme, k->code, k->name, k->fingerprint, role_text(k->role),
           k->added_at, k->how);
    return 0;
}

/* `keys export [-o FILE]`: the key line, on stdout or into FILE (mode 0644: it is public). */
static int export_key(sqlite3 *db, const char *path, bool force)
{
    office_rec o;
    unsigned char pk[KEY_PUBLIC_BYTES];
    cdtt_err e;
    if (office_get(db, &o) < 0)
        return cli_fail("%s", _("this file has no office yet; run 'cdtt init' first"));
    if (keys_public(db, pk, &e) < 0)
        return cli_fail("%s", e.msg);
    char line[700];
    keys_line(o.scheme, o.code, pk, o.name, line, sizeof line);
    if (!path) {
        printf("%s\n", line);
        return 0;
    }
    FILE *f = fopen(path, force ? "w" : "wx");
    if (!f)
        return cli_fail(_("cannot write %s: %m (an existing file is replaced only with --force)"), path);
    fprintf(f, "%s\n", line);
    if (fclose(f) != 0)
        return cli_fail(_("cannot write %s: %m"), path);
    char fp[KEY_FINGERPRINT_LEN];
    keys_fingerprint(pk, fp);
    printf(_("%s: the key of %s %s, fingerprint %s.\n"), path, o.code, o.name, fp);
    return 0;
}

/* Whether office code lies above this office o (the nation, its province, or
 * in the pre-2025 scheme its district), by the file's unit list. */
static int is_above(sqlite3 *db, const office_rec *o, const char *code)
{
    if (strcmp(code, "00") == 0)
        return strcmp(o->level, "national") != 0;
    unit_rec u;
    cdtt_err e;
    if (units_find(db, o->scheme, o->code, &u, &e) != 1)
        return 0;
    return strcmp(code, u.province_code) == 0 ? strcmp(o->level, "province") != 0
                                              : strcmp(code, u.parent_code) == 0 && strcmp(o->level, "commune") == 0;
}

/* `keys import FILE`: the office above's key, to which packages are encrypted. */
static int import_key(sqlite3 *db, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return cli_fail(_("cannot read %s: %m"), path);
    char line[1024] = "";
    char *got = fgets(line, sizeof line, f);
    fclose(f);
    char scheme[12], code[12], name[404];
    unsigned char pk[KEY_PUBLIC_BYTES];
    cdtt_err e;
    if (!got || keys_parse_line(line, scheme, code, pk, name, &e) < 0)
        return cli_fail("%s: %s", path, got ? e.msg : _("the file is empty"));
    office_rec o;
    if (office_get(db, &o) < 0)
        return cli_fail("%s", _("this file has no office yet; run 'cdtt init' first"));
    if (strcmp(scheme, o.scheme) != 0)
        return cli_fail(_("%s is the key of %s %s in the %s list of units; this office uses the %s list"), path,
                        code, name, scheme, o.scheme);
    if (!is_above(db, &o, code))
        return cli_fail(_("%s is the key of %s %s, which is not above this office (%s %s): only the key of the "
                          "office packages are sent to is imported"), path, code, name, o.code, o.name);
    if (keys_known_put(db, scheme, code, KEY_ROLE_ABOVE, pk, name, "imported", &e) < 0)
        return cli_fail("%s", e.msg);
    char fp[KEY_FINGERPRINT_LEN];
    keys_fingerprint(pk, fp);
    printf(_("The key of %s %s (fingerprint %s) is kept: check the fingerprint with that office by phone.\n"),
           code, name, fp);
    return 0;
}

static int cmd_keys(cli_ctx *ctx, int argc, char **argv)
{
    const char *out = NULL;
    bool force = false;
    const char *pos[3] = {NULL, NULL, NULL};
    const cli_opt opts[] = {{"-o", &out, NULL}, {"--output", &out, NULL}, {"--force", NULL, &force},
                            {NULL, NULL, NULL}};
    int n = cli_parse_opts("keys", argc, argv, opts, pos, 3);
    if (n < 0)
        return 2;
    const char *what = n ? pos[0] : "show";
    int need = strcmp(what, "trust") == 0 ? 3 : strcmp(what, "forget") == 0 || strcmp(what, "import") == 0 ? 2 : 1;
    if (strcmp(what, "show") && strcmp(what, "list") && strcmp(what, "trust") && strcmp(what, "forget") &&
        strcmp(what, "export") && strcmp(what, "import"))
        return cli_usage("keys", _("say show, list, trust, forget, export or import, not '%s'"), what);
    if (n != need && !(n == 0 && need == 1))
        return cli_usage("keys", _("wrong number of arguments for 'keys %s'"), what);
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    cdtt_err e;
    if (strcmp(what, "show") == 0)
        return show(db);
    if (strcmp(what, "export") == 0)
        return export_key(db, out, force);
    if (strcmp(what, "import") == 0)
        return import_key(db, pos[1]);
    if (strcmp(what, "list") == 0)
        return keys_known_each(db, print_known, NULL, &e) < 0 ? cli_fail("%s", e.msg) : 0;
    if (strcmp(what, "trust") == 0) {
        if (keys_trust(db, pos[1], pos[2], &e) < 0)
            return cli_fail("%s", e.msg);
        printf(_("Office %s's new key (fingerprint %s) is trusted: import its package again.\n"), pos[1], pos[2]);
        return 0;
    }
    int k = keys_forget(db, pos[1], &e);
    if (k < 0)
        return cli_fail("%s", e.msg);
    printf(_("%d key(s) of office %s forgotten; its next package is trusted on first use.\n"), k, pos[1]);
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_KEYS = {"keys", NULL, cmd_keys, N_("[show | list | trust CODE FINGERPRINT | forget CODE | export [-o FILE] | import FILE]"),
 N_("this office's key (it signs its packages) and the keys of the offices it exchanges with")};
