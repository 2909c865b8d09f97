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

/* Names are made when armed: the handler only calls unlink, which is safe there. */
static char names[N_NAMES][4200];
static char folder_name[4200]; /* "" for none */
static volatile sig_atomic_t armed;
static struct sigaction previous[N_SIGNALS];
static int taken[N_SIGNALS];

static void on_signal(int sig)
{
    if (armed)
        for (size_t i = 0; i < N_NAMES; i++)
            unlink(names[i]);
    if (armed && folder_name[0])
        rmdir(folder_name);
    signal(sig, SIG_DFL);
    raise(sig);
}

void tmpguard_arm(const char *path)
{
    tmpguard_arm_in(path, NULL);
}

void tmpguard_arm_in(const char *path, const char *folder)
{
    snprintf(folder_name, sizeof folder_name, "%s", folder ? folder : "");
    for (size_t i = 0; i < N_NAMES; i++)
        snprintf(names[i], sizeof names[i], "%s%s", path, SUFFIX[i]);
    armed = 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < N_SIGNALS; i++) {
        struct sigaction now;
        taken[i] = sigaction(SIGNALS[i], NULL, &now) == 0 && now.sa_handler == SIG_DFL &&
                   sigaction(SIGNALS[i], &sa, &previous[i]) == 0;
    }
}

void tmpguard_disarm(void)
{
    armed = 0;
    for (size_t i = 0; i < N_SIGNALS; i++)
        if (taken[i])
            sigaction(SIGNALS[i], &previous[i], NULL);
    memset(taken, 0, sizeof taken);
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
