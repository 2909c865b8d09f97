/* settings.c — the settings' built-in values and names. */
#include "settings.h"

#include <stdio.h>
#include <string.h>

void config_defaults(cdtt_config *c)
{
    memset(c, 0, sizeof *c);
    snprintf(c->lang, sizeof c->lang, "vi");
    snprintf(c->telex_tone_style, sizeof c->telex_tone_style, "new");
    /* Plan 4510/BTTTT-CĐSQG (5 Sept 2022). */
    c->targets[TARGET_MOOC] = (cdtt_target){100.0, "2022-11-30"};
    c->targets[TARGET_ZALO] = (cdtt_target){100.0, "2022-09-30"};
    c->targets[TARGET_INPERSON] = (cdtt_target){100.0, "2022-09-30"};
    c->inperson_min_attendees = 1;
    c->team_max_commune = 10;
    c->team_max_village = 5;
}

const char *config_indicator_name(enum target_indicator t)
{
    static const char *const names[TARGET_COUNT] = {"mooc", "zalo", "inperson"};
    return (t >= 0 && t < TARGET_COUNT) ? names[t] : "";
}
