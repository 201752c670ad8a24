/// A table of a FlatBuffers buffer, read by hand with every offset checked, so damaged bytes throw instead of
/// trapping.
///
/// Layout (FlatBuffers' "internals" document): a table starts with a signed 32-bit distance back to its
/// vtable; the vtable holds its own size, the table's size, then one 16-bit offset per field (0 = absent, so
/// the field has its default). Offsets to tables, strings and vectors are unsigned 32-bit distances forward
/// from where they are stored. Everything is little-endian.
struct FlatBufferTable {
    let bytes: [UInt8]
    let position: Int
    private let vtable: Int
    private let vtableSize: Int

    /// The root table of a buffer (its first four bytes point at it).
    static func root(of bytes: [UInt8]) throws -> FlatBufferTable {
        let offset = try FlatBufferTable.load(UInt32.self, in: bytes, at: 0)
        return try FlatBufferTable(bytes: bytes, position: Int(offset))
    }

    init(bytes: [UInt8], position: Int) throws {
        self.bytes = bytes
        self.position = position
        let distance = try FlatBufferTable.load(Int32.self, in: bytes, at: position)
        vtable = position - Int(distance)
        vtableSize = Int(try FlatBufferTable.load(UInt16.self, in: bytes, at: vtable))
        guard vtableSize >= 4, vtable + vtableSize <= bytes.count else {
            throw ArrowFormatError("a FlatBuffers vtable at byte \(vtable) runs past the message")
        }
    }

    /// Where field `index` is stored, or nil when it is absent.
    func fieldPosition(_ index: Int) throws -> Int? {
        let entry = 4 + 2 * index
        guard entry + 2 <= vtableSize else { return nil }
        let offset = try FlatBufferTable.load(UInt16.self, in: bytes, at: vtable + entry)
        return offset == 0 ? nil : position + Int(offset)
    }

    func scalar<T: FixedWidthInteger>(_ index: Int, default value: T) throws -> T {
        guard let at = try fieldPosition(index) else { return value }
        return try FlatBufferTable.load(T.self, in: bytes, at: at)
    }

    func bool(_ index: Int, default value: Bool) throws -> Bool {
        try scalar(index, default: UInt8(value ? 1 : 0)) != 0
    }

    /// The table field `index` points at, or nil when absent.
    func table(_ index: Int) throws -> FlatBufferTable? {
        guard let at = try fieldPosition(index) else { return nil }
        return try FlatBufferTable(bytes: bytes, position: try followOffset(at: at))
    }

    func string(_ index: Int) throws -> String? {
        guard let at = try fieldPosition(index) else { return nil }
        let (start, count) = try vector(at: try followOffset(at: at), elementSize: 1)
        guard let text = String(validating: bytes[start..<start + count], as: UTF8.self) else {
            throw ArrowFormatError("a name in the Arrow schema is not valid UTF-8")
        }
        return text
    }

    /// The tables of a vector-of-tables field (empty when absent).
    func tables(_ index: Int) throws -> [FlatBufferTable] {
        guard let at = try fieldPosition(index) else { return [] }
        let (start, count) = try vector(at: try followOffset(at: at), elementSize: 4)
        return try (0..<count).map { element in
            let slot = start + 4 * element
            return try FlatBufferTable(bytes: bytes, position: try followOffset(at: slot))
        }
    }

    /// The first byte and element count of a vector-of-structs field, each struct `elementSize` bytes.
    func structs(_ index: Int, elementSize: Int) throws -> (start: Int, count: Int) {
        guard let at = try fieldPosition(index) else { return (0, 0) }
        return try vector(at: try followOffset(at: at), elementSize: elementSize)
    }

    private func followOffset(at slot: Int) throws -> Int {
        slot + Int(try FlatBufferTable.load(UInt32.self, in: bytes, at: slot))
    }

    private func vector(at position: Int, elementSize: Int) throws -> (start: Int, count: Int) {
        let count = Int(try FlatBufferTable.load(UInt32.self, in: bytes, at: position))
        let start = position + 4
        let (size, overflow) = count.multipliedReportingOverflow(by: elementSize)
        guard !overflow, start + size <= bytes.count else {
            throw ArrowFormatError("a FlatBuffers vector at byte \(position) runs past the message")
        }
        return (start, count)
    }

    /// A little-endian value at `offset`, after checking it lies inside `bytes`.
    static func load<T: FixedWidthInteger>(_: T.Type, in bytes: [UInt8], at offset: Int) throws -> T {
        guard offset >= 0, offset + MemoryLayout<T>.size <= bytes.count else {
            throw ArrowFormatError("an offset (\(offset)) points outside the \(bytes.count)-byte message")
        }
        return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }
}

/// Arrow bytes that do not follow the format; turned into a `RemoteError` by `ArrowStreamDecoder`.
struct ArrowFormatError: Error {
    let detail: String
    init(_ detail: String) { self.detail = detail }
}
