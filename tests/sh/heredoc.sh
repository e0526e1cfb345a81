# Here-documents: << with expansion in the body, quoted delimiters without, <<- removing tabs,
# two on one line, on loops, functions and command substitution, and one larger than a pipe.
x=world
cat <<EOF
hello $x "quoted" 'single' \$x \\ $((1+2)) \"
  indented
EOF
cat <<'EOF'
raw $x \$x
EOF
cat <<-EOF | grep -c tab
	tab stripped $x
	EOF
cat <<A; cat <<B
first A
A
second B
B
while read l; do echo "got $l"; done <<END
one
two
END
z=$(cat <<x
inside subst
x
); echo "$z"
big=0123456789; for i in 1 2 3 4 5 6 7 8 9; do big="$big$big"; done
cat <<EOF | wc -c
$big
EOF
f() { cat; } <<EOF
function body input
EOF
f
cat <<"E F"
quoted with space $x
E F
echo end
