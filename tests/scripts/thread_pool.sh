# part of lab: clone
# A fixed pool of worker threads runs queued jobs; the results come out in job order whatever worker ran them.
thread_pool
thread_pool 1 3
thread_pool 8 20 | head -n 2
