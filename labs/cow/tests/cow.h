/*
 * What the cow lab's tests share: the machine's memory figures from /proc/meminfo, and a
 * buffer of pages that a test writes so that they are resident before it forks.
 *
 * The figures are Linux's: AnonPages counts the frames holding processes' private memory
 * (a frame shared copy-on-write by a parent and its children counts once), MemFree the
 * frames no one uses. Both are for the whole machine, so on Linux other processes move
 * them too; the tests compare them with generous margins, and they read them into a buffer
 * that is already resident so that reading costs no frame.
 *
 * The tests also build with gcc and print the same lines on an idle Linux machine.
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
