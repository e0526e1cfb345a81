/* Corner cases: placemarkers, GNU comma, stringizing, hide sets, #if arithmetic. */
#define hash_hash # ## #
#define mkstr(a) # a
#define in_between(a) mkstr(a)
#define join(c, d) in_between(c hash_hash d)
char p[] = join(x, y);
#define e(...) [__VA_ARGS__]
e() e(1) e(1,2) e((a,b),c)
#define cat(a,b) a##b
#define xcat(a,b) cat(a,b)
cat(x1,cat(2,3)) xcat(1,xcat(2,3)) cat(,) cat(x,) cat(,y) cat(0x,1f) cat(-, >)
#define EMPTY
#define LPAREN (
#define F(x, y) x + y
#define ELLIP_FUNC(...) __VA_ARGS__
ELLIP_FUNC(F, LPAREN, 'a', 'b', ')');
#define str(x) #x
#define xstr(x) str(x)
xstr(__LINE__) str(   a  "\n"  '\0' b  ) str() str( ) str(L"x" u8"y")
#define AA BB
#define BB AA
AA BB
#define nil(x) x
nil(nil)(1) nil(EMPTY) EMPTY nil
#define recur(x) x recur
recur(1)(2)
#define q(x,...) x __VA_ARGS__ #__VA_ARGS__
q(1) q(1,) q(1,2,  3)
#define gnu(fmt, args...) printf(fmt, ## args)
gnu("a") gnu("a", 1, 2)
#if defined(AA) && !defined BB2 && (1 ? 2 : (1/0)) && 0x10 == 16 && -1 < 0u == 0
ok1
#endif
#if (-1)/2 == 0 && (-1)%2 == -1 && (0u - 1) >> 63 == 1 && 'A' == 65
ok2
#endif
