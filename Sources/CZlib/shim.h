#ifndef PODIUM_CZLIB_SHIM_H
#define PODIUM_CZLIB_SHIM_H

#include <zlib.h>

/// `inflateInit2` is a macro Swift does not import. Window bits 15 + 32: a zlib or gzip header, detected.
static inline int czlib_inflate_init_auto(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}

#endif
