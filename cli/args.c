/* args.c — the options of subcommands ("--scheme S", "--force"), shared by cli/cmd-*.c. */
#include "cli.h"

#include <string.h>

int cli_parse_opts(const char *cmd, int argc, char **argv, const cli_opt *opts, const char **pos,
                   int max_pos)
{
    int npos = 0;
    bool only_words = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_words && strcmp(a, "--") == 0) {
            only_words = true;
            continue;
        }
        if (only_words || a[0] != '-' || a[1] == '\0') {
            if (npos >= max_pos)
                return cli_usage(cmd, _("too many arguments ('%s')"), a), -1;
            pos[npos++] = a;
            continue;
        }
        const cli_opt *o = opts;
        size_t n = 0;
        for (; o->name; o++) {
            n = strlen(o->name);
            if (strncmp(a, o->name, n) == 0 && (a[n] == '\0' || (a[n] == '=' && o->value)))
                break;
        }
        if (!o->name)
            return cli_usage(cmd, _("unknown option '%s'"), a), -1;
        if (!o->value) {
            *o->flag = true;
        } else if (a[n] == '=') {
            *o->value = a + n + 1;
        } else if (i + 1 < argc) {
            *o->value = argv[++i];
        } else {
            return cli_usage(cmd, _("%s needs a value"), o->name), -1;
        }
    }
    return npos;
}

int cli_take_repeated(const char *cmd, int argc, char **argv, const char *name, char **rest, int *nrest,
                      const char **values)
{
    size_t n = strlen(name);
    int nv = 0;
    *nrest = 0;
    for (int i = 0; i < argc; i++) {
        if (i > 0 && strcmp(argv[i], name) == 0) {
            if (i + 1 >= argc)
                return cli_usage(cmd, _("%s needs a value"), name), -1;
            values[nv++] = argv[++i];
        } else if (i > 0 && strncmp(argv[i], name, n) == 0 && argv[i][n] == '=') {
            values[nv++] = argv[i] + n + 1;
        } else {
            rest[(*nrest)++] = argv[i];
        }
    }
    return nv;
}
