# A check-then-act bug: each thread checks the balance, then withdraws. explore finds the
# schedule where both pass the check before either withdraws; replay runs it again, and
# draws it on the timeline.
cd /tmp
cat > bank.c <<'END'
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

int balance = 100;

void *withdraw(void *arg) {
    if (balance >= 80)
        balance -= 80;
    return arg;
}

int main(void) {
    pthread_t a, b;
    pthread_create(&a, 0, withdraw, 0);
    pthread_create(&b, 0, withdraw, 0);
    pthread_join(a, 0);
    pthread_join(b, 0);
    printf("balance = %d\n", balance);
    assert(balance >= 0);
    return 0;
}
END
cc bank.c -o bank
explore --runs 200 ./bank
echo explore: $?
ls
replay --time-limit 0.2 ./bank.outcome2.schedule ./bank
echo replay: $?
replay --timeline --time-limit 0.2 ./bank.outcome2.schedule ./bank
replay --trace-json bank.json --time-limit 0.2 ./bank.outcome2.schedule ./bank 2> /dev/null
head -c 15 bank.json; echo
