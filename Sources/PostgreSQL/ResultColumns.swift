import CLibPQ
import Engine
import Foundation
import Remote

/// The columns of one query result, filled from libpq's results a piece (one row, or one chunk) at a time
/// and column by column, so the rows are never held twice: each piece is freed once its cells are copied.
///
/// Cells arrive as PostgreSQL's text output; each column's type comes from the result's type OIDs
/// (`PostgresType.columnType(oid:)`), and NULL is a missing cell.
struct ResultColumns {
    private let names: [String]
    private let builders: [ResultColumnBuilder]
    private(set) var rowCount = 0

    /// Columns named and typed as in `result` (the first piece of a result, or the whole of it), still empty.
    /// - Throws: `RemoteError` (`.query`) when two result columns have the same name.
    init(describing result: OpaquePointer) throws {
        let count = Int(PQnfields(result))
        var names: [String] = []
        var builders: [ResultColumnBuilder] = []
        var seen = Set<String>()
        for index in 0..<count {
            let name = String(cString: PQfname(result, Int32(index)))
            guard seen.insert(name).inserted else {
                throw RemoteError(.query,
                    english: "The query's result has two columns named '\(name)'; give each column its own name (AS …).",
                    vietnamese: "Kết quả truy vấn có hai cột cùng tên '\(name)'; hãy đặt tên riêng cho từng cột (AS …).")
            }
            names.append(name)
            switch PostgresType.columnType(oid: PQftype(result, Int32(index))) {
            case .integer: builders.append(IntegerColumnBuilder())
            case .decimal: builders.append(DecimalColumnBuilder())
            case .boolean: builders.append(BooleanColumnBuilder())
            case .text: builders.append(TextColumnBuilder())
            }
        }
        self.names = names
        self.builders = builders
    }

    /// Copies every row of `result` (one piece of the same result) into the columns.
    /// - Throws: `RemoteError` (`.query`) when a cell is not what its type promises.
    mutating func append(_ result: OpaquePointer) throws {
        let rows = Int(PQntuples(result))
        guard rows > 0 else { return }
        for (index, builder) in builders.enumerated() {
            let column = Int32(index)
            for row in 0..<rows {
                let r = Int32(row)
                if PQgetisnull(result, r, column) != 0 {
                    builder.appendMissing()
                } else if !builder.append(PQgetvalue(result, r, column), length: Int(PQgetlength(result, r, column))) {
                    let text = String(cString: PQgetvalue(result, r, column))
                    throw RemoteError(.query,
                        english: "Row \(rowCount + row + 1) of column '\(names[index])' holds '\(text)', which solieu cannot read as its type.",
                        vietnamese: "Dòng \(rowCount + row + 1) của cột '\(names[index])' chứa '\(text)', solieu không đọc được theo kiểu của cột.")
                }
            }
        }
        rowCount += rows
    }

    /// The finished table.
    func table(named name: String) throws -> Table {
        try Table(name: name, columns: zip(names, builders).map { $1.column(named: $0) })
    }
}

/// One result column being filled, in its final engine type.
protocol ResultColumnBuilder: AnyObject {
    /// Adds one cell from PostgreSQL's text form; false when the text is not of the column's type.
    func append(_ text: UnsafePointer<CChar>, length: Int) -> Bool
    func appendMissing()
    func column(named name: String) -> Column
}

final class IntegerColumnBuilder: ResultColumnBuilder {
    private var values = ContiguousArray<Int64>()
    private var present = ValidityBitmap(count: 0, allPresent: true)
    private var low = Int64.max
    private var high = Int64.min

    func append(_ text: UnsafePointer<CChar>, length: Int) -> Bool {
        guard let value = Self.parse(text, length: length) else { return false }
        values.append(value)
        present.append(true)
        low = min(low, value)
        high = max(high, value)
        return true
    }

    func appendMissing() {
        values.append(0)
        present.append(false)
    }

    func column(named name: String) -> Column {
        // Missing cells hold 0, which every width holds; a column with no value at all is 8 bits wide.
        let buffer = low > high ? IntegerBuffer(narrowing: values, low: 0, high: 0) : IntegerBuffer(narrowing: values, low: low, high: high)
        return Column(name: name, storage: .integer(buffer), validity: present)
    }

    /// A decimal integer with an optional sign, exact over the whole Int64 range (−9223372036854775808
    /// included: digits are accumulated on the value's own side of zero). Nil on anything else or overflow.
    static func parse(_ text: UnsafePointer<CChar>, length: Int) -> Int64? {
        var index = 0
        var negative = false
        if length > 0, text[0] == 0x2D || text[0] == 0x2B {
            negative = text[0] == 0x2D
            index = 1
        }
        guard index < length else { return nil }
        var value: Int64 = 0
        while index < length {
            let digit = Int64(text[index]) - 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { return nil }
            value = next
            index += 1
        }
        return value
    }
}

final class DecimalColumnBuilder: ResultColumnBuilder {
    private var values = ContiguousArray<Double>()
    private var present = ValidityBitmap(count: 0, allPresent: true)

    func append(_ text: UnsafePointer<CChar>, length: Int) -> Bool {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: length)
        // Swift's parser reads in the C locale whatever the process's locale (a decimal comma cannot change
        // how "3.07" reads), exactly, and takes PostgreSQL's "NaN", "Infinity" and "-Infinity" too. Numbers
        // are short, so the String is kept inline, without an allocation.
        guard let value = Double(String(decoding: bytes, as: UTF8.self)) else { return false }
        values.append(value)
        present.append(true)
        return true
    }

    func appendMissing() {
        values.append(0)
        present.append(false)
    }

    func column(named name: String) -> Column {
        Column(name: name, storage: .decimal(values), validity: present)
    }
}

final class BooleanColumnBuilder: ResultColumnBuilder {
    private var values = ContiguousArray<Bool>()
    private var present = ValidityBitmap(count: 0, allPresent: true)

    func append(_ text: UnsafePointer<CChar>, length: Int) -> Bool {
        guard length == 1, text[0] == 0x74 || text[0] == 0x66 else { return false }  // 't' or 'f'
        values.append(text[0] == 0x74)
        present.append(true)
        return true
    }

    func appendMissing() {
        values.append(false)
        present.append(false)
    }

    func column(named name: String) -> Column {
        Column(name: name, storage: .boolean(values), validity: present)
    }
}

/// Text as dictionary codes; each distinct string is made once, and NFC-normalised once at the end (as the
/// file readers do), so a value typed in decomposed form on the server matches the gazetteer's spelling.
final class TextColumnBuilder: ResultColumnBuilder {
    private var codes = ContiguousArray<Int32>()
    private var present = ValidityBitmap(count: 0, allPresent: true)
    private var dictionary: [String] = []
    private var codeOf: [String: Int32] = [:]

    func append(_ text: UnsafePointer<CChar>, length: Int) -> Bool {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: length)
        let string = String(decoding: bytes, as: UTF8.self)
        if let code = codeOf[string] {
            codes.append(code)
        } else {
            let code = Int32(dictionary.count)
            codeOf[string] = code
            dictionary.append(string)
            codes.append(code)
        }
        present.append(true)
        return true
    }

    func appendMissing() {
        codes.append(0)
        present.append(false)
    }

    func column(named name: String) -> Column {
        var normalised: [String] = []
        var codeOfNormalised: [String: Int32] = [:]
        // Two server strings may be one NFC string: their codes merge.
        let remap = dictionary.map { text -> Int32 in
            let nfc = text.precomposedStringWithCanonicalMapping
            if let code = codeOfNormalised[nfc] { return code }
            let code = Int32(normalised.count)
            codeOfNormalised[nfc] = code
            normalised.append(nfc)
            return code
        }
        let finalCodes = normalised.count == dictionary.count ? codes : ContiguousArray(codes.map { remap[Int($0)] })
        let text = DictionaryText(codes: IntegerBuffer(codes: finalCodes, distinctCount: normalised.count), dictionary: normalised)
        return Column(name: name, storage: .text(text), validity: present)
    }
}
