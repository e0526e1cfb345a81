#define X 1
#pragma push_macro("X")
#undef X
#define X 2
a = X;
#pragma push_macro("X")
#undef X
b = X;
#pragma pop_macro("X")
c = X;
#pragma pop_macro("X")
d = X;
#pragma push_macro("Y")
#define Y 5
e = Y;
#pragma pop_macro("Y")
f = Y;
_Pragma("push_macro(\"X\")")
#undef X
g = X;
_Pragma("pop_macro(\"X\")")
h = X;
#pragma pop_macro("X")
i = X;
