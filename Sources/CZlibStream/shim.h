// zlib (Debian's zlib1g-dev): deflate with gzip framing for `--keep-draws NAME.gz`.
#include <zlib.h>
