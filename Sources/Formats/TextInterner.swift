#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Assigns small integer codes to distinct byte strings, without building a String per field.
///
/// An open-addressing hash table over (offset, length) pairs into an arena holding each distinct value once.
/// Each loader chunk has its own interner; the chunks' dictionaries are merged at the end.
struct TextInterner {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    /// First and last eight bytes of each value (zero-padded when shorter): with the length, they decide
    /// equality outright for values of up to 16 bytes, most province and commune names among them.
    private var heads: [UInt64] = []
    private var tails: [UInt64] = []
    private var mask: Int

    init() {
        slots = Array(repeating: -1, count: 1024)
        mask = 1023
    }

    var count: Int { hashes.count }

    /// The code of `bytes`, adding it if new.
    @inline(__always)
    mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (found, slot, h, head, tail) = find(bytes)
        if let found { return found }
        let code = Int32(hashes.count)
        slots[slot] = code
        hashes.append(h)
        heads.append(head)
        tails.append(tail)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        if hashes.count * 2 > slots.count { grow() }
        return code
    }

    /// The code of `bytes` if it was met before. Not mutating, so a caller holding interners in an array can
    /// look up without the array's uniqueness check (one per text field, 4 % of a load, when every field
    /// went through `code(for:)`), and call `code(for:)` only for a new value.
    @inline(__always)
    func existingCode(for bytes: UnsafeBufferPointer<UInt8>) -> Int32? { find(bytes).code }

    /// Where `bytes` is or would go: its code if present, else the free slot; with its hash and ends.
    @inline(__always)
    private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (code: Int32?, slot: Int, hash: UInt64, head: UInt64, tail: UInt64) {
        let (head, tail) = TextInterner.ends(bytes)
        let h = TextInterner.mix(head, tail, bytes.count)
        var slot = Int(truncatingIfNeeded: h) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { table in
            hashes.withUnsafeBufferPointer { hashes in
                heads.withUnsafeBufferPointer { heads in
                    tails.withUnsafeBufferPointer { tails in
                        while true {
                            let code = table[slot]
                            if code < 0 { return nil }
                            let c = Int(code)
                            if hashes[c] == h && heads[c] == head && tails[c] == tail
                                && (bytes.count <= 16 ? length(c) == bytes.count : equals(c, bytes)) {
                                return code
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        return (found, slot, h, head, tail)
    }

    @inline(__always)
    private func length(_ code: Int) -> Int { starts[code + 1] - starts[code] }

    /// The first and last eight bytes (overlapping for 8 to 16 bytes; zero-padded below 8).
    @inline(__always)
    static func ends(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        guard let base = bytes.baseAddress else { return (0, 0) }
        let n = bytes.count
        if n >= 8 {
            return (UnsafeRawPointer(base).loadUnaligned(as: UInt64.self),
                    UnsafeRawPointer(base + n - 8).loadUnaligned(as: UInt64.self))
        }
        var word: UInt64 = 0
        for k in 0..<n { word |= UInt64(base[k]) << UInt64(k * 8) }
        return (word, word)
    }

    /// MurmurHash3's finaliser over the two ends and the length.
    @inline(__always)
    static func mix(_ head: UInt64, _ tail: UInt64, _ count: Int) -> UInt64 {
        var h = head &* 0x9E37_79B9_7F4A_7C15 ^ (tail << 1 | tail >> 63) ^ UInt64(count) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }

    /// The distinct values as Strings, in code order.
    func strings() -> [String] {
        arena.withUnsafeBufferPointer { a in
            (0..<count).map { String(decoding: UnsafeBufferPointer(rebasing: a[starts[$0]..<starts[$0 + 1]]), as: UTF8.self) }
        }
    }

    private func equals(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[code], end = starts[code + 1]
        guard end - start == bytes.count else { return false }
        guard let b = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { a in memcmp(a.baseAddress! + start, b, bytes.count) == 0 }
    }

    /// Whether every distinct value is well-formed UTF-8 (a loader checks text here, once per distinct value,
    /// instead of every byte of the file).
    func allValidUTF8() -> Bool {
        arena.withUnsafeBufferPointer { a in
            (0..<count).allSatisfy { firstInvalidUTF8(a, in: starts[$0]..<starts[$0 + 1]) == nil }
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (code, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(code)
        }
    }
}
