# Lists, status and variables, quoting.
true && echo and-ran
false && echo and-skipped
false || echo or-ran
true || echo or-skipped
false; echo status $?
nosuch; echo status $?
/bin/false || echo /bin/false failed with $?
X=1; Y=2; echo "$X$Y" '$X$Y' \$X ${Y}z
echo "a  b"   c\ \ d
echo 'it''s' "say \"hi\"" # a comment
echo $$ $0
A=1 env | grep ^A=
echo "[$A]"
