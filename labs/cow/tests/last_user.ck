# With the machine's memory full, the last user of each copy-on-write page writes it:
# do_wp_page must take the page back, not copy it. Fills a 16 MiB machine.
title: the last user of a page takes it back, with no frame free
points: 15
options: --mem 16
expect: last_user.expected
