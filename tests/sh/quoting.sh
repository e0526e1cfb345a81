# Quoting and the expansions of words: what each kind of quote keeps, field splitting,
# "$@" and "$*", ${...} forms, arithmetic and command substitution.
x='two  spaces'
echo $x
echo "$x"
echo '$x' "\$x" \$x
set -- "a\\b" 'a\b' a\\b; echo ${#1} ${#2} ${#3}
echo "single 'inside' double" 'double "inside" single'
echo escaped\ space "tab	inside"
empty=
echo [$empty] ["$empty"] [''] [""]
set -- one "two words" "" four
echo $# "$1" "$2" "$4"
for a in "$@"; do echo "quoted at: [$a]"; done
for a in $@; do echo "unquoted at: [$a]"; done
for a in "$*"; do echo "quoted star: [$a]"; done
IFS=:
for a in "$*"; do echo "star with IFS=: [$a]"; done
path=/bin:/usr/bin::/sbin
for d in $path; do echo "dir [$d]"; done
unset IFS
echo ${undefined-default} ${undefined:-colon default} "${empty-set but empty}" "${empty:-empty counts}"
echo ${x+set} "${undefined+not shown}" ${#x} ${#undefined}
echo ${assigned=first} ${assigned=second} $assigned
file=/home/user/archive.tar.gz
echo ${file#*/} ${file##*/} ${file%.*} ${file%%.*}
echo "${file##*/}" ${file#/home} ${file%.gz}
echo $((1 + 2 * 3)) $(( (1 + 2) * 3 )) $((17 / 5)) $((17 % 5)) $((-17 / 5)) $((2 << 3))
n=6
echo $((n * n)) $((n > 5)) $((n == 6 && n != 7)) $((n | 1)) $((n ^ 3)) $((!n)) $((~n))
n=$((n + 1))
echo n is $n
echo $(echo command substitution) `echo back quotes` "$(echo '  inner  spaces  ')"
echo "$(echo nested $(echo twice))"
lines=$(echo a; echo b; echo; echo)
echo "[$lines]"
HOME=/home/user
echo ~ ~/sub "~" x~
echo "$HOME" | grep -c /
set -- a b c d e f g h i j k
echo $10 ${10} ${11}
x=3; echo $((x += 2)) $x $((x *= 2)) $x $((y = x - 4)) $y $((a = b = 7)) $a $b
i=0; while [ $i -lt 3 ]; do : $((i += 1)); done; echo $i
