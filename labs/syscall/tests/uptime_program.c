/*
 * /bin/uptime prints what procps-ng's uptime prints, from sysinfo(2): the program sleeps
 * to known moments after boot (idle time costs nothing in Clonix: the clock jumps to the
 * next timer) and runs uptime, uptime -p and uptime -s at each, then uptime with a bad
 * option. Clonix boots at 2024-01-01 00:00:00 UTC, so the output is known, except for the
 * load averages, which depend on the scheduler: they must be the three first fields of
 * /proc/loadavg, and the program prints "<those of /proc/loadavg>" in their place when
 * they are. (The kernel samples the load at the first timer tick it runs after its clock
 * jumped over idle time, so at each moment the program spins for a millisecond, many
 * ticks, to let that sample be taken before uptime runs.)
 *
 * Clonix only: on Linux the real uptime shows the real clock and users.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NANOS 1000000000L
#define LOADS "load average: "

/* Nanoseconds from now until `seconds` and `nanos` after boot. */
static long until(long seconds, long nanos) {
    struct timespec now;
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (seconds - now.tv_sec) * NANOS + (nanos - now.tv_nsec);
}

static void sleep_until(long seconds, long nanos) {
    long left = until(seconds, nanos);
    if (left <= 0) return;
    struct timespec req = {left / NANOS, left % NANOS};
    nanosleep(&req, NULL);
}

static void spin_until(long seconds, long nanos) {
    while (until(seconds, nanos) > 0) {
    }
}

/* The three load averages of /proc/loadavg as uptime prints them: "0.15, 0.03, 0.01\n". */
static void proc_loadavg(char *out, size_t size) {
    char buf[128];
    int fd = open("/proc/loadavg", O_RDONLY);
    long n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0) close(fd);
    buf[n > 0 ? n : 0] = 0;
    char *fields[3] = {buf, NULL, NULL};
    for (int i = 1; i < 3 && fields[i - 1] != NULL; i++) {
        fields[i] = strchr(fields[i - 1], ' ');
        if (fields[i] != NULL) *fields[i]++ = 0;
    }
    char *end = fields[2] != NULL ? strchr(fields[2], ' ') : NULL;
    if (end != NULL) *end = 0;
    snprintf(out, size, "%s, %s, %s\n", fields[0], fields[1] ? fields[1] : "?", fields[2] ? fields[2] : "?");
}

/*
 * Runs /bin/uptime with the given option (or none), its standard output into a pipe, and
 * prints that output with the load averages replaced as the comment at the top says; then
 * its exit status if it is not 0.
 */
static void uptime(char *option) {
    char *argv[] = {"uptime", option, NULL};
    int out[2];
    pipe(out);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        execv("/bin/uptime", argv);
        perror("/bin/uptime");
        _exit(127);
    }
    close(out[1]);
    static char text[4096];
    size_t len = 0;
    long n;
    while (len < sizeof text - 1 && (n = read(out[0], text + len, sizeof text - 1 - len)) > 0) len += n;
    text[len] = 0;
    close(out[0]);
    int status;
    waitpid(pid, &status, 0);
    char loads[128];
    proc_loadavg(loads, sizeof loads);
    char *at = strstr(text, LOADS);
    if (at != NULL && strcmp(at + strlen(LOADS), loads) == 0) {
        printf("%.*s<those of /proc/loadavg>\n", (int) (at + strlen(LOADS) - text), text);
    } else {
        printf("%s", text);
        if (at != NULL) printf("FAIL: /proc/loadavg has %s", loads);
    }
    if (!WIFEXITED(status)) printf("[uptime %s: killed by signal %d]\n", option ? option : "", WTERMSIG(status));
    else if (WEXITSTATUS(status) != 0) printf("[uptime %s: exit %d]\n", option ? option : "", WEXITSTATUS(status));
}

int main(void) {
    static const long moments[] = {0, 61, 3725, 90060, 777780};
    for (int i = 0; i < 5; i++) {
        sleep_until(moments[i], NANOS / 2);
        spin_until(moments[i], NANOS / 2 + NANOS / 1000);
        uptime(NULL);
        uptime("-p");
        uptime("--since");
    }
    uptime("-x");
    return 0;
}
