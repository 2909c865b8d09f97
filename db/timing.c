/* timing.c — "EVENT MS" lines for benchmarks, written only when CDTT_TIMING
 * names a file. */
#include "timing.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double start_ms;
static const char *path;

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

void timing_start(void)
{
    start_ms = mono_ms();
    const char *p = getenv("CDTT_TIMING");
    path = p && p[0] ? p : NULL;
}

int timing_on(void)
{
    return path != NULL;
}

double timing_ms(void)
{
    return start_ms > 0 ? mono_ms() - start_ms : 0;
}

void timing_mark(const char *event, double since_ms)
{
    if (!path)
        return;
    char line[128];
    int n = snprintf(line, sizeof line, "%s %.1f\n", event, timing_ms() - since_ms);
    if (n <= 0 || (size_t)n >= sizeof line)
        return;
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return;
    if (write(fd, line, (size_t)n) != n) {
        /* A benchmark aid: a failed write is not the user's problem. */
    }
    close(fd);
}
