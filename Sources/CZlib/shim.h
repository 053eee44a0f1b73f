#ifndef SOLVE_CZLIB_SHIM_H
#define SOLVE_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro (it passes the header's version and the stream's size), which Swift cannot call. */

/* Starts inflating with `window_bits` (15 + 32: zlib or gzip, detected from the header). Returns a zlib status. */
static inline int czlib_inflate_init(z_stream *_Nonnull stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}

#endif
