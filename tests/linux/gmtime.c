/*
 * gmtime_r turns seconds since the epoch into a UTC calendar date: leap years, the
 * century rules, dates before 1970 and the day of the week and of the year.
 */
#include <stdio.h>
#include <time.h>

int main(void) {
    long samples[] = {0, 1, 59, 86399, 86400, 951782400, 951868800, 978307199, 1704067200,
                      1709164800, 4107542400L, -1, -86401, -2208988800L, 253402300799L};
    for (int i = 0; i < (int) (sizeof samples / sizeof samples[0]); i++) {
        time_t t = samples[i];
        struct tm tm;
        gmtime_r(&t, &tm);
        printf("%ld: %04d-%02d-%02d %02d:%02d:%02d wday %d yday %d\n", samples[i], tm.tm_year + 1900,
               tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday);
    }
    return 0;
}
