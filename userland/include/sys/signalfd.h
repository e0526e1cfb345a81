/*
 * sys/signalfd.h: signals read from a descriptor instead of caught. Block the signals
 * first (sigprocmask), so that they stay pending; read then takes them, one struct
 * signalfd_siginfo each. Values and layout are Linux x86-64's.
 */
#ifndef _SYS_SIGNALFD_H
#define _SYS_SIGNALFD_H

#include <signal.h>
#include <stdint.h>

#define SFD_CLOEXEC 02000000
#define SFD_NONBLOCK 04000

struct signalfd_siginfo {
    uint32_t ssi_signo;
    int32_t ssi_errno;
    int32_t ssi_code;
    uint32_t ssi_pid;     /* the sender (kill, sigqueue, SIGCHLD's child) */
    uint32_t ssi_uid;
    int32_t ssi_fd;
    uint32_t ssi_tid;
    uint32_t ssi_band;
    uint32_t ssi_overrun;
    uint32_t ssi_trapno;
    int32_t ssi_status;   /* SIGCHLD: exit status or signal */
    int32_t ssi_int;      /* sigqueue's value */
    uint64_t ssi_ptr;
    uint64_t ssi_utime;   /* SIGCHLD: clock ticks */
    uint64_t ssi_stime;
    uint64_t ssi_addr;    /* a fault's address */
    uint16_t ssi_addr_lsb;
    uint16_t __pad2;
    int32_t ssi_syscall;
    uint64_t ssi_call_addr;
    uint32_t ssi_arch;
    uint8_t __pad[28];
};

/* A new signalfd for the signals of *mask (fd -1), or a new set for signalfd fd. */
int signalfd(int fd, const sigset_t *mask, int flags);

#endif
