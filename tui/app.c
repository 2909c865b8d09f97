/* app.c — TEMPORARY placeholder for the full-screen program (replaced by the screens work). */
#include "tui.h"
#include "db.h"
#include <curses.h>
#include <stdio.h>

int tui_run(const cdtt_config *cfg, const char *db_path)
{
    (void)cfg;
    cdtt_err e;
    sqlite3 *db = db_open(db_path, DB_CREATE, &e);
    if (!db) {
        fprintf(stderr, "cdtt: %s\n", e.msg);
        return 1;
    }
    initscr();
    mvprintw(0, 0, "cdtt %s — %s", CDTT_VERSION, db_path);
    mvprintw(2, 0, "F10 / q");
    refresh();
    getch();
    endwin();
    db_close(db);
    return 0;
}
