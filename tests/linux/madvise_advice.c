/*
 * madvise: the advice a program can see. MADV_DONTNEED drops pages (private anonymous
 * memory reads zeros again, a private file mapping the file, shared memory keeps its data);
 * MADV_REMOVE punches a hole in a shared file mapping; MADV_DONTFORK leaves a mapping out
 * of a child; MADV_WIPEONFORK gives the child zeros; MADV_POPULATE_* faults pages in.
 * Errors in Linux's order, and the advice that has nothing to do is accepted.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, int r) {
    printf("%-40s %d %s\n", what, r, r == 0 ? "" : errno == EINVAL ? "EINVAL" : errno == ENOMEM ? "ENOMEM"
           : errno == EFAULT ? "EFAULT" : errno == EACCES ? "EACCES" : "other");
}

/* What a child sees at p: the byte, or the signal that reading it raised. */
static void child_reads(const char *what, volatile char *p) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        printf("%s: child reads %d\n", what, *p);
        fflush(stdout);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) printf("%s: child killed by signal %d\n", what, WTERMSIG(status));
}

int main(void) {
    char *p = mmap(NULL, 8 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(p + 4 * 4096, 4096); /* a hole at page 4 */

    show("unknown advice", madvise(p, 4096, 999));
    show("unknown advice, unaligned", madvise(p + 1, 4096, 999));
    show("unaligned", madvise(p + 1, 4096, MADV_DONTNEED));
    show("length 0", madvise(p, 0, MADV_DONTNEED));
    show("length -1", madvise(p, (size_t)-1, MADV_DONTNEED));
    show("length -4096 (wraps)", madvise(p, (size_t)-4096, MADV_DONTNEED));
    show("MADV_NORMAL over a hole", madvise(p, 8 * 4096, MADV_NORMAL));
    show("MADV_POPULATE_READ of the hole", madvise(p + 4 * 4096, 4096, MADV_POPULATE_READ));
    show("MADV_REMOVE on private memory", madvise(p, 4096, MADV_REMOVE));
    show("MADV_HWPOISON", madvise(p, 4096, MADV_HWPOISON));
    int accepted[] = {MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED, MADV_FREE, MADV_MERGEABLE,
                      MADV_UNMERGEABLE, MADV_DONTDUMP, MADV_DODUMP, MADV_COLD, MADV_PAGEOUT, MADV_KEEPONFORK,
                      MADV_DOFORK};
    int ok = 0;
    for (unsigned i = 0; i < sizeof accepted / sizeof accepted[0]; i++) ok += madvise(p, 4096, accepted[i]) == 0;
    printf("advice accepted on private memory: %d of %d\n", ok, (int)(sizeof accepted / sizeof accepted[0]));

    p[0] = 42;
    p[4096] = 43;
    show("MADV_DONTNEED over a hole", madvise(p, 8 * 4096, MADV_DONTNEED));
    printf("private anonymous after MADV_DONTNEED: %d %d\n", p[0], p[4096]);

    const char *path = "/tmp/madvise_advice.dat";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    char page[4096];
    memset(page, 'f', sizeof page);
    write(fd, page, sizeof page);
    write(fd, page, sizeof page);
    char *priv = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    priv[0] = 'p';
    madvise(priv, 4096, MADV_DONTNEED);
    printf("private file mapping after MADV_DONTNEED: %c\n", priv[0]);
    show("MADV_FREE on a file mapping", madvise(priv, 4096, MADV_FREE));
    show("MADV_WIPEONFORK on a file mapping", madvise(priv, 4096, MADV_WIPEONFORK));

    char *shared = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    shared[0] = 's';
    madvise(shared, 4096, MADV_DONTNEED);
    printf("shared file mapping after MADV_DONTNEED: %c\n", shared[0]);
    shared[4096] = 'r';
    show("MADV_REMOVE on the shared mapping", madvise(shared + 4096, 4096, MADV_REMOVE));
    char c = 0;
    lseek(fd, 4096, SEEK_SET);
    read(fd, &c, 1);
    printf("after MADV_REMOVE: mapping %d, file %d, size %ld\n", shared[4096], c, (long)lseek(fd, 0, SEEK_END));

    char *anon = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    anon[0] = 7;
    madvise(anon, 4096, MADV_DONTNEED);
    printf("shared anonymous after MADV_DONTNEED: %d\n", anon[0]);
    show("MADV_WIPEONFORK on shared memory", madvise(anon, 4096, MADV_WIPEONFORK));

    char *w = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    w[0] = 5;
    show("MADV_WIPEONFORK", madvise(w, 4096, MADV_WIPEONFORK));
    child_reads("wiped on fork", w);
    printf("the parent still reads %d\n", w[0]);
    madvise(w, 4096, MADV_KEEPONFORK);
    child_reads("kept on fork", w);

    char *d = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    d[0] = 9;
    show("MADV_DONTFORK", madvise(d, 4096, MADV_DONTFORK));
    child_reads("not forked", d);
    madvise(d, 4096, MADV_DOFORK);
    child_reads("forked again", d);

    char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    show("MADV_POPULATE_READ", madvise(ro, 4096, MADV_POPULATE_READ));
    show("MADV_POPULATE_WRITE, read-only memory", madvise(ro, 4096, MADV_POPULATE_WRITE));
    char *past = mmap(NULL, 3 * 4096, PROT_READ, MAP_SHARED, fd, 0);
    show("MADV_POPULATE_READ past the end of file", madvise(past, 3 * 4096, MADV_POPULATE_READ));
    unsigned char vec[3];
    mincore(ro, 4096, vec);
    printf("read-only page populated: %d\n", vec[0]);

    close(fd);
    unlink(path);
    return 0;
}
