# sigaction in the child: seen by the parent only with CLONE_SIGHAND; the blocked mask stays per task; EINVAL without CLONE_VM.
title: CLONE_SIGHAND shares the signal handlers and needs CLONE_VM
points: 15
expect: share_sighand.expected
