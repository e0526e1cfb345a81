/*
 * gmtime.c: seconds since the epoch as a calendar date (gmtime, localtime), proleptic
 * Gregorian, as glibc computes it. Clonix has no time zones, so local time is UTC and
 * localtime is gmtime. The day-to-date conversion is Howard Hinnant's civil_from_days.
 */
#include <time.h>

/* Fills *out with the UTC date and time of *t and returns out. */
struct tm *gmtime_r(const time_t *t, struct tm *out) {
    long secs = *t;
    long days = secs / 86400, rem = secs % 86400;
    if (rem < 0) {
        rem += 86400;
        days--;
    }
    out->tm_hour = (int) (rem / 3600);
    out->tm_min = (int) (rem % 3600 / 60);
    out->tm_sec = (int) (rem % 60);
    out->tm_wday = (int) ((days % 7 + 11) % 7); /* 1970-01-01 was a Thursday (4) */
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2);
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static const int before_month[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    out->tm_mday = (int) day;
    out->tm_mon = (int) month - 1;
    out->tm_year = (int) (year - 1900);
    out->tm_yday = before_month[month - 1] + (int) day - 1 + (leap && month > 2);
    out->tm_isdst = 0;
    out->tm_gmtoff = 0;
    out->tm_zone = "UTC";
    return out;
}

/* gmtime_r into a static buffer, overwritten by the next call. */
struct tm *gmtime(const time_t *t) {
    static struct tm result;
    return gmtime_r(t, &result);
}

/* Local time, which on Clonix is UTC. */
struct tm *localtime_r(const time_t *t, struct tm *out) {
    return gmtime_r(t, out);
}

/* localtime_r into a static buffer, overwritten by the next call. */
struct tm *localtime(const time_t *t) {
    static struct tm result;
    return gmtime_r(t, &result);
}
