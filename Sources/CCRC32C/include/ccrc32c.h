#ifndef PODIUM_CCRC32C_H
#define PODIUM_CCRC32C_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the SSE 4.2 `crc32` instruction (x86-64 only; 0 elsewhere).
int podium_crc32c_hardware_available(void);

/// Continues a CRC-32C over `length` bytes with the `crc32` instruction. `state` is the running value
/// before the final xor (start with 0xFFFFFFFF). Call only when `podium_crc32c_hardware_available()`.
uint32_t podium_crc32c_hardware(uint32_t state, const void *bytes, size_t length);

#endif
