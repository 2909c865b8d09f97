/* tmpguard.h — removing a file under construction when the program is told to
 * stop (Ctrl-C, kill, a dropped SSH link) before it is finished. */
#ifndef CDTT_TMPGUARD_H
#define CDTT_TMPGUARD_H

/* From now until tmpguard_disarm, SIGINT, SIGTERM or SIGHUP removes path and
 * the files SQLite keeps beside it (-journal, -wal, -shm), then ends the program
 * as the signal would have. Signals that already have a handler (the
 * full-screen program's) are left to it. One file at a time. */
void tmpguard_arm(const char *path);

/* The same for a file in a private folder (which holds only path and those
 * files), removed after them; a guard of its own, so that tmpguard_arm and
 * tmpguard_disarm of another file meanwhile leave it armed. */
void tmpguard_arm_in(const char *path, const char *folder);

/* Adds a second file (and SQLite's files beside it) in the folder of
 * tmpguard_arm_in, removed with the first. */
void tmpguard_also_in(const char *path);

/* Forgets the file of tmpguard_arm; the signals get back their previous
 * handling once no guard is armed. */
void tmpguard_disarm(void);

/* Forgets the file and folder of tmpguard_arm_in, likewise. */
void tmpguard_disarm_in(void);

/* Until tmpguard_release, SIGINT, SIGTERM and SIGHUP wait: a caller making a
 * folder and arming for it, or disarming and removing it, is not stopped in
 * between (a signal that came meanwhile takes effect at the release). Not
 * nested. */
void tmpguard_hold(void);

/* Lets the signals held by tmpguard_hold through again. */
void tmpguard_release(void);

#endif
