#define _GNU_SOURCE
#include <string.h>
#include "structural_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Appends the offsets of the set bits of `bits` (each `base` + its bit index). Eight entries are stored
/// whatever the count, then eight more if needed, then one at a time: the number of marks in 64 bytes of a
/// table varies little, so these branches are predicted where a branch per mark would not be.
static inline size_t append_bits(int32_t *out, size_t n, int32_t base, uint64_t bits) {
    int total = __builtin_popcountll(bits);
    int32_t *p = out + n;
    for (int k = 0; k < 8; k++) {
        p[k] = base + __builtin_ctzll(bits | (1ULL << 63));
        bits &= bits - 1;
    }
    if (total > 8) {
        for (int k = 8; k < 16; k++) {
            p[k] = base + __builtin_ctzll(bits | (1ULL << 63));
            bits &= bits - 1;
        }
        for (int k = 16; bits != 0; k++) {
            p[k] = base + __builtin_ctzll(bits);
            bits &= bits - 1;
        }
    }
    return n + (size_t)total;
}

size_t solieu_csv_marks(const uint8_t *bytes, size_t count, uint8_t delimiter, int32_t *positions,
                        solieu_mark_counts *counts) {
    size_t n = 0, lineFeeds = 0, carriageReturns = 0, i = 0;
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8((char)delimiter), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    for (; i + 64 <= count; i += 64) {
        uint64_t lineFeedBits = 0, returnBits = 0, delimiterBits = 0;
        for (int k = 0; k < 4; k++) {
            __m128i v = _mm_loadu_si128((const __m128i *)(bytes + i + 16 * k));
            delimiterBits |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, d)) << (16 * k);
            lineFeedBits |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)) << (16 * k);
            returnBits |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, cr)) << (16 * k);
        }
        lineFeeds += (size_t)__builtin_popcountll(lineFeedBits);
        carriageReturns += (size_t)__builtin_popcountll(returnBits);
        uint64_t marks = delimiterBits | lineFeedBits | returnBits;
        if (marks != 0) n = append_bits(positions, n, (int32_t)i, marks);
    }
#endif
    for (; i < count; i++) {
        uint8_t b = bytes[i];
        if (b == delimiter || b == '\n' || b == '\r') {
            positions[n++] = (int32_t)i;
            lineFeeds += b == '\n';
            carriageReturns += b == '\r';
        }
    }
    counts->lineFeeds = lineFeeds;
    counts->carriageReturns = carriageReturns;
    return n;
}

ptrdiff_t solieu_last_line_feed(const uint8_t *bytes, size_t count) {
#if defined(__GLIBC__)
    const uint8_t *found = count > 0 ? memrchr(bytes, '\n', count) : NULL;
    return found ? found - bytes : -1;
#else
    for (size_t i = count; i > 0; i--) {
        if (bytes[i - 1] == '\n') return (ptrdiff_t)(i - 1);
    }
    return -1;
#endif
}
