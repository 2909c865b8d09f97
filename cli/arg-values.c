/* arg-values.c — reading dates and texts given on the command line. */
#include "cli.h"
#include "validate.h"

#include <stdio.h>
#include <string.h>

int cli_date_arg(const char *cmd, const char *in, char out[11])
{
    valid_result r;
    if (!in || validate_date(in, out, &r) != VALID_OK || !out[0])
        return cli_usage(cmd, _("'%s' is not a date (dd/mm/yyyy or yyyy-mm-dd)"), in ? in : "");
    return 0;
}

int cli_text_arg(const char *opt, const char *in, char *out, size_t n)
{
    if (strlen(in) >= n)
        return cli_fail(_("%s: the text is too long (at most %zu bytes)"), opt, n - 1);
    snprintf(out, n, "%s", in);
    return 0;
}
