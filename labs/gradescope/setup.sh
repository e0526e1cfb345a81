#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu), with the
# autograder's files in /autograder/source (see make_autograder.sh). It installs what Clonix
# needs, a JDK 17 and Maven, and builds the teacher's copy of the student edition once, so
# that Maven's cache holds every library before any submission arrives.
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven python3
cd /autograder/source/clonix
mvn -q -B -DskipTests package </dev/null
# A zip keeps no file modes: make sure the grading script can run.
chmod +x /autograder/source/run_autograder
