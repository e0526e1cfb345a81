/*
 * stdatomic.h: C11 atomics (7.17) on the machine's atomic instructions.
 *
 * The compiler knows _Atomic: ++, --, +=, -=, &=, |= and ^= on an _Atomic object of 4 or 8
 * bytes are single atomic instructions (faa) or compare-and-swap loops (cas), and plain
 * loads and stores of it are atomic already. The generic functions below are GCC's
 * __atomic builtins, as in GCC's own stdatomic.h. The machine is sequentially consistent,
 * so every memory order behaves as memory_order_seq_cst; the orders are accepted and
 * checked by nothing. Read-modify-writes need 4- or 8-byte objects (the compiler says so
 * otherwise); atomic_bool, atomic_char and atomic_short may only be loaded and stored.
 */
#ifndef _STDATOMIC_H
#define _STDATOMIC_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    memory_order_relaxed = __ATOMIC_RELAXED,
    memory_order_consume = __ATOMIC_CONSUME,
    memory_order_acquire = __ATOMIC_ACQUIRE,
    memory_order_release = __ATOMIC_RELEASE,
    memory_order_acq_rel = __ATOMIC_ACQ_REL,
    memory_order_seq_cst = __ATOMIC_SEQ_CST
} memory_order;

typedef _Atomic _Bool atomic_bool;
typedef _Atomic char atomic_char;
typedef _Atomic signed char atomic_schar;
typedef _Atomic unsigned char atomic_uchar;
typedef _Atomic short atomic_short;
typedef _Atomic unsigned short atomic_ushort;
typedef _Atomic int atomic_int;
typedef _Atomic unsigned int atomic_uint;
typedef _Atomic long atomic_long;
typedef _Atomic unsigned long atomic_ulong;
typedef _Atomic long long atomic_llong;
typedef _Atomic unsigned long long atomic_ullong;
typedef _Atomic int32_t atomic_int32_t;
typedef _Atomic uint32_t atomic_uint32_t;
typedef _Atomic int64_t atomic_int64_t;
typedef _Atomic uint64_t atomic_uint64_t;
typedef _Atomic intptr_t atomic_intptr_t;
typedef _Atomic uintptr_t atomic_uintptr_t;
typedef _Atomic size_t atomic_size_t;
typedef _Atomic ptrdiff_t atomic_ptrdiff_t;
typedef _Atomic intmax_t atomic_intmax_t;
typedef _Atomic uintmax_t atomic_uintmax_t;

/* 4- and 8-byte atomics are single instructions: always lock-free (2). The smaller ones
 * only load and store here, so they say "sometimes" (1). */
#define ATOMIC_BOOL_LOCK_FREE 1
#define ATOMIC_CHAR_LOCK_FREE 1
#define ATOMIC_SHORT_LOCK_FREE 1
#define ATOMIC_INT_LOCK_FREE 2
#define ATOMIC_LONG_LOCK_FREE 2
#define ATOMIC_LLONG_LOCK_FREE 2
#define ATOMIC_POINTER_LOCK_FREE 2

#define ATOMIC_VAR_INIT(value) (value)
#define atomic_init(obj, value) ((void)(*(obj) = (value)))
#define kill_dependency(y) (y)
#define atomic_is_lock_free(obj) (sizeof(*(obj)) == 4 || sizeof(*(obj)) == 8)

#define atomic_thread_fence(order) __atomic_thread_fence(order)
#define atomic_signal_fence(order) __atomic_thread_fence(order)

#define atomic_store_explicit(obj, desired, order) __atomic_store_n((obj), (desired), (order))
#define atomic_store(obj, desired) atomic_store_explicit((obj), (desired), memory_order_seq_cst)
#define atomic_load_explicit(obj, order) __atomic_load_n((obj), (order))
#define atomic_load(obj) atomic_load_explicit((obj), memory_order_seq_cst)
#define atomic_exchange_explicit(obj, desired, order) __atomic_exchange_n((obj), (desired), (order))
#define atomic_exchange(obj, desired) atomic_exchange_explicit((obj), (desired), memory_order_seq_cst)

/* A weak compare-exchange may fail spuriously; here it never does (cas is exact). */
#define atomic_compare_exchange_strong_explicit(obj, expected, desired, success, failure) \
    __atomic_compare_exchange_n((obj), (expected), (desired), 0, (success), (failure))
#define atomic_compare_exchange_strong(obj, expected, desired) \
    atomic_compare_exchange_strong_explicit((obj), (expected), (desired), memory_order_seq_cst, memory_order_seq_cst)
#define atomic_compare_exchange_weak_explicit(obj, expected, desired, success, failure) \
    __atomic_compare_exchange_n((obj), (expected), (desired), 1, (success), (failure))
#define atomic_compare_exchange_weak(obj, expected, desired) \
    atomic_compare_exchange_weak_explicit((obj), (expected), (desired), memory_order_seq_cst, memory_order_seq_cst)

#define atomic_fetch_add_explicit(obj, operand, order) __atomic_fetch_add((obj), (operand), (order))
#define atomic_fetch_add(obj, operand) atomic_fetch_add_explicit((obj), (operand), memory_order_seq_cst)
#define atomic_fetch_sub_explicit(obj, operand, order) __atomic_fetch_sub((obj), (operand), (order))
#define atomic_fetch_sub(obj, operand) atomic_fetch_sub_explicit((obj), (operand), memory_order_seq_cst)
#define atomic_fetch_or_explicit(obj, operand, order) __atomic_fetch_or((obj), (operand), (order))
#define atomic_fetch_or(obj, operand) atomic_fetch_or_explicit((obj), (operand), memory_order_seq_cst)
#define atomic_fetch_xor_explicit(obj, operand, order) __atomic_fetch_xor((obj), (operand), (order))
#define atomic_fetch_xor(obj, operand) atomic_fetch_xor_explicit((obj), (operand), memory_order_seq_cst)
#define atomic_fetch_and_explicit(obj, operand, order) __atomic_fetch_and((obj), (operand), (order))
#define atomic_fetch_and(obj, operand) atomic_fetch_and_explicit((obj), (operand), memory_order_seq_cst)

/* atomic_flag: a 4-byte word, so that test-and-set is one xchg. */
typedef struct {
    int __value;
} atomic_flag;
#define ATOMIC_FLAG_INIT {0}
#define atomic_flag_test_and_set_explicit(flag, order) ((_Bool)__atomic_exchange_n(&(flag)->__value, 1, (order)))
#define atomic_flag_test_and_set(flag) atomic_flag_test_and_set_explicit((flag), memory_order_seq_cst)
#define atomic_flag_clear_explicit(flag, order) __atomic_store_n(&(flag)->__value, 0, (order))
#define atomic_flag_clear(flag) atomic_flag_clear_explicit((flag), memory_order_seq_cst)

#endif
