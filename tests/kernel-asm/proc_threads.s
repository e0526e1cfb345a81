# proc_threads.s: /proc of a process with three threads. The main thread makes two threads
# with clone(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD), which wait
# on a futex. It prints "tids A B", the entries of /proc/self/task (one name a line, after
# "== task"), then /proc/self/status, /proc/self/task/B/status, /proc/thread-self/status,
# /proc/self/task/B/stat, and exits with exit_group, which ends the threads too.
        .text
        .globl  _start
_start: la      a1, stack1_top
        call    spawn
        mv      s1, a0
        la      a1, stack2_top
        call    spawn
        mv      s2, a0
        la      a0, tids
        call    puts
        mv      a0, s1
        call    putnum
        li      a0, 32
        call    putc
        mv      a0, s2
        call    putnum
        li      a0, 10
        call    putc
        call    list_tasks
        la      a0, self_status
        call    cat_path
        la      a0, task
        mv      a1, s2
        la      a2, status
        call    path_of
        call    cat_path
        la      a0, thread_self
        call    cat_path
        la      a0, task
        mv      a1, s2
        la      a2, stat
        call    path_of
        call    cat_path
        li      a0, 0
        call    sys_exit

# spawn(a1 = stack top) -> a0 = the new thread's tid. The thread runs `waiter`.
spawn:  li      a7, 56
        li      a0, 0x10f00
        li      a2, 0
        li      a3, 0
        li      a4, 0
        syscall
        beq     a0, zero, waiter
        ret

# A thread: sleeps on the futex word `go` (0) until the process ends.
waiter: li      a7, 202                 # futex(&go, FUTEX_WAIT, 0, NULL)
        la      a0, go
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        j       waiter

# list_tasks: prints "== task" and each entry of /proc/self/task, one a line.
list_tasks:
        addi    sp, sp, -16
        sd      ra, 0(sp)
        la      a0, task_header
        call    puts
        li      a7, 2                   # open("/proc/self/task", O_RDONLY | O_DIRECTORY)
        la      a0, self_task
        li      a1, 0x10000
        li      a2, 0
        syscall
        mv      s3, a0
        li      a7, 217                 # getdents64(fd, dents, 1024)
        mv      a0, s3
        la      a1, dents
        li      a2, 1024
        syscall
        la      s4, dents
        add     s5, s4, a0              # end of the records
.Lent:  bge     s4, s5, .Lclosed
        addi    a0, s4, 19              # d_name
        call    puts
        li      a0, 10
        call    putc
        lhu     t0, 16(s4)              # d_reclen
        add     s4, s4, t0
        j       .Lent
.Lclosed:
        li      a7, 3
        mv      a0, s3
        syscall
        ld      ra, 0(sp)
        addi    sp, sp, 16
        ret

        .rodata
tids:   .asciz  "tids "
task_header: .asciz "== task\n"
self_task: .asciz "/proc/self/task"
self_status: .asciz "/proc/self/status"
thread_self: .asciz "/proc/thread-self/status"
task:   .asciz  "/proc/self/task/"
status: .asciz  "/status"
stat:   .asciz  "/stat"
        .data
        .align  8
go:     .quad   0
        .bss
        .align  16
stack1: .zero   4096
stack1_top:
stack2: .zero   4096
stack2_top:
dents:  .zero   1024
