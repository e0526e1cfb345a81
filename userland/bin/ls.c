/*
 * ls: list directory contents, as coreutils' ls in the "C" locale, one name per line (what
 * ls prints when standard output is not a terminal; Clonix's ls never makes columns).
 *     ls [-1aAdl] [FILE]...
 * -a shows names starting with '.', including . and ..; -A shows them without . and ..;
 * -d lists directories themselves; -l gives the long format
 *     MODE NLINK OWNER GROUP SIZE MON DD HH:MM NAME
 * with the columns right-aligned (numbers) or left-aligned (names) to the widest entry,
 * "total N" (1 KiB blocks) before a directory's entries, the year instead of the time for
 * dates more than six months away from now, and " -> TARGET" after a symbolic link.
 * Names are sorted by strcmp. Operands that are files come first, then each directory
 * under a "NAME:" heading when there is more than one operand. A name that does not exist
 * gives "ls: cannot access 'NAME': No such file or directory" and exit status 2.
 * Owners and groups are shown by name from /etc/passwd and /etc/group when those exist;
 * without them 0 is "root" and other ids are shown as numbers.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct entry {
    char *name;   /* as shown */
    char *path;   /* to stat and readlink */
    struct stat st;
};

static const char *prog;
static int show_all, almost_all, long_format, list_dirs_themselves, status;
static time_t now;

/* qsort order: strcmp of the names, the "C" locale's collation. */
static int by_name(const void *a, const void *b) {
    return strcmp(((const struct entry *) a)->name, ((const struct entry *) b)->name);
}

/* The name for uid/gid id from the file file (/etc/passwd or /etc/group), into buf. */
static void id_name(const char *file, unsigned id, char *buf, size_t size) {
    FILE *f = fopen(file, "r");
    if (f != NULL) {
        char line[256];
        while (fgets(line, sizeof line, f) != NULL) {
            char *name = line, *colon = strchr(line, ':');
            if (colon == NULL) continue;
            *colon = 0;
            char *second = strchr(colon + 1, ':');
            if (second != NULL && strtoul(second + 1, NULL, 10) == id) {
                snprintf(buf, size, "%s", name);
                fclose(f);
                return;
            }
        }
        fclose(f);
    }
    if (id == 0) snprintf(buf, size, "root");
    else snprintf(buf, size, "%u", id);
}

/* The ten-character mode column, "drwxr-xr-x", with s/S/t/T for the special bits. */
static void mode_string(mode_t m, char *out) {
    const char *types = "?pc?d?b?-?l?s???";
    out[0] = types[(m & S_IFMT) >> 12];
    const char *rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) out[1 + i] = (m & (0400 >> i)) ? rwx[i] : '-';
    if (m & S_ISUID) out[3] = (m & S_IXUSR) ? 's' : 'S';
    if (m & S_ISGID) out[6] = (m & S_IXGRP) ? 's' : 'S';
    if (m & S_ISVTX) out[9] = (m & S_IXOTH) ? 't' : 'T';
    out[10] = 0;
}

/* coreutils' date column: "Mon DD HH:MM" within six months of now, else "Mon DD  YYYY". */
static void date_string(time_t t, char *out, size_t size) {
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    struct tm tm;
    localtime_r(&t, &tm);
    long six_months = 31556952L / 2;
    if (t > now - six_months && t <= now)
        snprintf(out, size, "%s %2d %02d:%02d", months[tm.tm_mon], tm.tm_mday, tm.tm_hour, tm.tm_min);
    else
        snprintf(out, size, "%s %2d  %d", months[tm.tm_mon], tm.tm_mday, tm.tm_year + 1900);
}

/* The size column: the size in bytes, or "MAJOR, MINOR" for a device, as coreutils shows it. */
static void size_string(const struct stat *st, char *out, size_t size) {
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
        unsigned long dev = st->st_rdev;
        unsigned major = (unsigned) (((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffUL));
        unsigned minor = (unsigned) ((dev & 0xff) | ((dev >> 12) & ~0xffUL));
        snprintf(out, size, "%u, %u", major, minor);
    } else {
        snprintf(out, size, "%ld", st->st_size);
    }
}

/* The number of decimal digits of v (v >= 0). */
static int digits(long v) {
    int n = 1;
    for (; v >= 10; v /= 10) n++;
    return n;
}

/* Prints the entries (sorted already); with -l, aligned in columns as coreutils does. */
static void print_entries(struct entry *e, int n, int with_total) {
    if (!long_format) {
        for (int i = 0; i < n; i++) puts(e[i].name);
        return;
    }
    int links_w = 1, owner_w = 1, group_w = 1, size_w = 1;
    long blocks = 0;
    char owner[64], group[64];
    char size[64];
    for (int i = 0; i < n; i++) {
        if (digits((long) e[i].st.st_nlink) > links_w) links_w = digits((long) e[i].st.st_nlink);
        size_string(&e[i].st, size, sizeof size);
        if ((int) strlen(size) > size_w) size_w = (int) strlen(size);
        id_name("/etc/passwd", e[i].st.st_uid, owner, sizeof owner);
        id_name("/etc/group", e[i].st.st_gid, group, sizeof group);
        if ((int) strlen(owner) > owner_w) owner_w = (int) strlen(owner);
        if ((int) strlen(group) > group_w) group_w = (int) strlen(group);
        blocks += e[i].st.st_blocks / 2;
    }
    if (with_total) printf("total %ld\n", blocks);
    for (int i = 0; i < n; i++) {
        char mode[11], date[32];
        mode_string(e[i].st.st_mode, mode);
        date_string(e[i].st.st_mtim.tv_sec, date, sizeof date);
        id_name("/etc/passwd", e[i].st.st_uid, owner, sizeof owner);
        id_name("/etc/group", e[i].st.st_gid, group, sizeof group);
        size_string(&e[i].st, size, sizeof size);
        printf("%s %*lu %-*s %-*s %*s %s %s", mode, links_w, (unsigned long) e[i].st.st_nlink, owner_w, owner,
               group_w, group, size_w, size, date, e[i].name);
        if (S_ISLNK(e[i].st.st_mode)) {
            char target[4096];
            long len = readlink(e[i].path, target, sizeof target - 1);
            if (len >= 0) {
                target[len] = 0;
                printf(" -> %s", target);
            }
        }
        putchar('\n');
    }
}

/* "dir/name" in a new malloc'd string. */
static char *join(const char *dir, const char *name) {
    size_t n = strlen(dir);
    char *p = malloc(n + strlen(name) + 2);
    strcpy(p, dir);
    if (n > 0 && dir[n - 1] != '/') strcat(p, "/");
    strcat(p, name);
    return p;
}

/* Lists the contents of the directory path. */
static void list_directory(const char *path) {
    DIR *dir = opendir(path);
    if (dir == NULL) {
        fprintf(stderr, "%s: cannot open directory '%s': %s\n", prog, path, strerror(errno));
        status = 2;
        return;
    }
    struct entry *e = NULL;
    int n = 0;
    struct dirent *d;
    while ((d = readdir(dir)) != NULL) {
        const char *name = d->d_name;
        if (name[0] == '.' && !show_all && !almost_all) continue;
        if (almost_all && !show_all && (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)) continue;
        e = realloc(e, (n + 1) * sizeof *e);
        e[n].name = strdup(name);
        e[n].path = join(path, name);
        if (long_format && lstat(e[n].path, &e[n].st) < 0) {
            fprintf(stderr, "%s: cannot access '%s': %s\n", prog, e[n].path, strerror(errno));
            status = 1;
            free(e[n].name);
            free(e[n].path);
            continue;
        }
        n++;
    }
    closedir(dir);
    qsort(e, n, sizeof *e, by_name);
    print_entries(e, n, 1);
    for (int i = 0; i < n; i++) {
        free(e[i].name);
        free(e[i].path);
    }
    free(e);
}

int main(int argc, char **argv) {
    int c;
    prog = argv[0];
    while ((c = getopt(argc, argv, "1aAdl")) != -1) {
        if (c == 'a') show_all = 1;
        else if (c == 'A') almost_all = 1;
        else if (c == 'd') list_dirs_themselves = 1;
        else if (c == 'l') long_format = 1;
        else if (c != '1') {
            fprintf(stderr, "Try '%s --help' for more information.\n", prog);
            return 2;
        }
    }
    now = time(NULL);
    char *dot[] = {"."};
    int n = argc - optind;
    char **names = n > 0 ? argv + optind : dot;
    if (n == 0) n = 1;
    struct entry *files = malloc(n * sizeof *files);
    struct entry *dirs = malloc(n * sizeof *dirs);
    int nfiles = 0, ndirs = 0;
    for (int i = 0; i < n; i++) {
        struct entry e;
        e.name = names[i];
        e.path = names[i];
        /* -l shows a symbolic link operand itself; otherwise ls follows it. */
        int rc = long_format ? lstat(names[i], &e.st) : stat(names[i], &e.st);
        if (rc < 0 && !long_format) rc = lstat(names[i], &e.st);
        if (rc < 0) {
            fprintf(stderr, "%s: cannot access '%s': %s\n", prog, names[i], strerror(errno));
            status = 2;
            continue;
        }
        if (S_ISDIR(e.st.st_mode) && !list_dirs_themselves) dirs[ndirs++] = e;
        else files[nfiles++] = e;
    }
    qsort(files, nfiles, sizeof *files, by_name);
    qsort(dirs, ndirs, sizeof *dirs, by_name);
    print_entries(files, nfiles, 0);
    for (int i = 0; i < ndirs; i++) {
        if (nfiles > 0 || i > 0) putchar('\n');
        if (argc - optind > 1) printf("%s:\n", dirs[i].name);
        fflush(stdout);
        list_directory(dirs[i].path);
    }
    return status;
}
