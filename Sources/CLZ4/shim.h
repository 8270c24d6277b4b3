#ifndef PODIUM_CLZ4_SHIM_H
#define PODIUM_CLZ4_SHIM_H

#include <lz4.h>

#endif
