/* sys/klog.h: klogctl, glibc's name for syslog(2), the kernel log's reader (dmesg uses it). */
#ifndef _SYS_KLOG_H
#define _SYS_KLOG_H

/* type is SYSLOG_ACTION_*: 3 reads the whole log into bufp, 10 returns its size (see syslog(2)). */
int klogctl(int type, char *bufp, int len);

#endif
