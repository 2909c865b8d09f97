/* term.c — every terminal quirk in one place: raw mode (so Ctrl-S, Ctrl-Q and
 * Ctrl-C reach the program), PuTTY's F1–F4, a short Esc delay, resizes, and
 * signals that end the program cleanly between two input events. */
#include "tui-core.h"

#include <stdio.h>
#include <curses.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got_signal;
static bool started;
static int cursor_state = -2;

/* Only notes the signal: the main loop ends between two input events. */
static void on_signal(int sig)
{
    got_signal = sig;
}

bool term_signalled(void)
{
    return got_signal != 0;
}

/* Sequences that terminals send whatever their terminfo entry says: PuTTY's
 * default F1–F4 (ESC[11~…), xterm's, the Linux console's (ESC[[A…), and the
 * cursor keys, so that a poor entry (TERM=vt100 over PuTTY) still works. */
static const struct {
    const char *seq;
    int key;
} KNOWN_KEYS[] = {
    {"\033[11~", KEY_F(1)}, {"\033[12~", KEY_F(2)}, {"\033[13~", KEY_F(3)}, {"\033[14~", KEY_F(4)},
    {"\033OP", KEY_F(1)},   {"\033OQ", KEY_F(2)},   {"\033OR", KEY_F(3)},   {"\033OS", KEY_F(4)},
    {"\033[[A", KEY_F(1)},  {"\033[[B", KEY_F(2)},  {"\033[[C", KEY_F(3)},  {"\033[[D", KEY_F(4)},
    {"\033[[E", KEY_F(5)},  {"\033[15~", KEY_F(5)}, {"\033[17~", KEY_F(6)}, {"\033[18~", KEY_F(7)},
    {"\033[19~", KEY_F(8)}, {"\033[20~", KEY_F(9)}, {"\033[21~", KEY_F(10)},
    {"\033[A", KEY_UP},     {"\033[B", KEY_DOWN},   {"\033[C", KEY_RIGHT},  {"\033[D", KEY_LEFT},
    {"\033OA", KEY_UP},     {"\033OB", KEY_DOWN},   {"\033OC", KEY_RIGHT},  {"\033OD", KEY_LEFT},
    {"\033[H", KEY_HOME},   {"\033[F", KEY_END},    {"\033OH", KEY_HOME},   {"\033OF", KEY_END},
    {"\033[1~", KEY_HOME},  {"\033[4~", KEY_END},   {"\033[7~", KEY_HOME},  {"\033[8~", KEY_END},
    {"\033[2~", KEY_IC},    {"\033[3~", KEY_DC},    {"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE},
    {"\033[Z", KEY_BTAB},
};

/* Key codes of our own for the marks around a bracketed paste. */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

static void define_known_keys(void)
{
    for (size_t i = 0; i < sizeof KNOWN_KEYS / sizeof KNOWN_KEYS[0]; i++)
        define_key(KNOWN_KEYS[i].seq, KNOWN_KEYS[i].key);
    define_key("\033[200~", KEY_PASTE_BEGIN);
    define_key("\033[201~", KEY_PASTE_END);
}

/* Asks the terminal to mark pasted text (bracketed paste, xterm's mode 2004;
 * PuTTY, tmux and most terminals honour it, others ignore it), or stops. */
static void bracketed_paste(bool on)
{
    fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
    fflush(stdout);
}

int term_start(void)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return -1;
    set_escdelay(150);
    if (!initscr())
        return -1;
    started = true;
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    define_known_keys();
    bracketed_paste(true);
    theme_init();
    /* No SA_RESTART: a signal interrupts the read, the loop ends cleanly. A save
     * under way finishes first: it is one transaction either way. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    /* Held back (a blocked SIGCONT still wakes a stopped process) so that
     * settle_hang_up can tell whether the hang-up's SIGCONT has come. */
    sigset_t cont;
    sigemptyset(&cont);
    sigaddset(&cont, SIGCONT);
    pthread_sigmask(SIG_BLOCK, &cont, NULL);
    return 0;
}

/* After a hang-up, the kernel sends SIGHUP then SIGCONT to the terminal's
 * foreground process group when the session leader (the shell that started
 * cdtt) exits, and that may be while cdtt is already exiting. A SIGCONT
 * discards a pending SIGSTOP, and a tracer that attached with one waits for the
 * stop for ever: LeakSanitizer's exit-time scan does exactly that, and the
 * program then spun in it, orphaned, for hours (issue 19). Promises that when
 * it returns no such SIGCONT is still to come, or a second has passed: a
 * session leader got its SIGCONT with the hang-up itself; a process that is not
 * its group's leader (`sh -c 'cdtt …'`) leaves the group; the leader of the
 * group (a job-control shell started it) waits for the SIGCONT. Does nothing
 * while the terminal works (a SIGHUP sent with kill, F10). */
static void settle_hang_up(void)
{
    struct termios t;
    if (tcgetattr(STDIN_FILENO, &t) == 0 || errno != EIO)
        return;
    pid_t me = getpid();
    if (getsid(0) == me)
        return;
    if (getpgrp() != me && setpgid(0, 0) == 0)
        return;
    sigset_t cont;
    sigemptyset(&cont);
    sigaddset(&cont, SIGCONT);
    struct timespec now, end;
    clock_gettime(CLOCK_MONOTONIC, &end);
    end.tv_sec += 1;
    for (;;) { /* the shell's SIGHUP comes just before, and interrupts the wait */
        clock_gettime(CLOCK_MONOTONIC, &now);
        long ns = (end.tv_sec - now.tv_sec) * 1000000000L + (end.tv_nsec - now.tv_nsec);
        if (ns <= 0)
            return;
        struct timespec left = {ns / 1000000000L, ns % 1000000000L};
        if (sigtimedwait(&cont, NULL, &left) >= 0 || errno != EINTR)
            return;
    }
}

void term_stop(void)
{
    if (!started)
        return;
    started = false;
    curs_set(1);
    bracketed_paste(false);
    endwin();
    settle_hang_up();
    sigset_t cont;
    sigemptyset(&cont);
    sigaddset(&cont, SIGCONT);
    pthread_sigmask(SIG_UNBLOCK, &cont, NULL);
}

void term_cursor(int visible)
{
    if (visible != cursor_state) {
        curs_set(visible);
        cursor_state = visible;
    }
}

/* The number of continuation bytes after a UTF-8 lead byte, or -1 when b
 * cannot start a character. */
static int utf8_tail(int b)
{
    if (b >= 0xC2 && b <= 0xDF)
        return 1;
    if (b >= 0xE0 && b <= 0xEF)
        return 2;
    if (b >= 0xF0 && b <= 0xF4)
        return 3;
    return -1;
}

/* The next input byte or key if one is already waiting, else ERR; it is
 * left to be read again. */
static int peek_key(void)
{
    timeout(0);
    int c = getch();
    timeout(-1);
    if (c != ERR)
        ungetch(c);
    return c;
}

/* After an Esc: when "[" is already waiting (no one types Esc [ that fast),
 * the rest of a control sequence that is not a key (the colours in copied
 * terminal text, "\e[31m") is read and dropped; returns true then. A lone
 * Esc is left alone. */
static bool skip_sequence(void)
{
    if (peek_key() != '[')
        return false;
    getch();
    for (int n = 0; n < 64; n++) {
        timeout(0);
        int c = getch();
        timeout(-1);
        if (c == ERR || c >= KEY_MIN)
            break;
        if (c >= 0x40 && c <= 0x7E)
            break; /* the final byte */
        if (c < 0x20 || c > 0x3F)
            break; /* not a parameter or intermediate byte: malformed, dropped */
    }
    return true;
}

/* Reads one key: a curses key code (is_key), a Unicode character, ERR, or
 * KEY_RESIZE. UTF-8 is decoded here, byte by byte, so that invalid bytes
 * (a bad paste) are dropped instead of blocking the input; so are escape
 * sequences that are not keys (skip_sequence). */
static int read_key(bool *is_key, wint_t *ch)
{
    for (;;) {
        int c = getch();
        if (c == 27 && skip_sequence())
            continue;
        if (c == ERR || c == KEY_RESIZE || c >= KEY_MIN) {
            *is_key = c >= KEY_MIN;
            *ch = (wint_t)c;
            return c == ERR ? ERR : OK;
        }
        *is_key = false;
        if (c < 0x80) {
            *ch = (wint_t)c;
            return OK;
        }
        int tail = utf8_tail(c);
        if (tail < 0)
            continue; /* a stray or invalid byte */
        uint32_t cp = (uint32_t)c & (0x3Fu >> tail);
        int k = 0;
        for (; k < tail; k++) {
            int b = getch();
            if (b == ERR || b < 0x80 || b > 0xBF) {
                if (b != ERR)
                    ungetch(b); /* not a continuation: it starts the next key */
                break;
            }
            cp = (cp << 6) | ((uint32_t)b & 0x3F);
        }
        if (k < tail || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
            (tail == 2 && cp < 0x800) || (tail == 3 && cp < 0x10000))
            continue; /* truncated, overlong or a surrogate: dropped */
        *ch = (wint_t)cp;
        return OK;
    }
}

/* The text of the paste being read, and its length in bytes. */
static char paste_buf[16384];

/* True for control characters that a paste never means as a key: every C0
 * control but Tab, Enter, Backspace and Esc. */
static bool stray_control(wint_t c)
{
    return (c < 32 && c != '\t' && c != '\r' && c != '\n' && c != 8 && c != 27);
}

/* Appends code point c to the paste as UTF-8 (silently stops when full). */
static void paste_add(size_t *len, wint_t c)
{
    char u[5];
    int n = 0;
    if (c < 0x80)
        u[n++] = (char)c;
    else if (c < 0x800) {
        u[n++] = (char)(0xC0 | (c >> 6));
        u[n++] = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        u[n++] = (char)(0xE0 | (c >> 12));
        u[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[n++] = (char)(0x80 | (c & 0x3F));
    } else {
        u[n++] = (char)(0xF0 | (c >> 18));
        u[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[n++] = (char)(0x80 | (c & 0x3F));
    }
    if (*len + (size_t)n + 1 < sizeof paste_buf) {
        memcpy(paste_buf + *len, u, (size_t)n);
        *len += (size_t)n;
        paste_buf[*len] = 0;
    } else {
        paste_buf[sizeof paste_buf - 1] = 0;
        *len = sizeof paste_buf; /* full: marks the paste as too long */
    }
}

/* Reads a bracketed paste up to its end mark into ev: line breaks and tabs
 * become one blank, other control characters and keys are dropped (and
 * counted), trailing blanks are dropped. Returns -1 when the program must end. */
static int read_paste(tui_event *ev)
{
    size_t len = 0;
    int dropped = 0;
    bool blank = false;
    paste_buf[0] = 0;
    for (;;) {
        if (got_signal)
            return -1;
        bool is_key;
        wint_t c;
        if (read_key(&is_key, &c) == ERR)
            return -1;
        if (is_key && c == KEY_PASTE_END)
            break;
        if (is_key || c == 127 || (c < 32 && c != '\t' && c != '\r' && c != '\n')) {
            dropped += !(is_key && c == KEY_RESIZE);
            continue;
        }
        if (c < 32) {
            blank = len > 0;
            continue;
        }
        if (blank && len < sizeof paste_buf)
            paste_add(&len, ' ');
        blank = false;
        if (len < sizeof paste_buf)
            paste_add(&len, c);
    }
    if (len >= sizeof paste_buf) /* more than the buffer: too long for any field */
        memset(paste_buf, 'x', sizeof paste_buf - 1);
    ev->is_key = false;
    ev->ch = 0;
    ev->act = ACT_NONE;
    ev->paste = paste_buf;
    ev->paste_dropped = dropped;
    return 1;
}

int term_read(tui_event *ev, bool text_input)
{
    static bool after_printable;
    int errors = 0;
    ev->paste = NULL;
    ev->paste_dropped = 0;
    for (;;) {
        if (got_signal)
            return -1;
        wint_t ch;
        bool is_key;
        errno = 0;
        if (read_key(&is_key, &ch) == ERR) {
            /* EINTR from a signal is checked above; a vanished terminal keeps
             * returning ERR: give up after a few. */
            if (got_signal || ++errors > 20)
                return -1;
            continue;
        }
        if (is_key && ch == KEY_RESIZE)
            return 0;
        if (is_key && ch == KEY_PASTE_BEGIN) {
            after_printable = false;
            return read_paste(ev);
        }
        if (is_key && ch == KEY_PASTE_END)
            continue;
        /* A control character between two printable ones of one burst was
         * pasted (without brackets), not typed: dropped. */
        if (!is_key && stray_control(ch) && after_printable) {
            int next = peek_key();
            if (next != ERR && next >= 32 && next < KEY_MIN && next != 127)
                continue;
        }
        after_printable = !is_key && ch >= 32 && ch != 127;
        ev->is_key = is_key;
        ev->ch = ch;
        /* Some terminals send DEL for Backspace, and Ctrl-H. */
        if (!ev->is_key && (ch == 127 || ch == 8)) {
            ev->is_key = true;
            ev->ch = KEY_BACKSPACE;
        }
        ev->act = keys_action(ev->is_key, ev->ch, text_input);
        return 1;
    }
}
