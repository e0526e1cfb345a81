# part of lab: locks clone
# A rwlock keeps readers from seeing half-written tables; without it (-n) reads are torn and writes lost.
readers_writers
readers_writers -n
readers_writers 2 2 50
