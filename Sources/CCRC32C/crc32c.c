// The hardware path of SearchIndex's CRC-32C: Swift cannot issue the SSE 4.2 `crc32` instruction itself.
// The function is compiled for SSE 4.2 through a target attribute, so no global compiler flag is needed,
// and SearchIndex calls it only after the run-time check.
#include "ccrc32c.h"
#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>

int podium_crc32c_hardware_available(void) { return __builtin_cpu_supports("sse4.2"); }

__attribute__((target("sse4.2")))
uint32_t podium_crc32c_hardware(uint32_t state, const void *bytes, size_t length) {
    const unsigned char *p = bytes;
    uint64_t crc = state;
    // Four words per turn: the loop's own instructions then cost a quarter (page checks run on every query).
    while (length >= 32) {
        uint64_t w0, w1, w2, w3;
        memcpy(&w0, p, 8);
        memcpy(&w1, p + 8, 8);
        memcpy(&w2, p + 16, 8);
        memcpy(&w3, p + 24, 8);
        crc = _mm_crc32_u64(crc, w0);
        crc = _mm_crc32_u64(crc, w1);
        crc = _mm_crc32_u64(crc, w2);
        crc = _mm_crc32_u64(crc, w3);
        p += 32;
        length -= 32;
    }
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        crc = _mm_crc32_u64(crc, word);
        p += 8;
        length -= 8;
    }
    uint32_t c = (uint32_t)crc;
    while (length > 0) {
        c = _mm_crc32_u8(c, *p);
        p += 1;
        length -= 1;
    }
    return c;
}
#else
int podium_crc32c_hardware_available(void) { return 0; }

uint32_t podium_crc32c_hardware(uint32_t state, const void *bytes, size_t length) {
    (void)bytes;
    (void)length;
    return state;
}
#endif
