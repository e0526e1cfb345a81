#!/bin/bash
# Regenerates tests/utils/NAME.expected from cases.txt by running each command natively
# (GNU coreutils, GNU grep, procps-ng) in tests/utils/input with LC_ALL=C. Standard input,
# when given, comes through a pipe, as the guest's console is not a regular file either.
# Also writes ps_headers.expected: the header lines of the real ps for the formats ps_formats lists.
set -u
cd "$(dirname "$0")"
export LC_ALL=C
# The nice cases print niceness from 0, the guest's starting value (needs root to lower it).
renice -n 0 -p $$ > /dev/null
while read -r name rest; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    input=""
    if [[ "$rest" == *" < "* ]]; then
        input="${rest##* < }"
        rest="${rest% < *}"
    fi
    read -ra argv <<< "$rest"
    (
        cd input
        if [[ -n "$input" ]]; then
            cat "$input" | env "${argv[@]}" 2>&1
        else
            env "${argv[@]}" < /dev/null 2>&1
        fi
        echo "[exit $?]"
    ) > "$name.expected"
done < cases.txt
while read -r format; do
    [[ -z "$format" || "$format" == \#* ]] && continue
    read -ra argv <<< "$format"
    echo "$format|$(ps "${argv[@]}" | head -1)"
done < ps_formats.txt > ps_headers.expected
