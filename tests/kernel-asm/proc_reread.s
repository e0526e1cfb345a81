# proc_reread.s: keeps /proc/uptime open, as top keeps its /proc files: reads it, sleeps
# 20 ms of virtual time, and reads it again from offset 0 with pread64. Prints both texts;
# the second shows the later time, because a read at offset 0 makes a fresh snapshot.
        .text
        .globl  _start
_start: li      a7, 2                   # open("/proc/uptime", O_RDONLY)
        la      a0, uptime
        li      a1, 0
        li      a2, 0
        syscall
        mv      s1, a0
        li      a7, 0                   # read(fd, buf, 63)
        mv      a0, s1
        la      a1, buf
        li      a2, 63
        syscall
        la      a0, buf
        call    puts
        li      a7, 35                  # nanosleep(&twenty_ms, NULL)
        la      a0, twenty_ms
        li      a1, 0
        syscall
        li      a7, 17                  # pread64(fd, buf2, 63, 0)
        mv      a0, s1
        la      a1, buf2
        li      a2, 63
        li      a3, 0
        syscall
        la      a0, buf2
        call    puts
        li      a0, 0
        call    sys_exit

        .rodata
uptime: .asciz  "/proc/uptime"
        .data
        .align  8
twenty_ms: .quad 0, 20000000
        .bss
buf:    .zero   64
buf2:   .zero   64
