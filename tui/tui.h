/* tui.h — the full-screen program. */
#ifndef CDTT_TUI_H
#define CDTT_TUI_H

#include "settings.h"

/* Runs the interactive program on db_path (created when missing) until the user
 * quits. Returns the process exit status (0 on a normal quit). Needs a terminal. */
int tui_run(const cdtt_config *cfg, const char *db_path);

#endif
