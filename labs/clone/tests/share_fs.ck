# chdir and umask in a child with an address space of its own: seen by the parent only with CLONE_FS.
title: CLONE_FS shares the working directory and umask
points: 10
expect: share_fs.expected
