/* options.c — reading "--name VALUE" options of subcommands. */
#include "cli.h"

#include <string.h>
#include "validate.h"

int cli_arg_value(int argc, char **argv, int *i, const char *name, const char **val)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *val = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc)
        return -1;
    *val = argv[++*i];
    return 1;
}

int cli_date_arg(const char *cmd, const char *in, char out[11])
{
    valid_result r;
    if (!in || validate_date(in, out, &r) != VALID_OK || !out[0])
        return cli_usage(cmd, _("'%s' is not a date (dd/mm/yyyy or yyyy-mm-dd)"), in ? in : "");
    return 0;
}
