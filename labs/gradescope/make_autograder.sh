#!/usr/bin/env bash
# Builds a Gradescope autograder zip from a student edition (./clonix lab export DIR):
#   labs/gradescope/make_autograder.sh EDITION OUT.zip [LAB...] [--hidden DIR]
# LABS are the labs this assignment grades (all if none); --hidden DIR adds the teacher's
# hidden tests (DIR/LAB/*.ck and their programs). The zip holds setup.sh and run_autograder
# at its root, as Gradescope wants, the edition as clonix/, and LABS and hidden-tests/.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ $# -lt 2 ]; then
  echo "usage: $0 EDITION OUT.zip [LAB...] [--hidden DIR]" >&2
  exit 2
fi
edition=$(cd "$1" && pwd)
out=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
shift 2
labs=()
hidden=
while [ $# -gt 0 ]; do
  case "$1" in
    --hidden) hidden=$(cd "$2" && pwd); shift 2 ;;
    *) labs+=("$1"); shift ;;
  esac
done
[ -x "$edition/clonix" ] || { echo "$0: $edition is not a Clonix tree" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/setup.sh" "$here/run_autograder" "$work/"
chmod +x "$work/setup.sh" "$work/run_autograder"
(cd "$edition" && git ls-files -z 2>/dev/null || find . -type f -not -path './target/*' -not -path './.git/*' -print0) \
  | (cd "$edition" && xargs -0 tar cf -) | (mkdir -p "$work/clonix" && cd "$work/clonix" && tar xf -)
echo "${labs[*]}" > "$work/LABS"
[ -n "$hidden" ] && cp -r "$hidden" "$work/hidden-tests"
rm -f "$out"
(cd "$work" && jar cfM "$out" .)
echo "wrote $out"
