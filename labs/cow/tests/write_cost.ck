# Frame accounting: k written pages cost k frames; the last user takes its pages back.
title: writing k pages costs k frames; the last user copies none
points: 25
