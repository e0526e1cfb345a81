/*
 * readproc.c: parsing /proc/PID/stat, status and cmdline for ps and top.
 *
 * stat is one line whose second field, the command name in parentheses, may itself hold
 * spaces and parentheses; as procps does, the name is taken up to the LAST ')' and the
 * other fields are counted from there.
 */
#include <dirent.h>
#include <fcntl.h>
#include <proc/readproc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Reads the whole (small) file path into buf, NUL-terminated; its length, or -1. */
static int read_file(const char *path, char *buf, int size) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    int len = 0;
    while (len < size - 1) {
        long n = read(fd, buf + len, size - 1 - len);
        if (n <= 0) break;
        len += (int) n;
    }
    close(fd);
    buf[len] = 0;
    return len;
}

/* Field n (3 = state) of the text after the command's ')'; NULL if there are fewer. */
static char *field(char *after_comm, int n) {
    char *p = after_comm;
    for (int i = 3; i < n; i++) {
        p = strchr(p, ' ');
        if (p == NULL) return NULL;
        p++;
    }
    return p;
}

/* Fills *p from DIR/stat and DIR/status; 0, or -1 if the task is gone. */
int readproc(const char *dir, proc_t *p) {
    char path[128], buf[1024];
    snprintf(path, sizeof path, "%s/stat", dir);
    if (read_file(path, buf, sizeof buf) <= 0) return -1;
    char *open_paren = strchr(buf, '(');
    char *close_paren = strrchr(buf, ')');
    if (open_paren == NULL || close_paren == NULL || close_paren[1] != ' ') return -1;
    memset(p, 0, sizeof *p);
    p->tid = atoi(buf);
    int len = (int) (close_paren - open_paren - 1);
    if (len >= (int) sizeof p->comm) len = (int) sizeof p->comm - 1;
    memcpy(p->comm, open_paren + 1, len);
    p->comm[len] = 0;
    char *rest = close_paren + 2;
    if (field(rest, 41) == NULL) return -1;
    p->state = *field(rest, 3);
    p->ppid = atoi(field(rest, 4));
    p->pgrp = atoi(field(rest, 5));
    p->session = atoi(field(rest, 6));
    p->tty_nr = atoi(field(rest, 7));
    p->tpgid = atoi(field(rest, 8));
    p->utime = strtoul(field(rest, 14), NULL, 10);
    p->stime = strtoul(field(rest, 15), NULL, 10);
    p->priority = atol(field(rest, 18));
    p->nice = atol(field(rest, 19));
    p->nlwp = atoi(field(rest, 20));
    p->start_time = strtoull(field(rest, 22), NULL, 10);
    p->vsize = strtoul(field(rest, 23), NULL, 10);
    p->rss = atol(field(rest, 24));
    p->processor = atoi(field(rest, 39));
    p->rt_priority = (unsigned) strtoul(field(rest, 40), NULL, 10);
    p->policy = (unsigned) strtoul(field(rest, 41), NULL, 10);
    p->tgid = p->tid;
    snprintf(path, sizeof path, "%s/status", dir);
    if (read_file(path, buf, sizeof buf) > 0) {
        char *line = strstr(buf, "\nTgid:");
        if (line != NULL) p->tgid = atoi(line + 6);
        line = strstr(buf, "\nUid:");
        if (line != NULL) {
            char *end;
            strtoul(line + 5, &end, 10);               /* the real uid; the effective one follows */
            p->euid = (unsigned) strtoul(end, NULL, 10);
        }
    }
    return 0;
}

/* /proc/PID/cmdline with its NULs turned into spaces; its length (0 if empty). */
int read_cmdline(int pid, char *buf, int size) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
    int len = read_file(path, buf, size);
    if (len <= 0) {
        buf[0] = 0;
        return 0;
    }
    while (len > 0 && buf[len - 1] == 0) len--; /* the terminator of the last argument */
    for (int i = 0; i < len; i++) if (buf[i] == 0) buf[i] = ' ';
    buf[len] = 0;
    return len;
}

/* /proc/uptime's first field, "SECONDS.HH", in hundredths. */
long uptime_hundredths(void) {
    char buf[128];
    if (read_file("/proc/uptime", buf, sizeof buf) <= 0) return 0;
    char *dot;
    long secs = strtol(buf, &dot, 10);
    long hundredths = 0;
    if (*dot == '.') hundredths = strtol(dot + 1, NULL, 10);
    return secs * 100 + hundredths;
}

/* The numeric entries of /proc (pid 0) or /proc/PID/task, in directory order. */
int list_tasks(int pid, int **out) {
    char path[64];
    if (pid > 0) snprintf(path, sizeof path, "/proc/%d/task", pid);
    else snprintf(path, sizeof path, "/proc");
    DIR *dir = opendir(path);
    if (dir == NULL) return -1;
    int n = 0, cap = 16;
    int *ids = malloc(cap * sizeof(int));
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        if (n == cap) {
            cap *= 2;
            ids = realloc(ids, cap * sizeof(int));
        }
        ids[n++] = atoi(e->d_name);
    }
    closedir(dir);
    *out = ids;
    return n;
}

/* The name of uid from /etc/passwd ("name:x:uid:..."), else "root" for 0, else the number. */
void user_name(unsigned uid, char *buf, int size) {
    FILE *f = fopen("/etc/passwd", "r");
    if (f != NULL) {
        char line[256];
        while (fgets(line, sizeof line, f) != NULL) {
            char *colon = strchr(line, ':');
            char *second = colon != NULL ? strchr(colon + 1, ':') : NULL;
            if (second != NULL && strtoul(second + 1, NULL, 10) == uid) {
                *colon = 0;
                snprintf(buf, size, "%s", line);
                fclose(f);
                return;
            }
        }
        fclose(f);
    }
    if (uid == 0) snprintf(buf, size, "root");
    else snprintf(buf, size, "%u", uid);
}
