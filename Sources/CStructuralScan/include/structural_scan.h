#ifndef SOLIEU_STRUCTURAL_SCAN_H
#define SOLIEU_STRUCTURAL_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// How many of the marks written were line feeds and carriage returns.
typedef struct {
    size_t lineFeeds;
    size_t carriageReturns;
} solieu_mark_counts;

/// Writes the offset (from `bytes`) of every `delimiter`, LF and CR byte among the `count` bytes, in order,
/// and returns how many it wrote. `count` must be below 2^31. `positions` must have room for `count + 16`
/// entries: the writer stores a few entries past the last one rather than branch on each.
///
/// This is the structural scan of CSV data known to hold no quote: every mark is a field's end. SSE2 (every
/// x86-64) compares 64 bytes at a time; other machines take a portable loop with the same result.
size_t solieu_csv_marks(const uint8_t *bytes, size_t count, uint8_t delimiter, int32_t *positions,
                        solieu_mark_counts *counts);

/// The offset of the last LF among the `count` bytes, or -1 (glibc's memrchr, which Swift's Glibc module
/// does not declare; a loop elsewhere).
ptrdiff_t solieu_last_line_feed(const uint8_t *bytes, size_t count);

#endif
