#ifndef PODIUM_CCRC32C_H
#define PODIUM_CCRC32C_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the SSE 4.2 `crc32` instruction (x86-64 only; 0 elsewhere).
int podium_crc32c_hardware_available(void);

/// Continues a CRC-32C over `length` bytes with the `crc32` instruction. `state` is the running value
/// before the final xor (start with 0xFFFFFFFF). Call only when `podium_crc32c_hardware_available()`.
uint32_t podium_crc32c_hardware(uint32_t state, const void *bytes, size_t length);

/// Whether bit `bit` of `words` is set, read with a relaxed atomic load: a set bit never changes again, and
/// what it vouches for (an immutable mapped page) needs no ordering.
static inline int podium_bit_test(const uint64_t *words, size_t bit) {
    return (int)((__atomic_load_n(&words[bit >> 6], __ATOMIC_RELAXED) >> (bit & 63)) & 1);
}

/// Sets bit `bit` of `words` with a relaxed atomic or, so threads setting neighbouring bits lose none.
static inline void podium_bit_set(uint64_t *words, size_t bit) {
    __atomic_fetch_or(&words[bit >> 6], (uint64_t)1 << (bit & 63), __ATOMIC_RELAXED);
}

#endif
