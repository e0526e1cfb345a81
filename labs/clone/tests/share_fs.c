/*
 * CLONE_FS: the child shares its parent's root, working directory and umask (Linux's
 * fs_struct). When the child changes directory or umask, the parent's relative paths and
 * new files' modes change too. Without CLONE_FS the child has a copy, and its chdir and
 * umask are its own. CLONE_FS does not need CLONE_VM: the children here have address spaces
 * of their own, as after fork.
 *
 * Plain Linux C: gcc builds it unchanged and, on Linux, it prints exactly share_fs.expected.
 */
#include "clone_test.h"
#include <fcntl.h>
#include <sys/stat.h>

#define DIR "/tmp/clone_fs_dir"

/* The child: moves into DIR and sets the umask to 077. */
static int child(void *arg)
{
    (void)arg;
    if (chdir(DIR) != 0)
        return 1;
    umask(077);
    return 0;
}

static void try(int flags, const char *what)
{
    char cwd[256];
    struct stat st;
    int status;

    chdir("/tmp");
    umask(022);
    if (run_child(what, child, flags, &status) < 0)
        return;
    printf("%s: the child exited with status %d\n", what, WEXITSTATUS(status));
    printf("%s: the parent's working directory is %s\n", what, getcwd(cwd, sizeof cwd) ? cwd : strerror(errno));
    mode_t mask = umask(022);
    printf("%s: the parent's umask is %03o\n", what, (unsigned)mask);
    umask(mask);
    /* A relative name lands in the working directory, with the umask's mode. */
    int fd = open("new_file", O_CREAT | O_WRONLY, 0666);
    close(fd);
    if (stat(DIR "/new_file", &st) == 0) {
        printf("%s: the parent's new_file is in %s, mode %03o\n", what, DIR, (unsigned)(st.st_mode & 0777));
        unlink(DIR "/new_file");
    } else if (stat("/tmp/new_file", &st) == 0) {
        printf("%s: the parent's new_file is in /tmp, mode %03o\n", what, (unsigned)(st.st_mode & 0777));
        unlink("/tmp/new_file");
    }
}

int main(void)
{
    mkdir(DIR, 0755);
    try(SIGCHLD | CLONE_FS, "with CLONE_FS");
    try(SIGCHLD, "without CLONE_FS");
    rmdir(DIR);
    return 0;
}
