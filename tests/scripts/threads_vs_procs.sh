# part of lab: clone
# Threads and processes side by side: ps -fL shows one process with several LWPs and several one-thread processes.
threads_vs_procs &
sleep 1
ps -fL
wait
