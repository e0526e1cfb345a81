/*
 * The robust list is in the program's memory, so the kernel must survive whatever it holds
 * when a thread exits: a circular list (followed for ROBUST_LIST_LIMIT entries, then
 * abandoned, the words it reached still marked FUTEX_OWNER_DIED), a head in unmapped
 * memory, an entry whose futex_offset leads to unmapped memory (the walk stops there), and
 * a word that holds another thread's tid (left alone).
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static struct robust_list_head head;
static struct robust_list loop_entry;
static unsigned int word, other_word = 0x3ffffff0, after_bad;
static struct robust_list bad_entry, after_bad_entry;

static void *circular(void *arg) {
    (void)arg;
    word = syscall(SYS_gettid);
    head.list.next = &loop_entry;
    loop_entry.next = &loop_entry; /* never gets back to the head */
    head.futex_offset = (char *)&word - (char *)&loop_entry;
    head.list_op_pending = NULL;
    syscall(SYS_set_robust_list, &head, sizeof head);
    return NULL;
}

static void *unmapped_head(void *arg) {
    (void)arg;
    syscall(SYS_set_robust_list, (void *)16, sizeof head);
    return NULL;
}

static void *bad_offset(void *arg) {
    (void)arg;
    after_bad = syscall(SYS_gettid);
    head.list.next = &bad_entry;
    bad_entry.next = &after_bad_entry;
    after_bad_entry.next = &head.list;
    head.futex_offset = 1L << 40; /* from bad_entry: nowhere */
    head.list_op_pending = NULL;
    syscall(SYS_set_robust_list, &head, sizeof head);
    return NULL;
}

static void *someone_elses(void *arg) {
    (void)arg;
    head.list.next = &loop_entry;
    loop_entry.next = &head.list;
    head.futex_offset = (char *)&other_word - (char *)&loop_entry;
    head.list_op_pending = NULL;
    syscall(SYS_set_robust_list, &head, sizeof head);
    return NULL;
}

static void run(const char *what, void *(*fn)(void *)) {
    pthread_t t;
    pthread_create(&t, NULL, fn, NULL);
    pthread_join(t, NULL);
    printf("%s: the process lives on\n", what);
}

int main(void) {
    run("a circular list", circular);
    printf("  its word: %s\n", word == FUTEX_OWNER_DIED ? "FUTEX_OWNER_DIED" : "unchanged");
    run("a head in unmapped memory", unmapped_head);
    run("an entry whose word is unmapped", bad_offset);
    printf("  the next entry's word: %s\n", after_bad & FUTEX_OWNER_DIED ? "FUTEX_OWNER_DIED" : "unchanged (the walk stopped)");
    run("a word with another thread's tid", someone_elses);
    printf("  that word: 0x%x\n", other_word);
    return 0;
}
