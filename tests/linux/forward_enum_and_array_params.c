/*
 * Declarations gcc accepts that older Clonix refused or misread: an enum declared before it
 * is defined (GNU C), an enum's pointer passed where a pointer to its underlying type is
 * expected, qualifiers inside a parameter's brackets, and "[*]" in a prototype.
 */
#include <stdio.h>

enum colour;
extern enum colour favourite(void);
enum colour { RED, GREEN = 5, BLUE };
struct painter { enum colour (*pick)(void); };

enum colour favourite(void) { return BLUE; }

static unsigned read_unsigned(unsigned *p) { return *p; }

static int sum(int n, int a[const static 1], int b[volatile 3]);
static int rows(int n, int m[*][2]);

static int sum(int n, int a[const static 1], int b[volatile 3]) {
    int s = 0;
    for (int i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

static int rows(int n, int m[n][2]) { return m[n - 1][1]; }

int main(void) {
    struct painter p = {favourite};
    enum colour c = p.pick();
    printf("favourite %d, size %zu\n", c, sizeof c);
    printf("through unsigned *: %u\n", read_unsigned(&c));
    int a[] = {1, 2, 3}, b[] = {4, 5, 6};
    printf("sum %d\n", sum(3, a, b));
    int m[2][2] = {{1, 2}, {3, 4}};
    printf("rows %d\n", rows(2, m));
    return 0;
}
