/*
 * GNU C initializers that teaching code and real projects use: a file-scope compound
 * literal inside a static initializer, a struct cast to its own type, and index ranges
 * "[first ... last]" (overlapping ranges: the later one wins, element by element).
 */
#include <stdio.h>

struct point { int x, y; const char *name; };
struct segment { struct point from, to; int weight; };

static struct segment s = { (struct point){1, 2, "a"}, {3, 4, "b"}, 5 };
static int table[12] = { [0 ... 3] = 1, [8 ... 11] = 2, [3 ... 5] = 7 };
static struct point grid[4] = { [1 ... 2] = {9, 9, "mid"} };

int main(void) {
    printf("%d %d %s / %d %d %s / %d\n", s.from.x, s.from.y, s.from.name, s.to.x, s.to.y, s.to.name, s.weight);
    for (int i = 0; i < 12; i++) printf("%d%c", table[i], i == 11 ? '\n' : ' ');
    for (int i = 0; i < 4; i++) printf("%d,%d,%s ", grid[i].x, grid[i].y, grid[i].name ? grid[i].name : "-");
    printf("\n");
    int k = 40;
    int local[8] = { [2 ... 4] = k + 2, [6] = 1 };
    for (int i = 0; i < 8; i++) printf("%d%c", local[i], i == 7 ? '\n' : ' ');
    struct point p = {5, 6, "p"};
    struct segment t = { (struct point) p, (struct point){7, 8, "q"}, 9 };
    printf("%d %d %s %d %d %s %d\n", t.from.x, t.from.y, t.from.name, t.to.x, t.to.y, t.to.name, t.weight);
    return 0;
}
