import Engine
import Remote

/// Decodes Arrow IPC streams (the bytes Spark Connect sends in each `ArrowBatch`) into one engine table.
///
/// A stream is a sequence of encapsulated messages (Arrow's columnar format, "IPC Streaming Format"): a
/// 0xFFFFFFFF continuation marker, a 32-bit metadata length, a FlatBuffers `Message` (Message.fbs) padded to
/// 8 bytes, then the message body. The first message is the `Schema`; `RecordBatch` messages follow; a zero
/// length ends the stream. Feed every stream of a result to `append(stream:)` (each repeats the schema),
/// then take `table(named:)`.
public struct ArrowStreamDecoder {
    private var fields: [ArrowField]?
    private var builders: [ArrowColumnBuilder] = []

    public init() {}

    /// Decodes one IPC stream and appends its rows.
    /// - Throws: `RemoteError(.unsupported)` naming the column and its type when a column has a type solieu
    ///   cannot hold, or saying what is wrong when the bytes are not a well-formed Arrow stream.
    public mutating func append(stream bytes: [UInt8]) throws {
        do {
            try decode(bytes)
        } catch let unsupported as ArrowUnsupportedType {
            throw RemoteError(.unsupported,
                english: "column '\(unsupported.column)' has the Arrow type \(unsupported.typeName), which solieu cannot hold; cast it in the query (to STRING, BIGINT, DOUBLE or BOOLEAN)",
                vietnamese: "cột '\(unsupported.column)' có kiểu Arrow \(unsupported.typeName) mà solieu không chứa được; hãy đổi kiểu trong câu truy vấn (sang STRING, BIGINT, DOUBLE hoặc BOOLEAN)")
        } catch let format as ArrowFormatError {
            throw RemoteError(.unsupported,
                english: "the server sent Arrow data solieu cannot read: \(format.detail); check that it is a Spark Connect server of version 3.4 or later",
                vietnamese: "máy chủ gửi dữ liệu Arrow mà solieu không đọc được: \(format.detail); hãy kiểm tra đó là máy chủ Spark Connect phiên bản 3.4 trở lên")
        }
    }

    /// The rows gathered so far as a table; a result that never sent a schema has no columns.
    /// - Throws: `RemoteError(.query)` when two columns share a name, which the engine cannot hold.
    public func table(named name: String) throws -> Table {
        do {
            return try Table(name: name, columns: builders.map { $0.column() })
        } catch EngineError.duplicateColumn(let column) {
            throw RemoteError(.query,
                english: "the result has two columns named '\(column)'; give one of them another name with AS",
                vietnamese: "kết quả có hai cột cùng tên '\(column)'; hãy đặt tên khác cho một cột bằng AS")
        }
    }

    private mutating func decode(_ bytes: [UInt8]) throws {
        var position = 0
        while position < bytes.count {
            var length = Int(try FlatBufferTable.load(UInt32.self, in: bytes, at: position))
            position += 4
            if length == 0xFFFF_FFFF {
                length = Int(try FlatBufferTable.load(Int32.self, in: bytes, at: position))
                position += 4
            }
            if length == 0 { return }
            guard length > 0, position + length <= bytes.count else {
                throw ArrowFormatError("a message of \(length) bytes at byte \(position) runs past the \(bytes.count)-byte stream")
            }
            let metadata = Array(bytes[position..<position + length])
            position += length
            let message = try FlatBufferTable.root(of: metadata)
            let bodyLength = Int(try message.scalar(3, default: Int64(0)))
            guard bodyLength >= 0, position + bodyLength <= bytes.count else {
                throw ArrowFormatError("a message body of \(bodyLength) bytes runs past the stream")
            }
            let body = position..<position + bodyLength
            position += bodyLength
            // MessageHeader union: Schema = 1, DictionaryBatch = 2, RecordBatch = 3.
            switch try message.scalar(1, default: UInt8(0)) {
            case 1:
                guard let header = try message.table(2) else { throw ArrowFormatError("a schema message has no schema") }
                try readSchema(header)
            case 2:
                throw ArrowFormatError("a dictionary batch arrived, but no column is dictionary-encoded")
            case 3:
                guard let header = try message.table(2) else { throw ArrowFormatError("a record batch message has no header") }
                try readRecordBatch(header, bytes: bytes, body: body)
            case let other:
                throw ArrowFormatError("a message of kind \(other) (neither schema nor record batch)")
            }
        }
    }

    private mutating func readSchema(_ schema: FlatBufferTable) throws {
        // Endianness: Little = 0, Big = 1.
        guard try schema.scalar(0, default: Int16(0)) == 0 else {
            throw ArrowFormatError("the stream is big-endian")
        }
        // Nested types (the only ones with children) are refused by their tags, so children are never read.
        let incoming = try schema.tables(1).map { try ArrowField(table: $0) }
        if let fields {
            guard fields == incoming else {
                throw ArrowFormatError("a later batch has columns \(incoming.map(\.name)) where the first had \(fields.map(\.name))")
            }
        } else {
            fields = incoming
            builders = incoming.map { ArrowColumnBuilder(field: $0) }
        }
    }

    private mutating func readRecordBatch(_ batch: FlatBufferTable, bytes: [UInt8], body: Range<Int>) throws {
        guard fields != nil else { throw ArrowFormatError("a record batch came before the schema") }
        if try batch.table(3) != nil {
            throw ArrowFormatError("the batch is compressed (LZ4 or ZSTD); turn off Arrow compression on the server")
        }
        let rows = Int(try batch.scalar(0, default: Int64(0)))
        // A bound that keeps every size computed from the row count far from overflowing.
        guard rows >= 0, rows <= Int(UInt32.max) else {
            throw ArrowFormatError("a record batch claims \(rows) rows")
        }
        // FieldNode { length: long; null_count: long } and Buffer { offset: long; length: long }: 16 bytes each.
        let nodes = try batch.structs(1, elementSize: 16)
        let buffers = try batch.structs(2, elementSize: 16)
        guard nodes.count == builders.count else {
            throw ArrowFormatError("a record batch has \(nodes.count) columns where the schema has \(builders.count)")
        }
        var nextBuffer = 0
        for index in builders.indices {
            let node = nodes.start + 16 * index
            let length = Int(try FlatBufferTable.load(Int64.self, in: batch.bytes, at: node))
            let nullCount = Int(try FlatBufferTable.load(Int64.self, in: batch.bytes, at: node + 8))
            guard length == rows, nullCount >= 0, nullCount <= rows else {
                throw ArrowFormatError("column '\(builders[index].field.name)' has \(length) rows (\(nullCount) missing) in a batch of \(rows)")
            }
            let needed = builders[index].field.type.bufferCount
            guard nextBuffer + needed <= buffers.count else {
                throw ArrowFormatError("a record batch lists too few buffers for column '\(builders[index].field.name)'")
            }
            let columnBuffers = try (nextBuffer..<nextBuffer + needed).map { buffer -> ArrowBuffer in
                let entry = buffers.start + 16 * buffer
                let offset = Int(try FlatBufferTable.load(Int64.self, in: batch.bytes, at: entry))
                let length = Int(try FlatBufferTable.load(Int64.self, in: batch.bytes, at: entry + 8))
                guard offset >= 0, length >= 0, offset <= body.count - length else {
                    throw ArrowFormatError("a buffer (\(length) bytes at \(offset)) lies outside the \(body.count)-byte body")
                }
                return ArrowBuffer(bytes: bytes, start: body.lowerBound + offset, count: length)
            }
            nextBuffer += needed
            try builders[index].append(rows: rows, nullCount: nullCount, buffers: columnBuffers)
        }
    }
}
