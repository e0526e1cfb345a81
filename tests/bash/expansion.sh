# Parameters, field splitting, "$@" and "$*", ${...} forms, command substitution (nested,
# backquotes, trailing newlines), and where splitting does not happen.
x='a   b  c'
for w in $x; do echo "[$w]"; done
for w in "$x"; do echo "[$w]"; done
y=$x; echo "[$y]"
empty=
for w in $empty; do echo never; done; echo "empty gives no field"
for w in "$empty"; do echo "quoted empty gives [$w]"; done
set -- one "two words" '' three
echo $#
for a in "$@"; do echo "at [$a]"; done
for a in $@; do echo "unquoted at [$a]"; done
for a in "$*"; do echo "star [$a]"; done
for a in "x$@y"; do echo "around [$a]"; done
IFS=:; echo "joined [$*]"; unset IFS
set --
for a in "$@"; do echo never; done; echo "no parameters: $# [$*]"
v=value
echo ${v} ${v:-d} ${u:-d} ${u-d} ${empty:-d} ${empty-d} ${v:+alt} ${u:+alt} [${empty+alt}]
echo ${#v} ${#u} ${u:=assigned} $u
path=/usr/local/lib/libc.so.6
echo ${path#*/} ${path##*/} ${path%.*} ${path%%.*} ${path#nomatch}
echo "${path##*/}" "${path%/*}"
echo $(echo $(echo nested) levels) `echo back` "$(echo '  spaced  ')"
out=$(echo line1; echo line2; echo; echo)
echo "[$out]"
words=$(echo 1 2 3); for w in $words; do echo "word $w"; done
echo "$(false)status $?"
a=$(exit 3); echo "assignment takes status $?"
IFS=,
csv="a,b,,c"
for f in $csv; do echo "field [$f]"; done
unset IFS
echo ~ ~/x "~" x~
echo $((1 + $(echo 2)))
echo "${v}s" "$v"s \$v '$v' "\$v"
