/* progress-bar.c — a progress bar on the message line during long work,
 * redrawn at most about four times a second with one doupdate each. */
#include "tui-exchange.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static char what_[128];
static double last_;

/* Seconds on a clock that never goes back. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(const char *what)
{
    snprintf(what_, sizeof what_, "%s", what);
    last_ = 0;
    progress_show("", 0, 0);
}

void progress_show(const char *step, long long done, long long total)
{
    double t = now();
    if (last_ > 0 && t - last_ < 0.25)
        return;
    last_ = t;
    if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES)
        return;
    char head[300], tail[64];
    snprintf(head, sizeof head, "%s%s%s ", what_, step && *step ? ": " : "", step ? step : "");
    if (total > 0)
        snprintf(tail, sizeof tail, " %3lld%%", done * 100 / total > 100 ? 100 : done * 100 / total);
    else
        snprintf(tail, sizeof tail, " %lld", done);
    int y = LINES - 2;
    draw_fill(y, 0, COLS, A_NORMAL);
    int x = draw_text(y, 0, head, COLS / 2, A_BOLD);
    int width = COLS - x - (int)strlen(tail) - 3;
    if (width < 4)
        width = 4;
    int filled = total > 0 ? (int)(done * width / total) : 0;
    if (filled > width)
        filled = width;
    char bar[512];
    int k = 0;
    bar[k++] = '[';
    for (int i = 0; i < width && k < (int)sizeof bar - 3; i++)
        bar[k++] = i < filled ? '#' : '.';
    bar[k++] = ']';
    bar[k] = 0;
    x += draw_text(y, x, bar, COLS - x, A_NORMAL);
    draw_text(y, x, tail, COLS - x, A_NORMAL);
    wnoutrefresh(stdscr);
    doupdate();
}

void progress_package_cb(void *user, const char *step, long long done, long long total)
{
    (void)user;
    progress_show(step, done, total);
}

void progress_csvio_cb(void *ctx, long long done, long long total)
{
    (void)ctx;
    progress_show("", done, total);
}
