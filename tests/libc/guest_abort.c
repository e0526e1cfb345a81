/* guest_abort.c: a failed assert prints glibc's message (without the program name) and dies of SIGABRT. */
#include <assert.h>
#include <stdio.h>

int main(void)
{
    int two = 2;
    printf("before the assertion\n");
    assert(two == 3);
    printf("not reached\n");
    return 0;
}
