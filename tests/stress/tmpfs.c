/*
 * Fills /tmp: files of 1 MiB until a write is refused (the file system's size, half the
 * memory, of which the boot image's files already take a part), then empty files until a
 * create is refused (its inodes), then removes them all and checks that the memory came back.
 */
#include "stress.h"
#include <stdlib.h>

static char chunk[65536];

int main(void) {
    long before = meminfo("Shmem");
    char name[64];
    printf("the boot image's files take %ld KiB\n", before);
    long mib = 0;
    int err = 0;
    int files = 0;
    while (!err) {
        snprintf(name, sizeof name, "/tmp/data%d", files++);
        int fd = open(name, O_CREAT | O_WRONLY, 0644);
        if (fd < 0) { err = errno; break; }
        for (long done = 0; done < (1L << 20); ) {
            long n = write(fd, chunk, sizeof chunk);
            if (n < 0) { err = errno; break; }
            done += n; /* a short write is followed by one that says why */
        }
        if (!err) mib++;
        close(fd);
    }
    printf("%ld MiB of files, then %s\n", mib, errname(err));
    printf("Shmem grew by %ld MiB\n", (meminfo("Shmem") - before) >> 10);
    int empty = 0;
    for (;;) {
        snprintf(name, sizeof name, "/tmp/empty%d", empty);
        int fd = open(name, O_CREAT | O_WRONLY, 0644);
        if (fd < 0) { err = errno; break; }
        close(fd);
        empty++;
    }
    printf("%d empty files, then %s\n", empty, errname(err));
    for (int i = 0; i < files; i++) { snprintf(name, sizeof name, "/tmp/data%d", i); unlink(name); }
    for (int i = 0; i < empty; i++) { snprintf(name, sizeof name, "/tmp/empty%d", i); unlink(name); }
    printf("after removing them Shmem is %s\n", meminfo("Shmem") == before ? "back where it was" : "not back");
    return 0;
}
