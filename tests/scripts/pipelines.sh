# Pipelines of /bin programs and every kind of redirection.
echo one two three | wc -w
echo alpha | cat | cat | cat
yes | head -n 3
cd /tmp
echo first > f
echo second >> f
cat f
cat < f | wc -l
cat /no/such/file 2> err
cat err
cat /no/such/file > both 2>&1
cat both
ls /no/such/dir 2>&1 | wc -l
echo to-null > /dev/null
help > helptext
head -n 1 helptext
jobs | cat
cat < /missing
echo $?
