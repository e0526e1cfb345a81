/*
 * memfd_create: an unnamed file (st_nlink 0, mode 0777, open O_RDWR | O_LARGEFILE) that
 * can be written, sized and mapped; a shared mapping of it is memory shared with a forked
 * child, and the data outlives every mapping while the descriptor is open. Errors in
 * Linux's order.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, int r) {
    printf("%-40s %s\n", what, r >= 0 ? "ok" : errno == EINVAL ? "EINVAL" : errno == EFAULT ? "EFAULT" : "other");
    if (r >= 0) close(r);
}

int main(void) {
    char name249[250], name250[251];
    memset(name249, 'n', 249);
    name249[249] = 0;
    memset(name250, 'n', 250);
    name250[250] = 0;
    show("an unknown flag", memfd_create("x", 0x100));
    show("an unknown flag, null name", memfd_create(NULL, 0x100));
    show("MFD_EXEC with MFD_NOEXEC_SEAL", memfd_create("x", 0x10 | 0x8));
    show("null name", memfd_create(NULL, 0));
    show("a name of 249 bytes", memfd_create(name249, 0));
    show("a name of 250 bytes", memfd_create(name250, 0));
    show("an empty name", memfd_create("", 0));

    int fd = memfd_create("demo", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    struct stat st;
    fstat(fd, &st);
    printf("mode %o, links %ld, size %ld, close-on-exec %d, flags %o\n", st.st_mode, (long)st.st_nlink,
           (long)st.st_size, fcntl(fd, F_GETFD), fcntl(fd, F_GETFL));
    int noexec = memfd_create("noexec", 0x8);
    fstat(noexec, &st);
    printf("MFD_NOEXEC_SEAL mode %o\n", st.st_mode);
    close(noexec);

    write(fd, "written", 7);
    ftruncate(fd, 2 * 4096);
    char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    printf("mapped: %s\n", p);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        strcpy(p + 4096, "from the child");
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent sees: %s\n", p + 4096);
    munmap(p, 2 * 4096);
    char buf[16] = {0};
    lseek(fd, 4096, SEEK_SET);
    read(fd, buf, 14);
    printf("read after munmap: %s\n", buf);
    fstat(fd, &st);
    printf("size %ld\n", (long)st.st_size);
    close(fd);
    return 0;
}
