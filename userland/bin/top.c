/*
 * top: a summary of the machine and a table of its busiest tasks, as procps-ng's top.
 *     top [-b] [-n FRAMES] [-d SECONDS] [-H] [-1]
 * -b (batch) prints the frames one after the other, for a file or a pipe; without it the
 * screen is cleared and redrawn every second of virtual time, and keys are read from the
 * console as they are typed, as top does: the terminal is put in non-canonical mode without
 * echo (ISIG stays, so Ctrl-C still ends top) and standard input is made non-blocking, and
 * both are put back when top quits. q quits, H toggles threads, 1 toggles one CPU line per
 * CPU; only the tasks that fit on the terminal (TIOCGWINSZ) are listed. -n stops after FRAMES frames, -d sets the
 * delay, -H shows threads instead of processes, -1 starts with per-CPU lines.
 *
 * The layout is top's, in 80 columns:
 *     top - HH:MM:SS up ..., N user,  load average: a, b, c
 *     Tasks: (or Threads:) total running sleeping stopped zombie
 *     %Cpu(s): us sy ni id wa hi si st   (from /proc/stat)
 *     MiB Mem / MiB Swap                  (from /proc/meminfo)
 *     PID USER PR NI VIRT RES SHR S %CPU %MEM TIME+ COMMAND
 * %CPU is the share of one CPU a task used since the previous frame (since it started,
 * for the first frame); tasks are sorted by it, busiest first, then by pid.
 */
#include <errno.h>
#include <fcntl.h>
#include <proc/readproc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define WIDTH 80
#define MAX_CPUS 64
#define CPU_FIELDS 8

struct row {
    proc_t p;
    long pcpu_tenths;
};

struct sample {
    int tid;
    unsigned long ticks;
};

static struct sample *previous;
static int nprevious;
static long previous_uptime;
static unsigned long previous_cpu[MAX_CPUS + 1][CPU_FIELDS];
static int show_threads, per_cpu;
static int screen_rows = -1; /* the terminal's height in the live view; -1: print every task */

/* Prints tenths as top's "%W.1f": 1234 as "123.4". */
static void print_tenths(long tenths, int width) {
    char buf[32];
    snprintf(buf, sizeof buf, "%ld.%ld", tenths / 10, tenths % 10);
    printf("%*s", width, buf);
}

/* Reads the small file path into buf, NUL-terminated; the length, or -1. */
static int read_text(const char *path, char *buf, int size) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    long n = read(fd, buf, size - 1);
    close(fd);
    buf[n > 0 ? n : 0] = 0;
    return (int) n;
}

/* The value in kB of the /proc/meminfo line "NAME:   VALUE kB" in text; 0 if there is none. */
static long meminfo(const char *text, const char *name) {
    size_t len = strlen(name);
    for (const char *line = text; line != NULL && *line != 0; line = strchr(line, '\n')) {
        if (*line == '\n') line++;
        if (strncmp(line, name, len) == 0 && line[len] == ':') return atol(line + len + 1);
    }
    return 0;
}

/* The summary lines above the table, for the tasks rows[0..n); returns how many it printed. */
static int print_summary(struct row *rows, int n) {
    int lines = 4; /* top, Tasks and the two memory lines; the CPU lines are counted as printed */
    char buf[4096];
    long up = uptime_hundredths() / 100;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    printf("top - %02d:%02d:%02d up ", tm.tm_hour, tm.tm_min, tm.tm_sec);
    if (up >= 86400) printf("%ld day%s, ", up / 86400, up / 86400 == 1 ? "" : "s");
    if (up % 86400 >= 3600) printf("%2ld:%02ld, ", up % 86400 / 3600, up % 3600 / 60);
    else printf("%ld min, ", up % 3600 / 60);
    char l1[16] = "0.00", l5[16] = "0.00", l15[16] = "0.00";
    if (read_text("/proc/loadavg", buf, sizeof buf) > 0) {
        char *p = buf;
        char *fields[3] = {l1, l5, l15};
        for (int i = 0; i < 3; i++) {
            char *space = strchr(p, ' ');
            if (space == NULL) break;
            *space = 0;
            snprintf(fields[i], 16, "%s", p);
            p = space + 1;
        }
    }
    printf(" 0 user,  load average: %s, %s, %s\n", l1, l5, l15);

    int running = 0, sleeping = 0, stopped = 0, zombie = 0;
    for (int i = 0; i < n; i++) {
        char s = rows[i].p.state;
        if (s == 'R') running++;
        else if (s == 'T' || s == 't') stopped++;
        else if (s == 'Z') zombie++;
        else sleeping++;
    }
    printf("%s %3d total, %3d running, %3d sleeping, %3d stopped, %3d zombie\n",
           show_threads ? "Threads:" : "Tasks:", n, running, sleeping, stopped, zombie);

    if (read_text("/proc/stat", buf, sizeof buf) > 0) {
        char *line = buf;
        for (int cpu = 0; line != NULL && *line != 0 && cpu <= MAX_CPUS; cpu++) {
            if (strncmp(line, "cpu", 3) != 0) break;
            unsigned long v[CPU_FIELDS], total = 0;
            char *p = strchr(line, ' ');
            for (int i = 0; i < CPU_FIELDS; i++) {
                v[i] = strtoul(p, &p, 10);
                total += v[i] - previous_cpu[cpu][i];
            }
            if ((cpu == 0) != per_cpu) {
                if (cpu == 0) printf("%%Cpu(s):");
                else printf("%%Cpu%-3d:", cpu - 1);
                static const char *names[CPU_FIELDS] = {"us", "ni", "sy", "id", "wa", "hi", "si", "st"};
                static const int order[CPU_FIELDS] = {0, 2, 1, 3, 4, 5, 6, 7}; /* us sy ni id ... */
                for (int k = 0; k < CPU_FIELDS; k++) {
                    int i = order[k];
                    long tenths = total ? (long) ((v[i] - previous_cpu[cpu][i]) * 1000 / total) : (i == 3 ? 1000 : 0);
                    print_tenths(tenths, 5);
                    printf(" %s%s", names[i], k == CPU_FIELDS - 1 ? " \n" : ",");
                }
                lines++;
            }
            memcpy(previous_cpu[cpu], v, sizeof v);
            line = strchr(line, '\n');
            if (line != NULL) line++;
        }
    }

    if (read_text("/proc/meminfo", buf, sizeof buf) > 0) {
        long total = meminfo(buf, "MemTotal"), free_kb = meminfo(buf, "MemFree");
        long avail = meminfo(buf, "MemAvailable");
        long cache = meminfo(buf, "Buffers") + meminfo(buf, "Cached") + meminfo(buf, "SReclaimable");
        long swap_total = meminfo(buf, "SwapTotal"), swap_free = meminfo(buf, "SwapFree");
        long mib[4] = {total, free_kb, total - avail, cache};
        printf("MiB Mem :");
        static const char *mem_names[4] = {"total,", "free,", "used,", "buff/cache     "};
        for (int i = 0; i < 4; i++) {
            print_tenths((mib[i] * 10 + 512) / 1024, 9);
            printf(" %s", mem_names[i]);
        }
        printf("\nMiB Swap:");
        print_tenths((swap_total * 10 + 512) / 1024, 9);
        printf(" total,");
        print_tenths((swap_free * 10 + 512) / 1024, 9);
        printf(" free,");
        print_tenths(((swap_total - swap_free) * 10 + 512) / 1024, 9);
        printf(" used.");
        print_tenths((avail * 10 + 512) / 1024, 9);
        printf(" avail Mem \n");
    }
    return lines;
}

/* Reads every process (or thread) and its %CPU since the previous frame. */
static struct row *collect(int *count) {
    int *pids, n = list_tasks(0, &pids), nrows = 0, cap = 16;
    struct row *rows = malloc(cap * sizeof *rows);
    long uptime = uptime_hundredths();
    char dir[64];
    for (int i = 0; i < n; i++) {
        int *tids, nt = 1;
        if (show_threads) nt = list_tasks(pids[i], &tids);
        for (int j = 0; j < nt; j++) {
            if (show_threads) snprintf(dir, sizeof dir, "/proc/%d/task/%d", pids[i], tids[j]);
            else snprintf(dir, sizeof dir, "/proc/%d", pids[i]);
            if (nrows == cap) rows = realloc(rows, (cap *= 2) * sizeof *rows);
            if (readproc(dir, &rows[nrows].p) < 0) continue;
            proc_t *p = &rows[nrows].p;
            unsigned long ticks = p->utime + p->stime, before = 0;
            long interval = uptime - (long) p->start_time;
            for (int k = 0; k < nprevious; k++) {
                if (previous[k].tid == p->tid) {
                    before = previous[k].ticks;
                    interval = uptime - previous_uptime;
                }
            }
            rows[nrows].pcpu_tenths = interval > 0 ? (long) ((ticks - before) * 1000 / interval) : 0;
            nrows++;
        }
        if (show_threads && nt >= 0) free(tids);
    }
    free(pids);
    free(previous);
    previous = malloc((nrows + 1) * sizeof *previous);
    for (int i = 0; i < nrows; i++) {
        previous[i].tid = rows[i].p.tid;
        previous[i].ticks = rows[i].p.utime + rows[i].p.stime;
    }
    nprevious = nrows;
    previous_uptime = uptime;
    *count = nrows;
    return rows;
}

/* qsort order: highest %CPU first, then lowest pid. */
static int busiest_first(const void *a, const void *b) {
    const struct row *x = a, *y = b;
    if (x->pcpu_tenths != y->pcpu_tenths) return x->pcpu_tenths > y->pcpu_tenths ? -1 : 1;
    return x->p.tid - y->p.tid;
}

/* The blank line, the column header and a line per task (at most max_rows), cut to WIDTH columns. */
static void print_table(struct row *rows, int n, long mem_total_kb, int max_rows) {
    printf("\n  PID USER      PR  NI    VIRT    RES    SHR S  %%CPU  %%MEM     TIME+ COMMAND\n");
    if (max_rows >= 0 && n > max_rows) n = max_rows;
    for (int i = 0; i < n; i++) {
        proc_t *p = &rows[i].p;
        char user[64], pr[16], line[256];
        user_name(p->euid, user, sizeof user);
        if (p->priority <= -100) snprintf(pr, sizeof pr, "rt");
        else snprintf(pr, sizeof pr, "%ld", p->priority);
        unsigned long t = p->utime + p->stime;
        long res = p->rss * 4;
        int len = snprintf(line, sizeof line, "%5d %-8.8s %3s %3ld %7lu %6ld %6d %c ", p->tid, user, pr, p->nice,
                           p->vsize / 1024, res, 0, p->state);
        fputs(line, stdout);
        print_tenths(rows[i].pcpu_tenths, 5);
        putchar(' ');
        print_tenths(mem_total_kb > 0 ? res * 1000 / mem_total_kb : 0, 5);
        snprintf(line, sizeof line, "%lu:%02lu.%02lu", t / 6000, t / 100 % 60, t % 100);
        printf(" %9s ", line);
        len += 5 + 1 + 5 + 1 + 9 + 1;
        int room = WIDTH - len;
        if ((int) strlen(p->comm) > room) printf("%.*s+\n", room - 1, p->comm);
        else printf("%s\n", p->comm);
    }
}

/* One whole frame: the summary and the sorted table. */
static void frame(void) {
    char buf[4096];
    long mem_total = read_text("/proc/meminfo", buf, sizeof buf) > 0 ? meminfo(buf, "MemTotal") : 0;
    int n;
    struct row *rows = collect(&n);
    int lines = print_summary(rows, n);
    qsort(rows, n, sizeof *rows, busiest_first);
    print_table(rows, n, mem_total, screen_rows < 0 ? -1 : screen_rows - lines - 3); /* blank, header, last newline */
    free(rows);
}

/* Sleeps up to delay nanoseconds, a tenth at a time, handling keys; returns 0 on 'q' or end of input. */
static int wait_for_keys(long delay) {
    for (int slice = 0; slice < 10; slice++) {
        char key;
        long n = read(0, &key, 1);
        if (n == 0) return 0;
        if (n == 1 && key == 'q') return 0;
        if (n == 1 && (key == 'H' || key == '1')) {
            if (key == 'H') show_threads = !show_threads;
            else per_cpu = !per_cpu;
            return 1; /* redraw at once */
        }
        struct timespec ts = {delay / 10 / 1000000000L, delay / 10 % 1000000000L};
        nanosleep(&ts, NULL);
    }
    return 1;
}

int main(int argc, char **argv) {
    int batch = 0, frames = -1, c;
    long delay = 1000000000L;
    while ((c = getopt(argc, argv, "bn:d:H1")) != -1) {
        char *end;
        if (c == 'b') batch = 1;
        else if (c == 'H') show_threads = 1;
        else if (c == '1') per_cpu = 1;
        else if (c == 'n') {
            frames = (int) strtol(optarg, &end, 10);
            if (*end != 0 || frames < 1) {
                fprintf(stderr, "%s: bad iterations argument '%s'\n", argv[0], optarg);
                return 1;
            }
        } else if (c == 'd') {
            long secs = strtol(optarg, &end, 10);
            if (*end != 0 || secs < 1) {
                fprintf(stderr, "%s: bad delay interval '%s'\n", argv[0], optarg);
                return 1;
            }
            delay = secs * 1000000000L;
        } else {
            fprintf(stderr, "Usage:\n  %s -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [num]\n", argv[0]);
            return 1;
        }
    }
    int flags = fcntl(0, F_GETFL);
    struct termios cooked;
    int is_tty = !batch && tcgetattr(0, &cooked) == 0;
    if (is_tty) {
        /* A key at a time, not echoed, as top's whack_terminal sets it. */
        struct termios keys = cooked;
        keys.c_lflag &= ~(ICANON | ECHO);
        keys.c_cc[VMIN] = 1;
        keys.c_cc[VTIME] = 0;
        tcsetattr(0, TCSAFLUSH, &keys);
    }
    if (!batch) {
        fcntl(0, F_SETFL, flags | O_NONBLOCK);
        /* Like top, show only the tasks that fit under the summary on the terminal. */
        struct winsize ws;
        if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) screen_rows = ws.ws_row;
    }
    for (int i = 0; frames < 0 || i < frames; i++) {
        if (!batch) printf("\033[H\033[2J");
        else if (i > 0) putchar('\n'); /* batch frames are separated by a blank line */
        frame();
        fflush(stdout);
        if (frames >= 0 && i + 1 == frames) break;
        if (batch) {
            struct timespec ts = {delay / 1000000000L, delay % 1000000000L};
            nanosleep(&ts, NULL);
        } else if (!wait_for_keys(delay)) {
            break;
        }
    }
    if (!batch) fcntl(0, F_SETFL, flags);
    if (is_tty) tcsetattr(0, TCSAFLUSH, &cooked);
    return 0;
}
