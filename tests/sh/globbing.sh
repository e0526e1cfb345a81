# Pathname expansion: * ? [...] [!...] in the last and in middle components, sorted
# results, hidden files, no match, quoted and escaped pattern characters, set -f, and
# patterns that come from variables.
mkdir -p /tmp/sh_glob/sub1 /tmp/sh_glob/sub2 /tmp/sh_glob/other
cd /tmp/sh_glob
: > b.c; : > a.c; : > c.h; : > .hidden.c; : > 'we*ird'; : > sub1/x.txt; : > sub2/y.txt
echo *.c
echo *
echo ?.h [ab].c [!a].c
echo .*.c
echo sub*/*.txt
echo /tmp/sh_glob/sub?/*
echo *.none
echo "*.c" '*.c' \*.c
echo we\** 'we*'*
set -f; echo *.c; set +f
pattern='*.h'; echo $pattern "$pattern"
for f in *.c; do echo "file: $f"; done
case a.c in *.c) echo case patterns are not pathname expansion;; esac
cd /
rm -r /tmp/sh_glob
