# dup2, open and close in the child: seen by the parent only with CLONE_FILES; the offset is shared either way.
title: CLONE_FILES shares the descriptor table, its absence copies it
points: 15
expect: share_files.expected
