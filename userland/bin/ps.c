/*
 * ps: report a snapshot of the processes, reading /proc as procps-ng's ps does.
 *     ps [-e|-A] [-f] [-L|-T] [-p PID,...] [-o FORMAT]...
 *     ps aux                        (BSD syntax: a, x and u, see bsd_options)
 * With no selection ps shows the processes with the same terminal and user as itself;
 * -e (or -A) shows every process, -p the listed ones. -f is the full format
 * (UID PID PPID C STIME TTY TIME CMD, with the command line, or [comm] for a task without
 * one); -L shows one row per thread with LWP (and NLWP with -f), -T the same with SPID.
 * -o takes a list of keywords separated by commas or spaces, each optionally followed by
 * "=HEADER"; see the keyword table below. Columns are procps's: numbers right-aligned,
 * text left-aligned and cut to its width, except the last column, which is never cut.
 */
#include <proc/readproc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* One keyword: its names, default header, width and alignment (procps's format table). */
struct keyword {
    const char *name;
    const char *header;
    int width;
    int left;   /* text, left-aligned */
    int id;
};

enum {
    K_PID, K_PPID, K_TID, K_NLWP, K_COMM, K_ARGS, K_STAT, K_PSR, K_PRI, K_NI, K_POLICY, K_RTPRIO, K_TIME,
    K_ETIME, K_STIME, K_C, K_USER, K_UID, K_TTY, K_WCHAN, K_PGID, K_SID, K_TGID, K_VSZ, K_RSS, K_UIDHACK,
    K_PCPU, K_PMEM, K_BSDTIME, K_TPGID
};

static const struct keyword keywords[] = {
    {"pid", "PID", 5, 0, K_PID},         {"ppid", "PPID", 5, 0, K_PPID},
    {"tid", "TID", 5, 0, K_TID},         {"lwp", "LWP", 5, 0, K_TID},
    {"spid", "SPID", 5, 0, K_TID},       {"nlwp", "NLWP", 4, 0, K_NLWP},
    {"comm", "COMMAND", 15, 1, K_COMM},  {"ucmd", "CMD", 15, 1, K_COMM},
    {"cmd", "CMD", 27, 1, K_ARGS},       {"args", "COMMAND", 27, 1, K_ARGS},
    {"stat", "STAT", 4, 1, K_STAT},      {"psr", "PSR", 3, 0, K_PSR},
    {"pri", "PRI", 3, 0, K_PRI},         {"ni", "NI", 3, 0, K_NI},
    {"nice", "NI", 3, 0, K_NI},          {"policy", "POL", 3, 1, K_POLICY},
    {"cls", "CLS", 3, 1, K_POLICY},      {"class", "CLS", 3, 1, K_POLICY},
    {"rtprio", "RTPRIO", 6, 0, K_RTPRIO}, {"time", "TIME", 8, 0, K_TIME},
    {"etime", "ELAPSED", 11, 0, K_ETIME}, {"stime", "STIME", 5, 0, K_STIME},
    {"start_time", "START", 5, 0, K_STIME}, {"c", "C", 2, 0, K_C},
    {"user", "USER", 8, 1, K_USER},      {"euser", "EUSER", 8, 1, K_USER},
    {"uid", "UID", 5, 0, K_UID},         {"euid", "EUID", 5, 0, K_UID},
    {"tty", "TT", 8, 1, K_TTY},          {"tname", "TTY", 8, 1, K_TTY},
    {"wchan", "WCHAN", 6, 1, K_WCHAN},   {"pgid", "PGID", 5, 0, K_PGID},
    {"pgrp", "PGRP", 5, 0, K_PGID},      {"sid", "SID", 5, 0, K_SID},
    {"sess", "SESS", 5, 0, K_SID},       {"tgid", "TGID", 5, 0, K_TGID},
    {"vsz", "VSZ", 6, 0, K_VSZ},         {"rss", "RSS", 5, 0, K_RSS},
    {"uid_hack", "UID", 8, 1, K_UIDHACK}, {"pcpu", "%CPU", 4, 0, K_PCPU},
    {"%cpu", "%CPU", 4, 0, K_PCPU},      {"pmem", "%MEM", 4, 0, K_PMEM},
    {"%mem", "%MEM", 4, 0, K_PMEM},      {"bsdtime", "TIME", 6, 0, K_BSDTIME},
    {"tpgid", "TPGID", 5, 0, K_TPGID},
};
#define KEYWORD_COUNT ((int) (sizeof keywords / sizeof keywords[0]))

#define MAX_COLUMNS 64

/* A column of the output: a keyword and the header chosen for it. */
struct column {
    const struct keyword *kw;
    char header[64];
};

static struct column columns[MAX_COLUMNS];
static int ncolumns;
static long mem_total_kb;     /* MemTotal of /proc/meminfo, for %MEM */
static long now_hundredths;   /* uptime when ps started */
static time_t now_seconds;    /* CLOCK_REALTIME when ps started */

/* The keyword called name, or NULL. */
static const struct keyword *find_keyword(const char *name) {
    for (int i = 0; i < KEYWORD_COUNT; i++)
        if (strcmp(keywords[i].name, name) == 0) return &keywords[i];
    return NULL;
}

/* Adds the columns of a -o list ("pid,comm=NAME" or "pid comm"); -1 after an error message. */
static int add_format(char *list) {
    char *p = list;
    while (*p != 0) {
        while (*p == ',' || *p == ' ') p++;
        if (*p == 0) break;
        char *name = p;
        while (*p != 0 && *p != ',' && *p != ' ' && *p != '=') p++;
        char *header = NULL;
        if (*p == '=') {
            *p++ = 0;
            header = p;          /* "=HEADER" takes the rest of the argument */
            p += strlen(p);
        } else if (*p != 0) {
            *p++ = 0;
        }
        const struct keyword *kw = find_keyword(name);
        if (kw == NULL) {
            fprintf(stderr, "error: unknown user-defined format specifier \"%s\"\n", name);
            return -1;
        }
        if (ncolumns == MAX_COLUMNS) return 0;
        columns[ncolumns].kw = kw;
        snprintf(columns[ncolumns].header, sizeof columns[ncolumns].header, "%s", header != NULL ? header : kw->header);
        ncolumns++;
    }
    return 0;
}

/* Appends the columns of a built-in format such as "pid,tname,time,ucmd=CMD". */
static void add_builtin(const char *list) {
    char copy[256];
    snprintf(copy, sizeof copy, "%s", list);
    add_format(copy);
}

/* "[DD-]HH:MM:SS" for a number of seconds (procps's TIME). */
static void format_time(unsigned long secs, char *out, int size) {
    unsigned long days = secs / 86400;
    if (days > 0) snprintf(out, size, "%lu-%02lu:%02lu:%02lu", days, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    else snprintf(out, size, "%02lu:%02lu:%02lu", secs / 3600, secs / 60 % 60, secs % 60);
}

/* "[[DD-]HH:]MM:SS" (procps's ELAPSED). */
static void format_etime(unsigned long secs, char *out, int size) {
    unsigned long days = secs / 86400, hours = secs / 3600 % 24;
    if (days > 0) snprintf(out, size, "%lu-%02lu:%02lu:%02lu", days, hours, secs / 60 % 60, secs % 60);
    else if (hours > 0) snprintf(out, size, "%02lu:%02lu:%02lu", hours, secs / 60 % 60, secs % 60);
    else snprintf(out, size, "%02lu:%02lu", secs / 60 % 60, secs % 60);
}

/* procps's STIME: "HH:MM" if started in the last 24 hours, "MonDD" within a year, else the year. */
static void format_stime(const proc_t *p, char *out, int size) {
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t start = now_seconds - (time_t) ((now_hundredths - (long) p->start_time) / PROC_HZ);
    struct tm tm;
    localtime_r(&start, &tm);
    if (now_seconds - start < 86400) snprintf(out, size, "%02d:%02d", tm.tm_hour, tm.tm_min);
    else if (now_seconds - start < 365L * 86400) snprintf(out, size, "%s%02d", months[tm.tm_mon], tm.tm_mday);
    else snprintf(out, size, "%d", tm.tm_year + 1900);
}

/* The terminal of tty_nr as procps names it: "?" for none, pts/N, ttyN, console. */
static void format_tty(int tty_nr, char *out, int size) {
    int major = (tty_nr >> 8) & 0xfff, minor = (tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00);
    if (tty_nr == 0) snprintf(out, size, "?");
    else if (major == 136) snprintf(out, size, "pts/%d", minor);
    else if (major == 4) snprintf(out, size, "tty%d", minor);
    else if (major == 5 && minor == 1) snprintf(out, size, "console");
    else snprintf(out, size, "%d,%d", major, minor);
}

/* procps's STAT: the state letter and <, N, s, l, + as they apply. */
static void format_stat(const proc_t *p, const proc_t *leader, char *out) {
    int n = 0;
    out[n++] = p->state;
    if (p->nice < 0) out[n++] = '<';
    else if (p->nice > 0) out[n++] = 'N';
    if (leader->session == leader->tgid) out[n++] = 's';
    if (leader->nlwp > 1) out[n++] = 'l';
    if (leader->tpgid != -1 && leader->tpgid == leader->pgrp) out[n++] = '+';
    out[n] = 0;
}

/* Tenths as "%.1f" prints them: 123 as "12.3". */
static void print_tenths(long tenths, char *out, int size) {
    snprintf(out, size, "%ld.%ld", tenths / 10, tenths % 10);
}

/* MemTotal from /proc/meminfo in kB; 0 if it cannot be read. */
static long read_mem_total(void) {
    FILE *f = fopen("/proc/meminfo", "r");
    char line[128];
    long kb = 0;
    while (f != NULL && fgets(line, sizeof line, f) != NULL)
        if (strncmp(line, "MemTotal:", 9) == 0) kb = atol(line + 9);
    if (f != NULL) fclose(f);
    return kb;
}

/* Whether p runs under SCHED_FIFO or SCHED_RR, for which procps prints NI as "-". */
static int is_real_time(const proc_t *p) {
    return p->policy == 1 || p->policy == 2;
}

/* The text of one column for task p (a process, or one thread of the process leader). */
static void format_column(int id, const proc_t *p, const proc_t *leader, char *out, int size) {
    static const char *policies[] = {"TS", "FF", "RR", "B", "ISO", "IDL", "DLN"};
    unsigned long cpu_ticks = p->utime + p->stime;
    long age = now_hundredths - (long) p->start_time; /* hundredths, as ticks are */
    char name[64];
    switch (id) {
    case K_PID: snprintf(out, size, "%d", leader->tgid); break;
    case K_PPID: snprintf(out, size, "%d", leader->ppid); break;
    case K_TID: snprintf(out, size, "%d", p->tid); break;
    case K_NLWP: snprintf(out, size, "%d", leader->nlwp); break;
    case K_COMM: snprintf(out, size, "%s", p->comm); break;
    case K_ARGS:
        if (read_cmdline(leader->tgid, out, size) == 0) snprintf(out, size, "[%s]", p->comm);
        break;
    case K_STAT: format_stat(p, leader, out); break;
    case K_PSR: snprintf(out, size, "%d", p->processor); break;
    case K_PRI: snprintf(out, size, "%ld", 39 - p->priority); break;
    case K_NI:
        if (is_real_time(p)) snprintf(out, size, "-");
        else snprintf(out, size, "%ld", p->nice);
        break;
    case K_POLICY: snprintf(out, size, "%s", p->policy < 7 ? policies[p->policy] : "?"); break;
    case K_RTPRIO:
        if (is_real_time(p)) snprintf(out, size, "%u", p->rt_priority);
        else snprintf(out, size, "-");
        break;
    case K_TIME: format_time(cpu_ticks / PROC_HZ, out, size); break;
    case K_ETIME: format_etime(age > 0 ? (unsigned long) age / PROC_HZ : 0, out, size); break;
    case K_STIME: format_stime(p, out, size); break;
    case K_C: {
        /* procps's C: CPU time used as a percentage of the task's lifetime, at most 99. */
        unsigned long pcpu = age > 0 ? cpu_ticks * 100 / (unsigned long) age : 0;
        snprintf(out, size, "%lu", pcpu > 99 ? 99 : pcpu);
        break;
    }
    case K_USER:
    case K_UIDHACK:
        user_name(leader->euid, name, sizeof name);
        snprintf(out, size, "%s", name);
        break;
    case K_PCPU: /* CPU time over lifetime, in tenths of a percent */
        print_tenths(age > 0 ? (long) (cpu_ticks * 1000 / (unsigned long) age) : 0, out, size);
        break;
    case K_PMEM: print_tenths(mem_total_kb > 0 ? leader->rss * 4 * 1000 / mem_total_kb : 0, out, size); break;
    case K_BSDTIME:
        snprintf(out, size, "%lu:%02lu", cpu_ticks / PROC_HZ / 60, cpu_ticks / PROC_HZ % 60);
        break;
    case K_UID: snprintf(out, size, "%u", leader->euid); break;
    case K_TTY: format_tty(leader->tty_nr, out, size); break;
    case K_WCHAN: snprintf(out, size, "-"); break;
    case K_PGID: snprintf(out, size, "%d", leader->pgrp); break;
    case K_SID: snprintf(out, size, "%d", leader->session); break;
    case K_TPGID: snprintf(out, size, "%d", leader->tpgid); break;
    case K_TGID: snprintf(out, size, "%d", leader->tgid); break;
    case K_VSZ: snprintf(out, size, "%lu", leader->vsize / 1024); break;
    case K_RSS: snprintf(out, size, "%ld", leader->rss * 4); break;
    }
}

/* Prints one cell: right-aligned, or left-aligned and cut to the width unless it is last. */
static void print_cell(const struct column *c, const char *text, int last) {
    if (c->kw->left) {
        if (last) fputs(text, stdout);
        else printf("%-*.*s", c->kw->width, c->kw->width, text);
    } else {
        printf("%*s", c->kw->width, text);
    }
    putchar(last ? '\n' : ' ');
}

/* The header line, unless every header is empty ("-o pid="). */
static void print_header(void) {
    int any = 0;
    for (int i = 0; i < ncolumns; i++) any |= columns[i].header[0] != 0;
    if (!any) return; /* "-o pid=" asks for no header line */
    for (int i = 0; i < ncolumns; i++) print_cell(&columns[i], columns[i].header, i == ncolumns - 1);
}

static char cell[4096];

/* One row: task p (a thread when -L/-T), with process-wide columns from leader. */
static void print_row(const proc_t *p, const proc_t *leader) {
    for (int i = 0; i < ncolumns; i++) {
        format_column(columns[i].kw->id, p, leader, cell, sizeof cell);
        print_cell(&columns[i], cell, i == ncolumns - 1);
    }
}

/* Whether pid is in the -p list (a NULL list selects everything). */
static int in_list(int pid, const int *pids, int npids) {
    for (int i = 0; i < npids; i++) if (pids[i] == pid) return 1;
    return 0;
}

/*
 * BSD syntax, options without a dash ("ps aux"): a selects processes with a terminal, x
 * those without one too (so ax is everything; x alone is the caller's user), u the
 * user-oriented format. Returns the selection: 2 every process, 1 with a terminal, 0 mine.
 */
static int bsd_options(const char *letters, int *user_format) {
    int a = 0, x = 0;
    for (const char *p = letters; *p; p++) {
        if (*p == 'a') a = 1;
        else if (*p == 'x') x = 1;
        else if (*p == 'u') *user_format = 1;
        else if (*p != 'w') {
            fprintf(stderr, "error: unsupported option (BSD syntax): '%c'\n", *p);
            exit(1);
        }
    }
    return a && x ? 2 : a ? 1 : 0;
}

int main(int argc, char **argv) {
    int all = 0, full = 0, threads = 0, custom = 0, npids = 0, c, bsd = -1, user_format = 0;
    int pids[64];
    if (argc == 2 && argv[1][0] != '-') {
        bsd = bsd_options(argv[1], &user_format);
        optind = 2;
        if (user_format) add_builtin("user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args");
        else add_builtin("pid,tname,stat,bsdtime,args");
        custom = 1;
    }
    opterr = 0;
    while (bsd < 0 && (c = getopt(argc, argv, "eAfLTo:p:")) != -1) {
        if (c == 'e' || c == 'A') all = 1;
        else if (c == 'f') full = 1;
        else if (c == 'L') threads = 'L';
        else if (c == 'T') threads = 'T';
        else if (c == 'o') {
            if (add_format(optarg) < 0) return 1;
            custom = 1;
        } else if (c == 'p') {
            for (char *s = strtok(optarg, ", "); s != NULL && npids < 64; s = strtok(NULL, ", ")) pids[npids++] = atoi(s);
        } else if (optopt == 'o' || optopt == 'p') {
            fprintf(stderr, "error: %s must follow -%c\n", optopt == 'o' ? "format specification" : "list of process IDs", optopt);
            return 1;
        } else {
            fprintf(stderr, "error: unsupported option -- '%c'\n", optopt);
            return 1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "error: garbage option '%s'\n", argv[optind]);
        return 1;
    }
    if (!custom) {
        if (full && threads == 'L') add_builtin("uid_hack,pid,ppid,lwp,c,nlwp,stime,tname,time,cmd");
        else if (full && threads == 'T') add_builtin("uid_hack,pid,spid,ppid,c,stime,tname,time,cmd");
        else if (full) add_builtin("uid_hack,pid,ppid,c,stime,tname,time,cmd");
        else if (threads == 'L') add_builtin("pid,lwp,tname,time,ucmd");
        else if (threads == 'T') add_builtin("pid,spid,tname,time,ucmd");
        else add_builtin("pid,tname,time,ucmd");
    }
    mem_total_kb = read_mem_total();
    now_hundredths = uptime_hundredths();
    now_seconds = time(NULL);
    proc_t self;
    char dir[64];
    if (readproc("/proc/self", &self) < 0) {
        fprintf(stderr, "error: cannot read /proc/self/stat\n");
        return 1;
    }
    int *list;
    int n = list_tasks(0, &list);
    if (n < 0) {
        fprintf(stderr, "error: cannot open /proc\n");
        return 1;
    }
    print_header();
    for (int i = 0; i < n; i++) {
        proc_t leader;
        snprintf(dir, sizeof dir, "/proc/%d", list[i]);
        if (readproc(dir, &leader) < 0) continue; /* gone since the listing */
        int selected;
        if (npids > 0) selected = in_list(leader.tgid, pids, npids);
        else if (bsd == 2 || all) selected = 1;
        else if (bsd == 1) selected = leader.tty_nr != 0;
        else if (bsd == 0) selected = leader.euid == self.euid;
        else selected = leader.tty_nr == self.tty_nr && leader.euid == self.euid;
        if (!selected) continue;
        if (!threads) {
            print_row(&leader, &leader);
            continue;
        }
        int *tids;
        int nt = list_tasks(leader.tgid, &tids);
        for (int j = 0; j < nt; j++) {
            proc_t thread;
            snprintf(dir, sizeof dir, "/proc/%d/task/%d", leader.tgid, tids[j]);
            if (readproc(dir, &thread) == 0) print_row(&thread, &leader);
        }
        if (nt >= 0) free(tids);
    }
    free(list);
    return 0;
}
