/*
 * assert.h: assert(e) prints glibc's message and aborts; NDEBUG turns it off. C11's
 * static_assert(e, "message") is the keyword _Static_assert (which, as in C23, also takes
 * no message).
 */
#undef assert
#define static_assert _Static_assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
void __assert_fail(const char *expr, const char *file, unsigned int line, const char *func);
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif
