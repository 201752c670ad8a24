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
        return arena.withUnsafeBufferPointer { a in
            for k in 0..<bytes.count where a[start + k] != bytes[k] { return false }
            return true
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

    /// FNV-1a over the bytes, then a final mix so short keys spread over the table.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }
}
