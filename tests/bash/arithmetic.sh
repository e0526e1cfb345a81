# $((...)): the operators by C's precedence, assignments, bases, variables that hold
# expressions, and bash's words for the errors (each error abandons its line only).
echo $((1 + 2 * 3)) $(((1 + 2) * 3)) $((7 / 2)) $((-7 / 2)) $((7 % 3)) $((-7 % 3)) $((2 ** 10)) $((-2 ** 2))
echo $((1 << 4)) $((256 >> 2)) $((5 & 3)) $((5 | 3)) $((5 ^ 3)) $((~5)) $((!5)) $((!0))
echo $((3 < 4)) $((3 <= 3)) $((3 > 4)) $((3 >= 4)) $((3 == 3)) $((3 != 3)) $((1 && 0)) $((1 || 0))
echo $((1 ? 10 : 20)) $((0 ? 10 : 20)) $((0 ? 1 : 0 ? 2 : 3)) $((1, 2, 3))
echo $((010)) $((0x1f)) $((0X10)) $((2#1011)) $((16#ff)) $((36#z)) $((64#_))
echo $((9223372036854775807 + 1)) $((-9223372036854775807 - 1))
x=5
echo $((x)) $(($x + 1)) $((x * x)) $((x += 2)) $x $((x -= 1)) $((x *= 3)) $((x /= 4)) $((x %= 3)) $x
echo $((x <<= 3)) $((x >>= 1)) $((x &= 6)) $((x |= 1)) $((x ^= 2)) $x
i=0
echo $((i++)) $((i++)) $i $((++i)) $((--i)) $((i--)) $i
e='1 + 2'
echo $((e * 2)) $(( e ))
unset nothing; empty=
echo $((nothing + 1)) $((empty + 1))
r=$((a = 3, b = a * 2)); echo $r $a $b
echo $((0 && (z = 1))) ${z-unset} $((1 || (z = 1))) ${z-unset}
n=3; while [ $n -gt 0 ]; do echo -n "$n "; n=$((n - 1)); done; echo
echo "quoted: $((2 + 3))" 'single: $((2 + 3))'
echo $((1 / 0)); echo not reached
echo next line runs
echo $((5 % 0))
echo $((1 +))
echo $((2 ** -1))
echo $((08))
echo $((1 2))
echo $((3 = 4))
echo $((1 @ 2))
echo status $?
