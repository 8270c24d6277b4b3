#ifndef PODIUM_CCMARKGFM_SHIM_H
#define PODIUM_CCMARKGFM_SHIM_H

// Debian's libcmark-gfm-dev puts these headers straight under /usr/include (its pkg-config file adds no -I).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

/// Options as plain ints: Swift does not import the header's shifted `#define`s.
/// Keep raw HTML blocks and inline HTML (the archives hold tables and spans as HTML).
static const int CCMARKGFM_OPT_UNSAFE = CMARK_OPT_UNSAFE;
/// Reject invalid UTF-8 in the input by replacing it, so the HTML handed on is always UTF-8.
static const int CCMARKGFM_OPT_VALIDATE_UTF8 = CMARK_OPT_VALIDATE_UTF8;

#endif
