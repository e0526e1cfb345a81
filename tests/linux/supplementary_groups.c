/*
 * Supplementary groups: setgroups replaces them (root only), getgroups reads them back in
 * ascending order, duplicates kept; fork inherits them; chown lets a file's owner give it to
 * a group the owner belongs to through them, and to no other.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void result(const char *what, long r) {
    printf("%-34s %ld %s\n", what, r, r < 0 ? strerror(errno) : "");
}

static void show(const char *who) {
    gid_t list[16];
    int n = getgroups(16, list);
    printf("%s: %d groups:", who, n);
    for (int i = 0; i < n; i++) printf(" %u", list[i]);
    printf("\n");
}

int main(void) {
    gid_t three[] = {30, 10, 20}, twice[] = {5, 5, 1};
    result("setgroups(0)", setgroups(0, NULL));
    result("getgroups(0) with none", getgroups(0, NULL));
    result("setgroups(3)", setgroups(3, three));
    show("after setgroups");
    result("getgroups(0) counts", getgroups(0, NULL));
    gid_t small[2];
    result("getgroups into 2 slots", getgroups(2, small));
    result("getgroups(-1)", getgroups(-1, small));
    result("getgroups to a bad buffer", getgroups(3, (gid_t *)8));
    result("setgroups(65537)", setgroups(65537, three));
    result("setgroups from a bad buffer", setgroups(1, (gid_t *)8));
    show("unchanged by the failures");
    result("setgroups with a duplicate", setgroups(3, twice));
    show("duplicates kept");
    result("setgroups(65536, zeros)", setgroups(65536, (gid_t[65536]){0}));
    result("getgroups(0) of 65536", getgroups(0, NULL));
    setgroups(3, three);

    int fd = open("/tmp/groups_file", O_WRONLY | O_CREAT | O_TRUNC, 0640);
    close(fd);
    chown("/tmp/groups_file", 1000, 1000);
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        show("child inherits");
        gid_t mine[] = {20};
        setgroups(1, mine);
        setgid(1000);
        setuid(1000);
        result("chown to a supplementary group", chown("/tmp/groups_file", -1, 20));
        result("chown to another group", chown("/tmp/groups_file", -1, 30));
        result("setgroups when not root", setgroups(0, NULL));
        show("child after setuid");
        fflush(stdout);
        _exit(0);
    }
    waitpid(child, NULL, 0);
    show("parent keeps its own");
    unlink("/tmp/groups_file");
    return 0;
}
