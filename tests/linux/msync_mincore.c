/*
 * msync and mincore: their argument checks in Linux's order, holes in the range (ENOMEM),
 * and what mincore reports: a page is resident once touched, and a page of a file (or of
 * shared memory) that holds data is resident even in a process that has not touched it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, int r) {
    printf("%-44s %d %s\n", what, r, r == 0 ? "" : errno == EINVAL ? "EINVAL" : errno == ENOMEM ? "ENOMEM"
           : errno == EFAULT ? "EFAULT" : "other");
}

static void residency(const char *what, unsigned char *vec, int n) {
    printf("%-44s", what);
    for (int i = 0; i < n; i++) printf(" %d", vec[i] & 1);
    printf("\n");
}

int main(void) {
    char *p = mmap(NULL, 8 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(p + 4 * 4096, 4096); /* a hole at page 4 */
    unsigned char vec[8];

    show("msync flags 0", msync(p, 4096, 0));
    show("msync an unknown flag", msync(p, 4096, 8));
    show("msync an unknown flag, unaligned", msync(p + 1, 4096, 8));
    show("msync unaligned", msync(p + 1, 4096, MS_SYNC));
    show("msync MS_SYNC | MS_ASYNC", msync(p, 4096, MS_SYNC | MS_ASYNC));
    show("msync length 0", msync(p, 0, MS_SYNC));
    show("msync length -1 (rounds to 0)", msync(p, (size_t)-1, MS_SYNC));
    show("msync MS_SYNC over a hole", msync(p, 8 * 4096, MS_SYNC));
    show("msync MS_ASYNC over a hole", msync(p, 8 * 4096, MS_ASYNC));
    show("msync MS_INVALIDATE", msync(p, 4096, MS_INVALIDATE));
    show("msync the hole", msync(p + 4 * 4096, 4096, MS_ASYNC));

    show("mincore unaligned", mincore(p + 1, 4096, vec));
    show("mincore past the top of user space", mincore((void *)0x7ffffffff000, 8192, vec));
    show("mincore length 0, null vector", mincore(p, 0, NULL));
    show("mincore null vector", mincore(p, 4096, NULL));
    show("mincore over a hole", mincore(p, 8 * 4096, vec));
    show("mincore of the hole, null vector", mincore(p + 4 * 4096, 4096, NULL));

    p[0] = 1;
    p[2 * 4096] = 1;
    show("mincore four pages", mincore(p, 4 * 4096, vec));
    residency("  private anonymous, pages 0 and 2 touched:", vec, 4);

    const char *path = "/tmp/msync_mincore.dat";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    ftruncate(fd, 3 * 4096);
    write(fd, "x", 1);
    lseek(fd, 4096, SEEK_SET);
    write(fd, "x", 1);
    char *f = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    mincore(f, 3 * 4096, vec);
    residency("  file, pages 0 and 1 written by write(2):", vec, 3);
    f[2 * 4096] = 'y';
    show("msync MS_SYNC of the file mapping", msync(f, 3 * 4096, MS_SYNC));
    mincore(f, 3 * 4096, vec);
    residency("  file, page 2 stored through the mapping:", vec, 3);
    char *g = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    mincore(g, 3 * 4096, vec);
    residency("  another mapping of the file, untouched:", vec, 3);

    char *s = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    fflush(stdout);
    if (fork() == 0) {
        s[4096] = 1;
        _exit(0);
    }
    wait(NULL);
    mincore(s, 2 * 4096, vec);
    residency("  shared anonymous, page 1 touched by a child:", vec, 2);

    close(fd);
    unlink(path);
    return 0;
}
