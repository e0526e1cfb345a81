/* GCC atomic builtins on int and long. */
#include "print.h"

int main(void) {
    int i = 10;
    long l = 100;
    show("fetch_add", __sync_fetch_and_add(&i, 5));
    show("i", i);
    show("add_fetch", __sync_add_and_fetch(&i, 5));
    show("fetch_sub", __sync_fetch_and_sub(&l, 1));
    show("sub_fetch", __sync_sub_and_fetch(&l, 1));
    show("fetch_or", __sync_fetch_and_or(&i, 0x100));
    show("and_fetch", __sync_and_and_fetch(&i, 0xff));
    show("xor_fetch", __sync_xor_and_fetch(&i, 1));
    show("bool_cas ok", __sync_bool_compare_and_swap(&i, 21, 50));
    show("bool_cas fail", __sync_bool_compare_and_swap(&i, 21, 60));
    show("val_cas", __sync_val_compare_and_swap(&l, 98, 7));
    show("l", l);
    show("test_and_set", __sync_lock_test_and_set(&i, 1));
    __sync_lock_release(&i);
    show("released", i);
    __sync_synchronize();
    show("atomic_load", __atomic_load_n(&l, 5));
    __atomic_store_n(&l, 33, 5);
    show("atomic_fetch_add", __atomic_fetch_add(&l, 2, 5));
    show("atomic_exchange", __atomic_exchange_n(&l, 9, 5));
    long expected = 8;
    show("cmpxchg fail", __atomic_compare_exchange_n(&l, &expected, 1, 0, 5, 5));
    show("expected", expected);
    show("cmpxchg ok", __atomic_compare_exchange_n(&l, &expected, 1, 0, 5, 5));
    show("l", l);
    unsigned u = 0xffffffffu;
    show("unsigned fetch_add", __sync_fetch_and_add(&u, 1));
    show("u", u);
    return 0;
}
