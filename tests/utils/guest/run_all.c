/*
 * Runs each argument as a command line, one after the other, like a tiny shell script:
 * words are separated by spaces and the program is found in PATH; "A | B" connects A's
 * standard output to B's standard input. After each command that fails, prints
 * "[exit N]" (or "[signal N]"). Exits with the status of the last command.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_WORDS 32

/* Splits line (modified) into words; returns the count. */
static int split(char *line, char **words) {
    int n = 0;
    for (char *w = strtok(line, " "); w != NULL && n < MAX_WORDS - 1; w = strtok(NULL, " ")) words[n++] = w;
    words[n] = NULL;
    return n;
}

/* Starts words with stdin from in and stdout to out (-1: unchanged); returns the child's pid. */
static pid_t start(char **words, int in, int out, int close_in_child) {
    pid_t pid = fork();
    if (pid == 0) {
        if (in >= 0) dup2(in, 0);
        if (out >= 0) dup2(out, 1);
        if (close_in_child >= 0) close(close_in_child);
        if (in >= 0) close(in);
        if (out >= 0) close(out);
        execvp(words[0], words);
        perror(words[0]);
        _exit(127);
    }
    return pid;
}

/* Runs one command line; returns its wait status (the last command's of a pipeline). */
static int run(char *line) {
    char *bar = strstr(line, " | ");
    char *first[MAX_WORDS], *second[MAX_WORDS];
    int status = 0;
    fflush(stdout);
    if (bar == NULL) {
        split(line, first);
        waitpid(start(first, -1, -1, -1), &status, 0);
        return status;
    }
    *bar = 0;
    split(line, first);
    split(bar + 3, second);
    int fds[2];
    pipe(fds);
    pid_t a = start(first, -1, fds[1], fds[0]);
    pid_t b = start(second, fds[0], -1, fds[1]);
    close(fds[0]);
    close(fds[1]);
    waitpid(a, NULL, 0);
    waitpid(b, &status, 0);
    return status;
}

int main(int argc, char **argv) {
    int status = 0;
    for (int i = 1; i < argc; i++) {
        char *line = strdup(argv[i]);
        status = run(line);
        free(line);
        if (WIFEXITED(status) && WEXITSTATUS(status) != 0) printf("[exit %d]\n", WEXITSTATUS(status));
        if (WIFSIGNALED(status)) printf("[signal %d]\n", WTERMSIG(status));
    }
    fflush(stdout);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
