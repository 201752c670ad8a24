import Engine
import Foundation

/// Reads JSON Lines: one JSON object per line, its keys the columns (in first-seen order), `null` or an
/// absent key a missing value. Nested objects and arrays are refused: a table cell holds one value.
public enum JSONLinesReader {
    /// - Throws: `LoadError` naming the line and column of the first line that is not a flat JSON object.
    public static func read(_ source: SourceBytes, tableName: String) throws -> LoadResult {
        var start = 0
        try CSVReader.checkEncoding(source, start: &start)
        let bytes = source.buffer
        var names: [String] = []
        var cells: [String: [Value]] = [:]
        var rows = 0
        var blank = 0
        var line = 0
        var lineStart = start
        var i = start
        while lineStart < bytes.count {
            line += 1
            i = lineStart
            while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            let lineBytes = UnsafeBufferPointer(rebasing: bytes[lineStart..<i])
            let nextLine = i + 1
            defer { lineStart = nextLine }
            if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { blank += 1; continue }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(lineBytes), options: [.fragmentsAllowed])
            } catch {
                throw LoadError(file: source.name, position: SourcePosition(file: source.name, line: line, column: 1),
                                reason: "this line is not valid JSON",
                                hint: "each line of a .jsonl file must be one JSON object, such as {\"province\": \"Ninh Bình\", \"rate\": 3.07}",
                                vi: "dòng này không phải JSON hợp lệ",
                                hintVi: "mỗi dòng của tệp .jsonl phải là một đối tượng JSON, ví dụ {\"province\": \"Ninh Bình\", \"rate\": 3.07}")
            }
            guard let record = object as? [String: Any] else {
                throw LoadError(file: source.name, position: SourcePosition(file: source.name, line: line, column: 1),
                                reason: "this line is JSON but not an object", hint: "write each row as {\"column\": value, …}",
                                vi: "dòng này là JSON nhưng không phải một đối tượng", hintVi: "hãy viết mỗi dòng dạng {\"cột\": giá trị, …}")
            }
            // Keys in the order they appear on the line, which JSONSerialization does not keep, and each
            // value's own text, from which numbers take their type and exact value.
            let entries = topLevelEntries(lineBytes)
            for (key, _) in entries where record[key] != nil && cells[key] == nil {
                names.append(key)
                cells[key] = Array(repeating: .missing, count: rows)
            }
            for key in record.keys.sorted() where cells[key] == nil {
                names.append(key)
                cells[key] = Array(repeating: .missing, count: rows)
            }
            for name in names {
                guard let raw = record[name] else { cells[name]!.append(.missing); continue }
                let text = entries.last(where: { $0.key == name }).map { UnsafeBufferPointer(rebasing: lineBytes[$0.value]) }
                guard let value = cellValue(raw, text: text) else {
                    let column = source.characterColumn(lineStart: lineStart, offset: lineStart + (byteOffset(of: name, in: lineBytes) ?? 0))
                    throw LoadError(file: source.name, position: SourcePosition(file: source.name, line: line, column: column),
                                    reason: "the value of '\(name)' is a nested object or list",
                                    hint: "a table cell holds one number, text, true/false or null",
                                    vi: "giá trị của '\(name)' là một đối tượng hoặc danh sách lồng nhau",
                                    hintVi: "mỗi ô của bảng chứa một số, một chuỗi, true/false hoặc null")
                }
                cells[name]!.append(value)
            }
            rows += 1
            try RowLimit.check(rows, file: source.name)
        }
        if names.isEmpty && rows > 0 {
            // A table without columns cannot hold rows: `{}` lines alone would be reported as rows that are not there.
            throw LoadError(file: source.name, reason: "no line names a column: every object is empty ({})",
                            hint: "write each row as {\"column\": value, …}",
                            vi: "không dòng nào nêu tên cột: mọi đối tượng đều trống ({})", hintVi: "hãy viết mỗi dòng dạng {\"cột\": giá trị, …}")
        }
        var notes: [LoadNote] = []
        if blank > 0 { notes.append(LoadNote(en: "\(blank) blank line\(blank == 1 ? "" : "s") skipped", vi: "đã bỏ qua \(blank) dòng trống")) }
        let columns = names.map { name -> Column in
            let values = cells[name]!
            var column = Column(name: name.precomposedStringWithCanonicalMapping, values: values)
            let kinds = Set(values.compactMap { v -> String? in
                switch v { case .missing: nil; case .integer, .decimal: "number"; case .boolean: "boolean"; case .text: "text" }
            })
            if kinds.count > 1 {
                let vietnamese = ["boolean": "đúng/sai", "number": "số", "text": "văn bản"]
                column.annotations.decide("kept as text: values mix \(kinds.sorted().joined(separator: " and "))",
                                          "giữ dạng văn bản: lẫn \(kinds.sorted().map { vietnamese[$0] ?? $0 }.joined(separator: " và "))")
            }
            return column
        }
        let table = try Table(name: tableName, columns: columns)
        var report = LoadReport(file: source.name, format: "JSON Lines", rowCount: rows,
                                columns: columns.map { .init(name: $0.name, type: $0.type, missing: $0.missingCount, annotations: $0.annotations) },
                                notes: [])
        notes.forEach { report.add($0) }
        return LoadResult(table: table, report: report)
    }

    /// The cell for a parsed JSON value; `text` is the value as written on the line, if found.
    private static func cellValue(_ raw: Any, text: UnsafeBufferPointer<UInt8>?) -> Value? {
        switch raw {
        case is NSNull: return .missing
        case let n as NSNumber:
            // JSON true/false arrive as a boolean NSNumber subclass; whole numbers keep an integer type code.
            if String(describing: type(of: n)).contains("Boolean") { return .boolean(n.boolValue) }
            // The number as written decides: JSONSerialization may hand a 19-digit integer over as a double,
            // and `5.0` as an integer. Written without a point or exponent and within Int64, it is an integer.
            if let text, let number = exactNumber(text) { return number }
            let typeCode = String(cString: n.objCType)
            // An unsigned 64-bit value above Int64.max (`12345678901234567890`) would wrap: only a decimal holds it.
            if typeCode == "Q" && n.uint64Value > UInt64(Int64.max) { return .decimal(n.doubleValue) }
            if typeCode != "d" && typeCode != "f" { return .integer(n.int64Value) }
            return .decimal(n.doubleValue)
        case let s as String: return .text(s)
        default: return nil
        }
    }

    /// A JSON number token read exactly: an integer when it has no point or exponent and fits an Int64,
    /// otherwise a decimal; nil when the text is no number token.
    private static func exactNumber(_ text: UnsafeBufferPointer<UInt8>) -> Value? {
        var end = text.count
        while end > 0 && [0x20, 0x09, 0x0D].contains(text[end - 1]) { end -= 1 }
        let token = String(decoding: UnsafeBufferPointer(rebasing: text[0..<end]), as: UTF8.self)
        guard let first = token.utf8.first, first == 0x2D || (first >= 0x30 && first <= 0x39) else { return nil }
        if !token.utf8.contains(where: { $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }), let whole = Int64(token) { return .integer(whole) }
        return Double(token).map(Value.decimal)
    }

    /// Top-level keys of a flat JSON object line, in order, each with the byte range of its value as written
    /// (a light scan: strings at depth 1 followed by `:`; the value runs to the next `,` or `}` at depth 1).
    private static func topLevelEntries(_ line: UnsafeBufferPointer<UInt8>) -> [(key: String, value: Range<Int>)] {
        var entries: [(key: String, value: Range<Int>)] = []
        var depth = 0, i = 0
        var open: (key: String, start: Int)?
        func close(at end: Int) {
            if let (key, start) = open { entries.append((key, start..<max(start, end))) }
            open = nil
        }
        while i < line.count {
            let b = line[i]
            if b == 0x7B || b == 0x5B { depth += 1 } else if b == 0x7D || b == 0x5D {
                if depth == 1 { close(at: i) }
                depth -= 1
            } else if b == 0x2C && depth == 1 { close(at: i) }
            if b == 0x22 {
                let start = i + 1
                i += 1
                while i < line.count && line[i] != 0x22 { i += line[i] == 0x5C ? 2 : 1 }
                var j = i + 1
                while j < line.count && (line[j] == 0x20 || line[j] == 0x09) { j += 1 }
                if depth == 1 && open == nil && j < line.count && line[j] == 0x3A,
                   let key = try? JSONSerialization.jsonObject(with: Data([0x22] + line[start..<min(i, line.count)] + [0x22]), options: [.fragmentsAllowed]) as? String {
                    j += 1
                    while j < line.count && (line[j] == 0x20 || line[j] == 0x09) { j += 1 }
                    open = (key, j)
                    i = j - 1
                }
            }
            i += 1
        }
        return entries
    }

    private static func byteOffset(of key: String, in line: UnsafeBufferPointer<UInt8>) -> Int? {
        let needle = Array("\"\(key)\"".utf8)
        guard needle.count <= line.count else { return nil }
        for start in 0...(line.count - needle.count) where Array(line[start..<start + needle.count]) == needle { return start }
        return nil
    }
}
