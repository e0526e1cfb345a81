# scanf reading standard input: numbers until the input ends or stops being numbers, from a pipe and from a file.
cd /tmp
echo '#include <stdio.h>' > sum.c
echo 'int main(void) { long v, total = 0; int n = 0, r; char word[16];' >> sum.c
echo '  while ((r = scanf("%ld", &v)) == 1) { total += v; n++; }' >> sum.c
echo '  printf("%d numbers, total %ld, last scanf %d\n", n, total, r);' >> sum.c
echo '  if (r == 0 && scanf("%15s", word) == 1) printf("stopped at [%s]\n", word);' >> sum.c
echo '  return 0; }' >> sum.c
cc sum.c -o sum
echo 1 2 3 40 | ./sum
echo '5 -6 seven 8' | ./sum
echo '10 20' > nums.txt
echo '  30' >> nums.txt
echo '0x10' >> nums.txt
./sum < nums.txt
echo | ./sum
