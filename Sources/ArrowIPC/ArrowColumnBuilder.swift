import Engine
import Foundation

/// Gathers one Arrow field's values over every record batch, then hands them over as an engine `Column`.
///
/// Values go straight into the engine's final layout (an Int64 array narrowed once at the end, a Double array,
/// a Bool array, dictionary codes), so no cell is ever boxed.
struct ArrowColumnBuilder {
    let field: ArrowField
    private var integers = ContiguousArray<Int64>()
    private var decimals = ContiguousArray<Double>()
    private var booleans = ContiguousArray<Bool>()
    private var codes = ContiguousArray<Int32>()
    private var dictionary: [String] = []
    private var codeOfText: [String: Int32] = [:]
    private var validity = ValidityBitmap(count: 0, allPresent: true)
    private(set) var count = 0

    init(field: ArrowField) {
        self.field = field
    }

    /// Appends one batch's values of this field.
    /// - Throws: `ArrowFormatError` when the buffers are shorter than the row count says, or hold bad offsets
    ///   or text that is not UTF-8; `ArrowUnsupportedType` for an unsigned 64-bit value past Int64.
    mutating func append(rows: Int, nullCount: Int, buffers: [ArrowBuffer]) throws {
        precondition(buffers.count == field.type.bufferCount)
        let present: ArrowBuffer?
        if field.type == .null {
            present = nil
        } else {
            // A batch without nulls may send an empty validity buffer.
            present = nullCount > 0 ? buffers[0] : nil
            if let present { try present.require(bytes: (rows + 7) / 8, for: field.name) }
        }
        for row in 0..<rows {
            validity.append(field.type == .null ? false : present.map { $0.bit(row) } ?? true)
        }
        switch field.type {
        case .null:
            codes.append(contentsOf: repeatElement(0, count: rows))
        case let .integer(bitWidth, signed):
            try appendIntegers(rows: rows, bitWidth: bitWidth, signed: signed, values: buffers[1])
        case .floatingPoint(let bitWidth):
            try buffers[1].require(bytes: rows * bitWidth / 8, for: field.name)
            for row in 0..<rows {
                decimals.append(bitWidth == 32 ? Double(buffers[1].float(row)) : buffers[1].double(row))
            }
        case .decimal128(let scale):
            try buffers[1].require(bytes: rows * 16, for: field.name)
            for row in 0..<rows { decimals.append(buffers[1].decimal128(row, scale: scale)) }
        case .boolean:
            try buffers[1].require(bytes: (rows + 7) / 8, for: field.name)
            for row in 0..<rows { booleans.append(buffers[1].bit(row)) }
        case .utf8, .largeUTF8:
            try appendText(rows: rows, offsets: buffers[1], data: buffers[2], wide: field.type == .largeUTF8)
        case .date(let milliseconds):
            try buffers[1].require(bytes: rows * (milliseconds ? 8 : 4), for: field.name)
            for row in 0..<rows {
                guard validity.isPresent(count + row) else {
                    codes.append(0)
                    continue
                }
                let days = milliseconds
                    ? Int64((Double(buffers[1].int64(row)) / 86_400_000).rounded(.down))
                    : Int64(buffers[1].int32(row))
                appendText(CivilDate(daysSinceEpoch: days).description)
            }
        }
        if nullCount > 0 { clearMissingSlots(rows: rows) }
        count += rows
    }

    /// Arrow leaves the value under a missing cell undefined; the engine's columns hold zero (or false) there.
    private mutating func clearMissingSlots(rows: Int) {
        for row in count..<count + rows where !validity.isPresent(row) {
            switch field.type {
            case .integer: integers[row] = 0
            case .floatingPoint, .decimal128: decimals[row] = 0
            case .boolean: booleans[row] = false
            case .null, .utf8, .largeUTF8, .date: break
            }
        }
    }

    private mutating func appendIntegers(rows: Int, bitWidth: Int, signed: Bool, values: ArrowBuffer) throws {
        try values.require(bytes: rows * bitWidth / 8, for: field.name)
        integers.reserveCapacity(integers.count + rows)
        for row in 0..<rows {
            switch (bitWidth, signed) {
            case (8, true): integers.append(Int64(values.load(Int8.self, row)))
            case (8, false): integers.append(Int64(values.load(UInt8.self, row)))
            case (16, true): integers.append(Int64(values.load(Int16.self, row)))
            case (16, false): integers.append(Int64(values.load(UInt16.self, row)))
            case (32, true): integers.append(Int64(values.load(Int32.self, row)))
            case (32, false): integers.append(Int64(values.load(UInt32.self, row)))
            case (64, true): integers.append(values.load(Int64.self, row))
            default:
                let value = values.load(UInt64.self, row)
                guard let exact = Int64(exactly: value) else {
                    throw ArrowUnsupportedType(column: field.name, typeName: "uint64 value \(value), past the largest 64-bit signed integer")
                }
                integers.append(exact)
            }
        }
    }

    private mutating func appendText(rows: Int, offsets: ArrowBuffer, data: ArrowBuffer, wide: Bool) throws {
        guard rows > 0 else { return }
        try offsets.require(bytes: (rows + 1) * (wide ? 8 : 4), for: field.name)
        func offset(_ index: Int) -> Int { wide ? Int(offsets.int64(index)) : Int(offsets.int32(index)) }
        for row in 0..<rows {
            let start = offset(row), end = offset(row + 1)
            guard start >= 0, start <= end, end <= data.count else {
                throw ArrowFormatError("column '\(field.name)': text offsets \(start)..<\(end) fall outside its \(data.count)-byte data")
            }
            guard validity.isPresent(count + row) else {
                codes.append(0)
                continue
            }
            guard let text = data.text(start..<end) else {
                throw ArrowFormatError("column '\(field.name)', row \(count + row + 1): the text is not valid UTF-8")
            }
            appendText(text)
        }
    }

    private mutating func appendText(_ text: String) {
        if let code = codeOfText[text] {
            codes.append(code)
            return
        }
        let code = Int32(dictionary.count)
        codeOfText[text] = code
        // The engine keeps its dictionaries in NFC, as every loader does, so a filter matches either spelling.
        dictionary.append(text.precomposedStringWithCanonicalMapping)
        codes.append(code)
    }

    /// The column built so far.
    func column() -> Column {
        let storage: ColumnStorage
        switch field.type {
        case .integer:
            storage = .integer(IntegerBuffer(narrowing: integers))
        case .floatingPoint, .decimal128:
            storage = .decimal(decimals)
        case .boolean:
            storage = .boolean(booleans)
        case .null, .utf8, .largeUTF8, .date:
            storage = .text(DictionaryText(codes: IntegerBuffer(codes: codes, distinctCount: dictionary.count), dictionary: dictionary))
        }
        return Column(name: field.name, storage: storage, validity: validity)
    }
}
