/* dirent.h: reading directories, as POSIX and glibc define it, over getdents64(2). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>

/* d_type values: the file type from the directory entry (Linux's DT_*). */
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12

/* One directory entry, laid out as Linux's struct linux_dirent64 (glibc's struct dirent). */
struct dirent {
    ino_t d_ino;
    off_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[256];
};

/* An open directory stream; the fields are private to dirent.c. */
typedef struct __dirstream DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
void rewinddir(DIR *dir);
int dirfd(DIR *dir);

#endif
