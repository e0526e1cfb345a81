/*
 * File owners: a new file belongs to its creator's fsuid and fsgid; root may give it to
 * anyone, and a chown of a file that is not a directory clears set-user-ID (and
 * set-group-ID when group-executable) even if the ids stay; -1 leaves an id alone; lchown
 * changes a symbolic link itself. An ordinary user may only hand one of their files to a
 * group of their own (EPERM otherwise). Errors in Linux's order.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void report(const char *what, int r) {
    printf("%s: %s\n", what, r == 0 ? "ok" : strerror(errno));
}

static void show(const char *path) {
    struct stat st;
    if (lstat(path, &st) < 0) {
        printf("  %s: %s\n", path, strerror(errno));
        return;
    }
    printf("  %s: owner %u group %u mode %o\n", path, st.st_uid, st.st_gid, st.st_mode & 07777);
}

int main(void) {
    int fd = open("/tmp/chown_owner_rules.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
    show("/tmp/chown_owner_rules.dat");
    report("chown to 1000:1000", chown("/tmp/chown_owner_rules.dat", 1000, 1000));
    show("/tmp/chown_owner_rules.dat");
    report("fchown group only, to 50", fchown(fd, -1, 50));
    show("/tmp/chown_owner_rules.dat");
    fchmod(fd, 06755);
    report("chown -1 -1 of a set-id file", chown("/tmp/chown_owner_rules.dat", -1, -1));
    show("/tmp/chown_owner_rules.dat");
    fchmod(fd, 06745);
    report("again, not group-executable", fchown(fd, -1, -1));
    show("/tmp/chown_owner_rules.dat");

    mkdir("/tmp/chown_owner_rules.d", 0755);
    chmod("/tmp/chown_owner_rules.d", 06755);
    report("chown a set-id directory", chown("/tmp/chown_owner_rules.d", 7, 8));
    show("/tmp/chown_owner_rules.d");

    symlink("chown_owner_rules.dat", "/tmp/chown_owner_rules.lnk");
    report("lchown the link", lchown("/tmp/chown_owner_rules.lnk", 3, 4));
    show("/tmp/chown_owner_rules.lnk");
    show("/tmp/chown_owner_rules.dat");
    report("chown through the link", chown("/tmp/chown_owner_rules.lnk", 5, 6));
    show("/tmp/chown_owner_rules.lnk");
    show("/tmp/chown_owner_rules.dat");
    report("fchownat with AT_SYMLINK_NOFOLLOW",
            fchownat(AT_FDCWD, "/tmp/chown_owner_rules.lnk", 9, 9, AT_SYMLINK_NOFOLLOW));
    show("/tmp/chown_owner_rules.lnk");
    report("fchownat with AT_EMPTY_PATH", fchownat(fd, "", 0, 0, AT_EMPTY_PATH));
    show("/tmp/chown_owner_rules.dat");

    report("bad flags", fchownat(AT_FDCWD, "/tmp/chown_owner_rules.dat", 0, 0, 0x4));
    report("bad flags and no such file", fchownat(AT_FDCWD, "/tmp/nonexistent", 0, 0, 0x4));
    report("no such file", chown("/tmp/nonexistent", 0, 0));
    report("not a directory", chown("/tmp/chown_owner_rules.dat/x", 0, 0));
    report("bad descriptor", fchown(99, 0, 0));
    report("bad path pointer", chown((char *) 8, 0, 0));
    report("empty path", chown("", 0, 0));

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        setgid(1000);
        setuid(1000);
        int mine = open("/tmp/chown_owner_rules.own", O_RDWR | O_CREAT | O_TRUNC, 0644);
        show("/tmp/chown_owner_rules.own");
        report("user: keep own ids", fchown(mine, 1000, 1000));
        report("user: give away", fchown(mine, 0, -1));
        report("user: group to one not mine", fchown(mine, -1, 5));
        report("user: chown root's file, no change", chown("/tmp/chown_owner_rules.dat", -1, -1));
        report("user: chown root's file to me", chown("/tmp/chown_owner_rules.dat", 1000, -1));
        show("/tmp/chown_owner_rules.own");
        close(mine);
        unlink("/tmp/chown_owner_rules.own");
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    close(fd);
    unlink("/tmp/chown_owner_rules.lnk");
    unlink("/tmp/chown_owner_rules.dat");
    rmdir("/tmp/chown_owner_rules.d");
    return 0;
}
