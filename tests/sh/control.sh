# Control flow: if/elif/else, while, until, for, case, break and continue (with a count),
# functions with arguments and return, !, && and ||, { } and ( ).
for n in 1 2 3 4; do
    if [ $n -eq 1 ]; then echo one
    elif [ $n = 2 ]; then echo two
    elif test $n -lt 4
    then
        echo three
    else
        echo many
    fi
done
i=0
while [ $i -lt 5 ]; do
    i=$((i + 1))
    [ $i -eq 2 ] && continue
    [ $i -eq 4 ] && break
    echo while $i
done
until [ $i -eq 0 ]; do i=$((i - 1)); done; echo until done at $i
for a in x y z; do
    for b in 1 2 3; do
        if [ $b = 2 ]; then continue 2; fi
        if [ $a = z ]; then break 2; fi
        echo pair $a$b
    done
done
for word in apple banana cherry kiwi date; do
    case $word in
        a*) echo "$word starts with a" ;;
        *an*|*rr*) echo "$word has an or rr" ;;
        [k-l]???) echo "$word is k or l and four letters" ;;
        *) echo "$word: no rule" ;;
    esac
done
case "a b" in "a b") echo quoted pattern matches ;; esac
case x in (x) echo parenthesised pattern ;; esac
case '*' in \*) echo escaped star ;; esac
greet() {
    echo "hello, $1 ($# arguments)"
    return 3
}
greet world extra
echo greet returned $?
count() { c=0; for a; do c=$((c + 1)); done; echo $c; }
count a b c d
echo still has "$#" positional parameters
early() { for v in 1 2 3; do if [ $v = 2 ]; then return 7; fi; echo early $v; done; }
early; echo early returned $?
! true; echo not true: $?
! false; echo not false: $?
true && echo and-then
false && echo never
false || echo or-else
true || echo never
false && echo never || echo mixed
{ echo group; echo with redirect; } | grep -c group
(echo subshell; exit 4); echo subshell status $?
v=outer; (v=inner; echo in subshell $v); echo after subshell $v
v=outer; { v=group; }; echo after group $v
if false; then :; fi; echo if without branch: $?
for none in; do echo never; done; echo empty for: $?
while false; do :; done; echo while never ran: $?
for c in a 5 ' ' X; do
    case $c in
        [[:digit:]]) echo "digit" ;;
        [[:upper:]]) echo "upper" ;;
        [[:alpha:]]) echo "alpha" ;;
        [![:alnum:]]) echo "neither" ;;
    esac
done
case x in a) ;; x) ;; esac; echo empty case items: $?
[ \( 1 -eq 1 \) -a ! \( 2 -eq 3 \) ] && echo test with parentheses
for i in 1 2 3; do eval "echo eval in a loop \$i; break; echo not reached"; done; echo after eval break
test() { echo "a function named test comes before the built-in"; }; test; unset -f test
test 1 = 1 && echo the built-in is back
