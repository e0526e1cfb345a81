# Commands over several lines (echoed after the "> " prompt), and syntax errors: one line
# with the line number, the rest of the script goes on.
if true
then
    echo "if over three lines"
fi
for i in a b
do echo "for $i"
done | wc -l
greet() {
    echo "hello $1"
}
greet there
echo "a quote
that spans lines"
echo one \
two
if true; then echo x; fi fi
echo "the script goes on after line 18"
while true; do
done
case x in x) echo y;;
esac esac
echo $((1 +
2))
echo ${a&b}
f() echo bad
echo after the errors
for i in 1 2; do
    echo "the end of the file comes before done"
