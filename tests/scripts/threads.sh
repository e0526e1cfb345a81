# part of lab: clone
# ps -fL of a threaded program built with the cc built-in.
cd /tmp
echo '#include <pthread.h>' > threads.c
echo '#include <unistd.h>' >> threads.c
echo 'static void *worker(void *arg) { sleep(100); return arg; }' >> threads.c
echo 'int main(void) { pthread_t t[3]; for (int i = 0; i < 3; i++) pthread_create(&t[i], 0, worker, 0);' >> threads.c
echo '  for (int i = 0; i < 3; i++) pthread_join(t[i], 0); return 0; }' >> threads.c
cc threads.c -o threads
./threads &
sleep 1
ps -fL
kill %1
wait
