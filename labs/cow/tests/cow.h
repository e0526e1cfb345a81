/*
 * What the cow lab's tests share: the machine's memory figures from /proc/meminfo, and
 * helpers that write and check one word per page and reap a child.
 *
 * The figures mean what they mean on Linux: AnonPages counts the frames holding processes'
 * private memory (a frame shared copy-on-write by a parent and its children counts once),
 * MemFree the frames no one uses. Both are for the whole machine. They are read into a
 * buffer in the bss, which costs a frame only at the first reading (and, after fork, at
 * the first reading in the child): the tests read once before they measure.
 *
 * The tests but last_user also build with gcc. values, fork_cost and many_children print
 * the same lines on an idle Linux machine; write_cost and no_leak need exact figures, which
 * Linux does not give: it adds each CPU's changes to these totals only from time to time
 * (its vmstat thresholds), and other processes change them too. On Clonix they are exact.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

static char meminfo_text[4096];

/* The figure NAME ("AnonPages", "MemFree") of /proc/meminfo, in pages. */
static long meminfo_pages(const char *name) {
    int fd = open("/proc/meminfo", O_RDONLY);
    if (fd < 0) {
        perror("/proc/meminfo");
        exit(2);
    }
    long n = read(fd, meminfo_text, sizeof meminfo_text - 1);
    close(fd);
    meminfo_text[n > 0 ? n : 0] = 0;
    size_t len = strlen(name);
    for (char *line = meminfo_text; *line; ) {
        if (strncmp(line, name, len) == 0 && line[len] == ':') return strtol(line + len + 1, 0, 10) / (PAGE / 1024);
        char *next = strchr(line, '\n');
        if (!next) break;
        line = next + 1;
    }
    fprintf(stderr, "no %s in /proc/meminfo\n", name);
    exit(2);
}

/* Writes one word in each of the NPAGES pages at BUF, so that each has a frame of its own. */
static void write_pages(char *buf, long npages, long value) {
    for (long i = 0; i < npages; i++) *(long *)(buf + i * PAGE) = value + i;
}

/* How many of the NPAGES pages at BUF do not hold what write_pages(BUF, NPAGES, VALUE) wrote. */
static long wrong_pages(const char *buf, long npages, long value) {
    long wrong = 0;
    for (long i = 0; i < npages; i++) wrong += *(const long *)(buf + i * PAGE) != value + i;
    return wrong;
}

/* Waits for the child PID and returns its exit status (128 + N if signal N killed it). */
static int wait_for(int pid) {
    int status;
    if (waitpid(pid, &status, 0) != pid) {
        perror("waitpid");
        exit(2);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
