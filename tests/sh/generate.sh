#!/bin/bash
# Regenerates tests/sh/NAME.expected from NAME.sh: what dash (Debian's and Ubuntu's /bin/sh,
# which must also be the host's "sh", as the scripts run "sh -c") prints running the script
# in this directory with no input and a small environment: standard output and error
# together, then "[exit N]".
set -u
cd "$(dirname "$0")"
for script in *.sh; do
    [[ "$script" == generate.sh ]] && continue
    (env -i PATH=/usr/bin:/bin dash "$script" < /dev/null 2>&1; echo "[exit $?]") > "${script%.sh}.expected"
done
