/* config.c — built-in defaults and cdtt.ini files (iniparser). */
#include "config.h"

#include <iniparser.h>
#include <stdio.h>
#include <stdlib.h>
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

int config_load_file(cdtt_config *c, const char *path, int must_exist, cdtt_err *e)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        if (must_exist)
            return err_set(e, _("cannot read the configuration file %s"), path);
        return 0;
    }
    fclose(f);
    dictionary *d = iniparser_load(path);
    if (!d)
        return err_set(e, _("%s: the configuration file cannot be read"), path);
    const char *v = iniparser_getstring(d, "storage:db", NULL);
    if (v)
        snprintf(c->db_path, sizeof c->db_path, "%s", v);
    v = iniparser_getstring(d, "ui:lang", NULL);
    if (v)
        snprintf(c->lang, sizeof c->lang, "%s", strcmp(v, "en") == 0 ? "en" : "vi");
    iniparser_freedict(d);
    if (c->n_loaded < 4)
        snprintf(c->loaded_from[c->n_loaded++], sizeof c->loaded_from[0], "%s", path);
    return 0;
}

int config_load(cdtt_config *c, const char *explicit_path, cdtt_err *e)
{
    config_defaults(c);
    if (config_load_file(c, "/etc/cdtt/cdtt.ini", 0, e) < 0)
        return -1;
    char path[4096];
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (xdg && *xdg == '/')
        snprintf(path, sizeof path, "%s/cdtt/cdtt.ini", xdg);
    else
        snprintf(path, sizeof path, "%s/.config/cdtt/cdtt.ini", home && *home ? home : ".");
    if (config_load_file(c, path, 0, e) < 0)
        return -1;
    if (explicit_path && config_load_file(c, explicit_path, 1, e) < 0)
        return -1;
    return 0;
}
