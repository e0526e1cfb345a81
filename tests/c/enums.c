/*
 * Enum types as gcc has them: an enum with no negative value is an unsigned int, so a
 * bit-field of it reads back unsigned and it compares and converts as unsigned; one with a
 * negative value is an int.
 */
#include "print.h"

enum Colour { RED, GREEN, BLUE, WHITE };
enum Sign { MINUS = -1, ZERO, PLUS };

struct Pixel {
    enum Colour colour : 2;
    enum Sign sign : 2;
    unsigned alpha : 3;
};

struct Pixel global = {WHITE, MINUS, 5};

int main(void) {
    struct Pixel px = {WHITE, MINUS, 1};
    show("global.colour", global.colour);
    show("global.sign", global.sign);
    show("px.colour", px.colour);
    show("px.sign", px.sign);
    px.colour = BLUE;
    px.sign = PLUS;
    show("px.colour", px.colour);
    show("px.colour == BLUE", px.colour == BLUE);
    show("px.sign", px.sign);
    px.colour++;
    show("px.colour after ++", px.colour);

    enum Colour c = (enum Colour)-1;
    enum Sign s = (enum Sign)-1;
    show("c > 0", c > 0);
    show("s > 0", s > 0);
    show("(long)c", (long)c);
    show("(long)s", (long)s);
    show("c / 2 > 0", c / 2 > 0);
    show("sizeof c", sizeof c);
    show("RED - 1 < 0", RED - 1 < 0);
    return 0;
}
