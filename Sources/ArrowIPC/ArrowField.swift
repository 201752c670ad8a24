/// One field of an Arrow schema, with its type reduced to what solieu can read.
struct ArrowField: Equatable {
    var name: String
    var type: ArrowFieldType
}

/// The Arrow types solieu decodes, and what each becomes in the engine.
enum ArrowFieldType: Equatable {
    case null
    case integer(bitWidth: Int, signed: Bool)
    /// `single` (float32) or double; half precision is refused.
    case floatingPoint(bitWidth: Int)
    case decimal128(scale: Int)
    case utf8
    case largeUTF8
    case boolean
    /// Days since 1970-01-01 (date32) or milliseconds since then (date64).
    case date(milliseconds: Bool)

    /// How many buffers the type has in a record batch message (Arrow's columnar format, "Buffer Listing for
    /// Each Layout"): the null type has none, fixed-width types a validity bitmap and values, text adds offsets.
    var bufferCount: Int {
        switch self {
        case .null: 0
        case .utf8, .largeUTF8: 3
        default: 2
        }
    }
}

extension ArrowField {
    /// Reads a `Field` table of Schema.fbs, refusing types, dictionaries and nesting solieu does not decode.
    ///
    /// Type union tags and field indices are those of Apache Arrow's format/Schema.fbs.
    init(table: FlatBufferTable) throws {
        let name = try table.string(0) ?? ""
        self.name = name
        let tag = try table.scalar(2, default: UInt8(0))
        func refuse(_ typeName: String) -> ArrowUnsupportedType {
            ArrowUnsupportedType(column: name, typeName: typeName)
        }
        if try table.table(4) != nil { throw refuse("dictionary-encoded \(ArrowField.typeName(ofTag: tag))") }
        let details = try table.table(3)
        switch tag {
        case 1:
            type = .null
        case 2:
            let bitWidth = Int(try details?.scalar(0, default: Int32(0)) ?? 0)
            let signed = try details?.bool(1, default: false) ?? false
            guard [8, 16, 32, 64].contains(bitWidth) else { throw refuse("int\(bitWidth)") }
            type = .integer(bitWidth: bitWidth, signed: signed)
        case 3:
            // Precision enum: HALF = 0, SINGLE = 1, DOUBLE = 2.
            switch try details?.scalar(0, default: Int16(0)) ?? 0 {
            case 1: type = .floatingPoint(bitWidth: 32)
            case 2: type = .floatingPoint(bitWidth: 64)
            default: throw refuse("float16")
            }
        case 5:
            type = .utf8
        case 6:
            type = .boolean
        case 7:
            let scale = Int(try details?.scalar(1, default: Int32(0)) ?? 0)
            let bitWidth = Int(try details?.scalar(2, default: Int32(128)) ?? 128)
            guard bitWidth == 128 else { throw refuse("decimal\(bitWidth)") }
            type = .decimal128(scale: scale)
        case 8:
            // DateUnit enum: DAY = 0, MILLISECOND = 1 (the default when the field is absent).
            type = .date(milliseconds: try details?.scalar(0, default: Int16(1)) ?? 1 == 1)
        case 20:
            type = .largeUTF8
        default:
            throw refuse(ArrowField.typeName(ofTag: tag))
        }
    }

    /// Arrow's name for a type union tag, for messages that refuse it.
    static func typeName(ofTag tag: UInt8) -> String {
        let names = ["none", "null", "int", "floating point", "binary", "utf8", "bool", "decimal", "date", "time",
                     "timestamp", "interval", "list", "struct", "union", "fixed-size binary", "fixed-size list",
                     "map", "duration", "large binary", "large utf8", "large list", "run-end encoded",
                     "binary view", "utf8 view", "list view", "large list view"]
        return Int(tag) < names.count ? names[Int(tag)] : "type \(tag)"
    }
}

/// A column whose Arrow type solieu has no engine type for.
struct ArrowUnsupportedType: Error {
    let column: String
    let typeName: String
}
