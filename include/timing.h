/* timing.h — optional timing lines for benchmarks. With the environment
 * variable CDTT_TIMING=FILE set, the program appends "EVENT MS" lines to FILE
 * (created mode 0600); without it every call here does nothing and costs a
 * branch. Times are milliseconds on the monotonic clock. */
#ifndef CDTT_TIMING_H
#define CDTT_TIMING_H

/* Notes the program's start (call first in main) and reads CDTT_TIMING. */
void timing_start(void);

/* True when CDTT_TIMING names a file. */
int timing_on(void);

/* Milliseconds on the monotonic clock since timing_start (0 when never started). */
double timing_ms(void);

/* Appends "event MS" to the timing file, MS being the milliseconds since
 * since_ms (a timing_ms() value; 0 = the start), one decimal. No-op when off. */
void timing_mark(const char *event, double since_ms);

#endif
