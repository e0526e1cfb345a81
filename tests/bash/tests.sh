# test and [: strings, integers, files, ! ( ) -a -o, by the number of arguments, and the
# status 2 of a malformed expression.
t() { if "$@"; then echo "true:  $*"; else echo "false($?): $*"; fi; }
t [ ]
t [ x ]
t [ "" ]
t [ -n x ]
t [ -z x ]
t [ -n "" ]
t [ abc = abc ]
t [ abc != abc ]
t [ abc = ABC ]
t [ a '<' b ]
t [ b '>' a ]
t [ = = = ]
t [ -n = -n ]
t [ ! x ]
t [ ! "" ]
t [ 3 -eq 3 ]
t [ 3 -ne 3 ]
t [ -3 -lt 2 ]
t [ 10 -le 9 ]
t [ 10 -gt 9 ]
t [ 10 -ge 11 ]
t [ " 42 " -eq 42 ]
t [ x -a "" ]
t [ x -o "" ]
t [ 1 -eq 1 -a 2 -eq 2 ]
t [ 1 -eq 2 -o 2 -eq 2 ]
t [ \( 1 -eq 2 \) -o ! \( 3 -eq 4 \) ]
t [ ! 1 -eq 1 ]
t test -z ""
t test x
t test
mkdir -p clonix_t/dir
echo data > clonix_t/file
: > clonix_t/empty
t [ -e clonix_t/file ]
t [ -f clonix_t/file ]
t [ -d clonix_t/file ]
t [ -d clonix_t/dir ]
t [ -f clonix_t/dir ]
t [ -s clonix_t/file ]
t [ -s clonix_t/empty ]
t [ -e clonix_t/none ]
t [ -r clonix_t/file ]
t [ -w clonix_t/file ]
t [ -x clonix_t/dir ]
t [ -L clonix_t/file ]
rm -r clonix_t
t [ 1 -eq x ]
t [ x -lt 2 ]
t [ a b ]
t [ -q x ]
t [ a b c d e ]
t [ x
t test 1 -eq 1 ]
