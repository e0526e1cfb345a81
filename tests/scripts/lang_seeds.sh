# A regression script: build a checker with a here-document, run it over seeds, branch on
# its exit status, count the outcomes with arithmetic, and keep the failing seeds.
cd /tmp
cat > check.c <<'EOF'
#include <stdio.h>
#include <stdlib.h>
/* Exit 0 (pass), 1 (fail) or 2 (flaky), decided by a small generator seeded from argv[1]. */
int main(int argc, char **argv) {
    unsigned x = (unsigned) atoi(argv[1]) * 2654435761u;
    x ^= x >> 13;
    printf("seed %s -> %u\n", argv[1], x % 5);
    return x % 5 == 3 ? 1 : x % 5 == 4 ? 2 : 0;
}
EOF
cc check.c -o check
pass=0; fail=0; flaky=0; failing=
seed=1
while [ $seed -le 12 ]; do
    if ./check $seed > out.txt; then
        pass=$((pass + 1))
    else
        case $? in
            1) fail=$((fail + 1)); failing="$failing $seed" ;;
            2) flaky=$((flaky + 1)) ;;
            *) echo "unexpected status" ;;
        esac
    fi
    seed=$((seed + 1))
done
echo "pass=$pass fail=$fail flaky=$flaky failing:$failing"
for s in $failing; do ./check $s; done
last=$(./check 12 | wc -c)
echo "the last report has $last bytes"
[ $((pass + fail + flaky)) -eq 12 ] && echo "all 12 seeds counted"
set -e
./check 1 > /dev/null || echo "a tested failure does not end the script"
./check 2 > /dev/null
echo "not reached when seed 2 fails"
