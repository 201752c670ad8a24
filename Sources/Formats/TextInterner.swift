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
    private var mask: Int

    init() {
        slots = Array(repeating: -1, count: 1024)
        mask = 1023
    }

    var count: Int { hashes.count }

    /// The code of `bytes`, adding it if new.
    @inline(__always)
    mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = TextInterner.hash(bytes)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if hashes[Int(code)] == h && equals(Int(code), bytes) { return code }
            slot = (slot + 1) & mask
        }
        let code = Int32(hashes.count)
        slots[slot] = code
        hashes.append(h)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        if hashes.count * 2 > slots.count { grow() }
        return code
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

    /// Eight bytes per step (multiply-xorshift, in the manner of FxHash), the tail zero-padded, the length
    /// mixed in, then MurmurHash3's finaliser so short keys spread over the table.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        var i = 0
        while i + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            h = ((h << 5 | h >> 59) ^ word) &* 0x5175_4F5E_1A3E_4C2B
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            for k in i..<bytes.count { tail |= UInt64(base[k]) << UInt64((k - i) * 8) }
            h = ((h << 5 | h >> 59) ^ tail) &* 0x5175_4F5E_1A3E_4C2B
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }
}
