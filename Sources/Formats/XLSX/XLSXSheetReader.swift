import Foundation

/// Turns one worksheet's XML, streamed, into tab-separated text with one line per sheet row (line N is
/// row N), so that the CSV reader's header detection, totals rows, repair and type inference apply to
/// sheets exactly as to files: one inference code path for every format.
///
/// Cells become text as Excel shows their value: shared and inline strings as written (Vietnamese
/// numbers stored as text, `6,8`, then go through the same inference as in a CSV file), numbers in
/// their shortest exact form, dates and times (known from the cell's number format) as ISO text,
/// booleans as true/false, error values (`#N/A`, `#DIV/0!`) as missing, counted in a note.
final class XLSXSheetReader: XMLStreamHandler {
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let date1904: Bool

    /// Rows kept as cells until the end, so merged cells (listed after the data) can fill the header.
    static let heldRows = 60
    private var held: [(row: Int, cells: [String])] = []
    /// The text of the rows after the held ones, and each row's end offset and field count.
    private var body: [UInt8] = []
    private var bodyRows: [(end: Int, fields: Int)] = []

    private var rowNumber = 0
    private var lastWrittenRow = 0
    private var cells: [(column: Int, text: String)] = []
    private var column = -1
    private var cellType: CellType = .number
    private var cellStyle = 0
    private var value: [UInt8] = []
    private var inValue = false, inInlineText = false, inPhonetic = false
    private(set) var width = 0
    private(set) var hiddenRows: [Int] = []
    private(set) var errorCells = 0
    private(set) var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []
    var shouldStop: () -> Bool = { false }
    private(set) var interrupted = false
    var isDone: Bool { interrupted }

    enum CellType { case number, shared, inline, formulaString, boolean, error, isoDate }

    init(sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes) {
        if name.is("c") {
            column = attributes.value("r").map { XLSXSheetReader.cellColumn($0) } ?? (column + 1)
            cellStyle = attributes.value("s").map { Int(atoi($0)) } ?? 0
            switch attributes.value("t").map({ String(cString: $0) }) {
            case "s": cellType = .shared
            case "inlineStr": cellType = .inline
            case "str": cellType = .formulaString
            case "b": cellType = .boolean
            case "e": cellType = .error
            case "d": cellType = .isoDate
            default: cellType = .number
            }
            value.removeAll(keepingCapacity: true)
        } else if name.is("v") {
            inValue = true
        } else if name.is("t") {
            inInlineText = cellType == .inline && !inPhonetic
        } else if name.is("rPh") {
            inPhonetic = true
        } else if name.is("row") {
            rowNumber = attributes.value("r").map { Int(atoi($0)) } ?? (rowNumber + 1)
            if let hidden = attributes.value("hidden"), hidden.pointee == 0x31 || hidden.pointee == 0x74 { hiddenRows.append(rowNumber) }
            cells.removeAll(keepingCapacity: true)
            column = -1
        } else if name.is("mergeCell"), let ref = attributes.string("ref") {
            let parts = ref.split(separator: ":").map(String.init)
            if parts.count == 2, let a = XLSXSheetReader.cellReference(parts[0]), let b = XLSXSheetReader.cellReference(parts[1]) {
                merges.append((a.row, a.column, b.row, b.column))
            }
        }
    }

    func end(_ name: UnsafeBufferPointer<UInt8>) {
        if name.is("v") {
            inValue = false
        } else if name.is("t") {
            inInlineText = false
        } else if name.is("rPh") {
            inPhonetic = false
        } else if name.is("c") {
            if let text = cellText() { cells.append((column, text)) }
        } else if name.is("row") {
            finishRow()
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inValue || inInlineText { value += bytes }
    }

    private func cellText() -> String? {
        switch cellType {
        case .shared:
            guard let index = Int(String(decoding: value, as: UTF8.self)), index >= 0, index < sharedStrings.count else { return nil }
            return sharedStrings[index]
        case .inline, .formulaString, .isoDate:
            return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
        case .boolean:
            return value.first == 0x31 ? "true" : "false"
        case .error:
            errorCells += 1
            return nil
        case .number:
            guard !value.isEmpty else { return nil }
            let text = String(decoding: value, as: UTF8.self)
            if dateStyles.contains(cellStyle), let serial = Double(text), let iso = XLSXDates.isoText(serial: serial, date1904: date1904) {
                return iso
            }
            return XLSXSheetReader.shortest(text)
        }
    }

    /// A number as Excel shows it: at most 15 significant digits (Excel writes 17, so 0.1 can arrive as
    /// 0.10000000000000001), in plain decimal notation.
    static func shortest(_ text: String) -> String {
        let digits = text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        guard digits > 15 || text.contains("E") || text.contains("e"), let x = Double(text) else { return text }
        var shown = String(format: "%.15g", x)
        if shown.contains("e") {
            // Plain notation, which every reader reads the same way.
            shown = String(format: "%.15f", x)
            while shown.contains(".") && (shown.hasSuffix("0") || shown.hasSuffix(".")) { shown.removeLast() }
        }
        return shown
    }

    private func finishRow() {
        if interrupted { return }
        let fields = (cells.map(\.column).max() ?? -1) + 1
        width = max(width, fields)
        if held.count < XLSXSheetReader.heldRows {
            var row = Array(repeating: "", count: fields)
            for cell in cells { row[cell.column] = cell.text }
            held.append((rowNumber, row))
        } else {
            // Rows the sheet leaves out are empty lines, so line numbers stay row numbers.
            while lastWrittenRow + 1 < rowNumber { bodyRows.append((body.count, 0)); lastWrittenRow += 1 }
            if cells.count > 1 && !zip(cells, cells.dropFirst()).allSatisfy({ $0.column < $1.column }) { cells.sort { $0.column < $1.column } }
            var k = 0
            for c in 0..<fields {
                if c > 0 { body.append(0x09) }
                while k < cells.count && cells[k].column < c { k += 1 }
                if k < cells.count && cells[k].column == c { XLSXSheetReader.appendField(cells[k].text, to: &body); k += 1 }
            }
            bodyRows.append((body.count, fields))
        }
        lastWrittenRow = rowNumber
        if rowNumber % 65_536 == 0 && shouldStop() {
            interrupted = true
        }
    }

    /// The sheet as tab-separated text, every row padded to the widest.
    func text() -> [UInt8] {
        applyMerges()
        var out: [UInt8] = []
        out.reserveCapacity(body.count + bodyRows.count * 2 + held.count * 64)
        var line = 0
        for row in held {
            while line + 1 < row.row { out.append(0x0A); line += 1 }
            for c in 0..<width {
                if c > 0 { out.append(0x09) }
                if c < row.cells.count { XLSXSheetReader.appendField(row.cells[c], to: &out) }
            }
            out.append(0x0A)
            line = row.row
        }
        var start = 0
        for row in bodyRows {
            out += body[start..<row.end]
            if row.fields > 0 {
                for _ in row.fields..<max(width, row.fields) { out.append(0x09) }
            }
            out.append(0x0A)
            start = row.end
        }
        return out
    }

    /// A merged header cell applies to every cell it spans. A merge across the whole width of the table
    /// is a title, and stays in its first cell.
    private func applyMerges() {
        for merge in merges where !(merge.left == 0 && merge.right >= width - 1 && width > 2) {
            guard let source = held.first(where: { $0.row == merge.top }), merge.left < source.cells.count else { continue }
            let text = source.cells[merge.left]
            guard !text.isEmpty else { continue }
            for i in held.indices where held[i].row >= merge.top && held[i].row <= merge.bottom {
                if held[i].cells.count <= merge.right { held[i].cells += Array(repeating: "", count: merge.right + 1 - held[i].cells.count) }
                for c in merge.left...merge.right where held[i].cells[c].isEmpty { held[i].cells[c] = text }
            }
        }
    }

    static func appendField(_ text: String, to out: inout [UInt8]) {
        let bytes = text.utf8
        if bytes.contains(where: { $0 == 0x09 || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            out.append(0x22)
            for b in bytes {
                if b == 0x22 { out.append(0x22) }
                out.append(b)
            }
            out.append(0x22)
        } else {
            out += bytes
        }
    }

    /// The 0-based column of a reference such as `AB12`.
    static func cellColumn(_ reference: UnsafePointer<CChar>) -> Int {
        var column = 0
        var p = reference
        while true {
            let c = UInt8(bitPattern: p.pointee)
            guard c >= 0x41 && c <= 0x5A else { break }
            column = column * 26 + Int(c - 0x40)
            p += 1
        }
        return column - 1
    }

    /// `B5` → row 5, column 1 (0-based column).
    static func cellReference(_ text: String) -> (row: Int, column: Int)? {
        let letters = text.prefix { $0.isLetter }
        guard let row = Int(text.dropFirst(letters.count)), !letters.isEmpty else { return nil }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return (row, column)
    }
}
