import Engine
@testable import Formats
import Testing

// Helpers shared by the FormatsTests files: in-memory reads, error capture, cell access,
// a seeded random generator and a naive reference CSV parser.

/// Reads `text` as CSV from memory.
func readCSV(_ text: String, delimiter: UInt8? = nil, name: String = "test.csv") throws -> LoadResult {
    try CSVReader.read(SourceBytes(text: text, name: name), tableName: "t", delimiter: delimiter)
}

/// Reads `bytes` as CSV from memory.
func readCSV(bytes: [UInt8], delimiter: UInt8? = nil, name: String = "test.csv") throws -> LoadResult {
    try CSVReader.read(SourceBytes(bytes: bytes, name: name), tableName: "t", delimiter: delimiter)
}

/// Reads `text` as JSON Lines from memory.
func readJSONL(_ text: String, name: String = "test.jsonl") throws -> LoadResult {
    try JSONLinesReader.read(SourceBytes(text: text, name: name), tableName: "t")
}

/// The LoadError `body` throws; records a failure (and returns nil) when it returns a table or throws something else.
func loadError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> LoadResult) -> LoadError? {
    do {
        let result = try body()
        Issue.record("expected a LoadError, got a table: \(result.report.lines)", sourceLocation: sourceLocation)
        return nil
    } catch let error as LoadError {
        return error
    } catch {
        Issue.record("expected a LoadError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Checks an error's line, column and reason; `reason` is a fragment the reason must contain.
func expectError(_ error: LoadError?, line: Int, column: Int, reason: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard let error else { return }
    #expect(error.position?.line == line, "line of: \(error)", sourceLocation: sourceLocation)
    #expect(error.position?.column == column, "column of: \(error)", sourceLocation: sourceLocation)
    #expect(error.reason.contains(reason), "reason of: \(error)", sourceLocation: sourceLocation)
}

extension LoadResult {
    /// The cells of column `name`, top to bottom (records a failure for an unknown column).
    func cells(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Value] {
        guard let column = table.column(named: name) else {
            Issue.record("no column '\(name)' in \(table.columnNames)", sourceLocation: sourceLocation)
            return []
        }
        return (0..<column.count).map { column.value(at: $0) }
    }

    /// The load report's summary of column `name`.
    func summary(_ name: String) -> LoadReport.ColumnSummary? { report.columns.first { $0.name == name } }

    func type(_ name: String) -> ColumnType? { table.column(named: name)?.type }

    func annotations(_ name: String) -> ColumnAnnotations? { table.column(named: name)?.annotations }

    /// Bits per value of an integer column, nil for other types.
    func integerWidth(_ name: String) -> Int? {
        guard case .integer(let buffer)? = table.column(named: name)?.storage else { return nil }
        return buffer.bitWidth
    }

    /// The dictionary of a text column.
    func dictionary(_ name: String) -> [String]? {
        guard case .text(let text)? = table.column(named: name)?.storage else { return nil }
        return text.dictionary
    }
}

/// SplitMix64: a small deterministic generator, so every run of the tests sees the same inputs.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What the reference parser found: every record's fields and the byte offset where the record starts.
struct ReferenceCSV {
    var records: [[String]] = []
    var recordStarts: [Int] = []
}

/// A deliberately simple RFC 4180 parser with the reader's stated leniency (a quote inside an unquoted field is
/// a literal character; blank lines are skipped), written independently of the reader to check it against.
/// Returns nil for input the reader must refuse (an unclosed quote, text after a closing quote).
func referenceParse(_ bytes: [UInt8], delimiter: UInt8) -> ReferenceCSV? {
    let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    var result = ReferenceCSV()
    var i = 0
    let n = bytes.count
    func isEnd(_ b: UInt8) -> Bool { b == delimiter || b == lf || b == cr }
    while i < n {
        if bytes[i] == lf || bytes[i] == cr {  // a blank line
            if bytes[i] == cr { i += 1 }
            if i < n && bytes[i] == lf { i += 1 }
            continue
        }
        let start = i
        var fields: [String] = []
        while true {
            var field: [UInt8] = []
            if i < n && bytes[i] == quote {
                i += 1
                while true {
                    guard i < n else { return nil }
                    if bytes[i] == quote {
                        if i + 1 < n && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                        i += 1
                        break
                    }
                    field.append(bytes[i])
                    i += 1
                }
                if i < n && !isEnd(bytes[i]) { return nil }
            } else {
                while i < n && !isEnd(bytes[i]) { field.append(bytes[i]); i += 1 }
            }
            fields.append(String(decoding: field, as: UTF8.self))
            if i < n && bytes[i] == delimiter { i += 1; continue }
            break
        }
        if i < n && bytes[i] == cr { i += 1 }
        if i < n && bytes[i] == lf { i += 1 }
        result.records.append(fields)
        result.recordStarts.append(start)
    }
    return result
}
