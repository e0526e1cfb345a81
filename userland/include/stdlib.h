/* stdlib.h: memory allocation, process exit, conversions, sorting, random numbers, environment. */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>
#include <alloca.h> /* as glibc's stdlib.h does by default */

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
/* The largest value rand() returns: glibc's. */
#define RAND_MAX 2147483647
/* The longest multibyte character: UTF-8 in Clonix's one locale, C.UTF-8 (see locale.h). */
#define MB_CUR_MAX 6

/* UTF-8 multibyte characters to and from wide characters (wchar.h has the restartable ones). */
int mblen(const char *s, size_t n);
int mbtowc(wchar_t *pwc, const char *s, size_t n);
int wctomb(char *s, wchar_t wc);
size_t mbstowcs(wchar_t *dst, const char *src, size_t n);
size_t wcstombs(char *dst, const wchar_t *src, size_t n);

typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
typedef struct { long long quot; long long rem; } lldiv_t;

void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void *reallocarray(void *ptr, size_t nmemb, size_t size);
void free(void *ptr);

void exit(int status);
void _Exit(int status);
void abort(void);
int atexit(void (*fn)(void));

long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
double strtod(const char *s, char **end);
float strtof(const char *s, char **end);
long double strtold(const char *s, char **end);
double atof(const char *s);
int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);

void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
              int (*compar)(const void *, const void *));

int rand(void);
void srand(unsigned int seed);
int rand_r(unsigned int *seedp);

char *getenv(const char *name);

/* Temporary files and canonical paths. */
int mkstemp(char *template);
char *mkdtemp(char *template);
char *realpath(const char *path, char *resolved);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
int putenv(char *string);
int clearenv(void);

/* Runs command with /bin/sh -c and returns its wait status (system.c). */
int system(const char *command);

int abs(int n);
long labs(long n);
long long llabs(long long n);
div_t div(int num, int den);
ldiv_t ldiv(long num, long den);

#endif
