/*
 * CLONE_FILES: the child uses its parent's descriptor table. A descriptor the child opens,
 * dups or closes is opened, dup'ed or closed for the parent too. Without CLONE_FILES the
 * child has a copy of the table: what it does to its descriptors the parent never sees.
 * Either way a descriptor names the same open file in both (the copy is of the table, not
 * of the files), so they share the file offset: what each writes lands after the other's.
 * Both children here share the address space (CLONE_VM), so the only difference between
 * the two runs is CLONE_FILES.
 *
 * Plain Linux C: gcc builds it unchanged and, on Linux, it prints exactly share_files.expected.
 */
#include "clone_test.h"
#include <fcntl.h>

#define LOG "/tmp/clone_files.log"
#define OTHER "/tmp/clone_files.other"
#define DUP 10

static int log_fd;    /* the parent's descriptor of LOG */
static int opened;    /* the descriptor the child opened */

/* The child: writes through the parent's descriptor, dups it to DUP, opens OTHER, closes it. */
static int child(void *arg)
{
    (void)arg;
    if (write(log_fd, "child\n", 6) != 6)
        return 1;
    if (dup2(log_fd, DUP) != DUP)
        return 2;
    opened = open(OTHER, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (opened < 0)
        return 3;
    close(log_fd);
    return 0;
}

static int is_open(int fd)
{
    return fcntl(fd, F_GETFD) != -1;
}

static void try(int flags, const char *what)
{
    char text[64] = "";
    int status;

    log_fd = open(LOG, O_CREAT | O_RDWR | O_TRUNC, 0644);
    write(log_fd, "parent\n", 7);
    if (run_child(what, child, flags, &status) < 0)
        return;
    printf("%s: the child exited with status %d\n", what, WEXITSTATUS(status));
    printf("%s: descriptor %d, dup'ed by the child, is open for the parent: %s\n", what, DUP, yes(is_open(DUP)));
    printf("%s: descriptor %d, opened by the child, is open for the parent: %s\n", what, opened,
           yes(is_open(opened)));
    if (write(log_fd, "parent again\n", 13) < 0)
        printf("%s: descriptor %d, closed by the child: the parent's write fails: %s\n", what, log_fd,
               strerror(errno));
    else
        printf("%s: descriptor %d, closed by the child: the parent's write works\n", what, log_fd);
    /* The log through a new descriptor: the writes follow each other, the offset is shared. */
    int fd = open(LOG, O_RDONLY);
    int n = read(fd, text, sizeof text - 1);
    text[n > 0 ? n : 0] = 0;
    for (char *p = text; *p; p++)
        if (*p == '\n')
            *p = '|';
    printf("%s: the log holds: %s\n", what, text);
    close(fd);
    close(log_fd);
    close(DUP);
    close(opened);
}

int main(void)
{
    try(SIGCHLD | CLONE_VM | CLONE_FILES, "with CLONE_FILES");
    try(SIGCHLD | CLONE_VM, "without CLONE_FILES");
    unlink(LOG);
    unlink(OTHER);
    return 0;
}
