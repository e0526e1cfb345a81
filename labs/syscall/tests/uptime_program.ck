# /bin/uptime prints what procps-ng's uptime prints, at moments from boot to nine days.
title: /bin/uptime prints as procps-ng's uptime
points: 20
time-limit: 1000000
expect: uptime_program.expected
