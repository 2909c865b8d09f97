/* date-arg.c — reading a date given on the command line. */
#include "cli.h"
#include "validate.h"

int cli_date_arg(const char *cmd, const char *in, char out[11])
{
    valid_result r;
    if (!in || validate_date(in, out, &r) != VALID_OK || !out[0])
        return cli_usage(cmd, _("'%s' is not a date (dd/mm/yyyy or yyyy-mm-dd)"), in ? in : "");
    return 0;
}
