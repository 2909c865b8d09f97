/* tmpguard.c — removing a file under construction on Ctrl-C, kill or hang-up. */
#include "tmpguard.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const int SIGNALS[] = {SIGINT, SIGTERM, SIGHUP};
#define N_SIGNALS (sizeof SIGNALS / sizeof SIGNALS[0])
static const char *const SUFFIX[] = {"", "-journal", "-wal", "-shm"};
#define N_NAMES (sizeof SUFFIX / sizeof SUFFIX[0])

/* Two guards that may be armed together: a file alone (tmpguard_arm), and a
 * file in a private folder removed after it (tmpguard_arm_in), so that a file
 * made while a private folder is open does not unguard the folder. Names are
 * made when armed: the handler only calls unlink and rmdir, safe there. */
typedef struct {
    char names[N_NAMES][4200];
    char more[N_NAMES][4200]; /* a second file in the folder ("" for none) */
    char folder[4200]; /* "" for none */
    volatile sig_atomic_t armed;
} guard;
static guard file_guard, folder_guard;
static struct sigaction previous[N_SIGNALS];
static int taken[N_SIGNALS];

static void remove_guarded(const guard *g)
{
    if (!g->armed)
        return;
    for (size_t i = 0; i < N_NAMES; i++) {
        unlink(g->names[i]);
        if (g->more[i][0])
            unlink(g->more[i]);
    }
    if (g->folder[0])
        rmdir(g->folder);
}

static void on_signal(int sig)
{
    remove_guarded(&file_guard);
    remove_guarded(&folder_guard);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Takes the signals that have no handler yet, once. */
static void take_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < N_SIGNALS; i++) {
        struct sigaction now;
        if (!taken[i])
            taken[i] = sigaction(SIGNALS[i], NULL, &now) == 0 && now.sa_handler == SIG_DFL &&
                       sigaction(SIGNALS[i], &sa, &previous[i]) == 0;
    }
}

/* Gives the signals back once neither guard is armed. */
static void give_signals(void)
{
    if (file_guard.armed || folder_guard.armed)
        return;
    for (size_t i = 0; i < N_SIGNALS; i++)
        if (taken[i])
            sigaction(SIGNALS[i], &previous[i], NULL);
    memset(taken, 0, sizeof taken);
}

static void arm(guard *g, const char *path, const char *folder)
{
    g->armed = 0;
    snprintf(g->folder, sizeof g->folder, "%s", folder ? folder : "");
    for (size_t i = 0; i < N_NAMES; i++) {
        snprintf(g->names[i], sizeof g->names[i], "%s%s", path, SUFFIX[i]);
        g->more[i][0] = '\0';
    }
    g->armed = 1;
    take_signals();
}

void tmpguard_arm(const char *path)
{
    arm(&file_guard, path, NULL);
}

void tmpguard_arm_in(const char *path, const char *folder)
{
    arm(&folder_guard, path, folder);
}

void tmpguard_also_in(const char *path)
{
    tmpguard_hold();
    for (size_t i = 0; i < N_NAMES; i++)
        snprintf(folder_guard.more[i], sizeof folder_guard.more[i], "%s%s", path, SUFFIX[i]);
    tmpguard_release();
}

void tmpguard_disarm(void)
{
    file_guard.armed = 0;
    give_signals();
}

void tmpguard_disarm_in(void)
{
    folder_guard.armed = 0;
    give_signals();
}

static sigset_t held_before;

void tmpguard_hold(void)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < N_SIGNALS; i++)
        sigaddset(&set, SIGNALS[i]);
    sigprocmask(SIG_BLOCK, &set, &held_before);
}

void tmpguard_release(void)
{
    sigprocmask(SIG_SETMASK, &held_before, NULL);
}
