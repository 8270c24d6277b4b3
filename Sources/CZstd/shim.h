#ifndef PODIUM_CZSTD_SHIM_H
#define PODIUM_CZSTD_SHIM_H

// The "static linking only" parts used here (fastCover training with fixed parameters, attaching a digested
// dictionary) are exported by the shared library and unchanged since zstd 1.4; callers fall back when a
// parameter is refused.
#define ZSTD_STATIC_LINKING_ONLY
#define ZDICT_STATIC_LINKING_ONLY
#include <zstd.h>
#include <zdict.h>

/// `ZSTD_CONTENTSIZE_UNKNOWN` and `ZSTD_CONTENTSIZE_ERROR` are macros of expressions Swift does not import.
static inline int czstd_content_size_known(unsigned long long size) {
    return size != ZSTD_CONTENTSIZE_UNKNOWN && size != ZSTD_CONTENTSIZE_ERROR;
}

/// Trains a dictionary with fastCover at fixed parameters (k 1024, d 8, f 20: about 6 MB of memory), which
/// costs a third of `ZDICT_trainFromBuffer`'s parameter search for the same ratio on press statements.
static inline size_t czstd_train_fastcover(void *dict, size_t capacity, const void *samples,
                                           const size_t *sizes, unsigned count, int level) {
    ZDICT_fastCover_params_t p = {0};
    p.k = 1024;
    p.d = 8;
    p.f = 20;
    p.accel = 1;
    p.zParams.compressionLevel = level;
    return ZDICT_trainFromBuffer_fastCover(dict, capacity, samples, sizes, count, p);
}

/// Makes `ctx` use `cdict` by reference for every later frame, at its level, without copying its tables
/// into the context for each block (`ZSTD_dictForceAttach`): a third faster on 16–64 KiB blocks, same output.
static inline size_t czstd_attach_dictionary(ZSTD_CCtx *ctx, const ZSTD_CDict *cdict) {
    size_t r = ZSTD_CCtx_refCDict(ctx, cdict);
    if (ZSTD_isError(r)) return r;
    r = ZSTD_CCtx_setParameter(ctx, ZSTD_c_forceAttachDict, ZSTD_dictForceAttach);
    return ZSTD_isError(r) ? 0 : r;  // an older library without the parameter copies instead
}

#endif
