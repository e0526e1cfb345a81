# Globals, the heap and a new mapping: seen by the parent only with CLONE_VM.
title: CLONE_VM shares the address space, its absence copies it
points: 15
expect: share_vm.expected
