/* sys/poll.h: the same as <poll.h>, under the name some programs use. */
#include <poll.h>
