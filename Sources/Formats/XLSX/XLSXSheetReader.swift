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
    private(set) var lastWrittenRow = 0
    /// False for a reader of the second part of a sheet read in two halves: its rows go straight to text.
    var holdsRows = true
    /// The first row this reader saw (for joining two halves).
    private(set) var firstRow: Int?
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

    /// Each shared string as the bytes of its field, quoted where needed: made once, copied per cell.
    private lazy var sharedFields: [[UInt8]] = sharedStrings.map { text in
        var field: [UInt8] = []
        DelimitedText.appendField(text, delimiter: 0x09, to: &field)
        return field
    }
    /// The row being written straight into text (past the held rows): its bytes and next column.
    private var rowBytes: [UInt8] = []
    private var rowNext = 0
    private(set) var outOfOrderRow: Int?

    init(sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes) {
        if name.is("c") {
            // One pass over the attributes (r, s, t), each a one-letter name: this runs for every cell.
            var reference: UnsafePointer<CChar>?, style: UnsafePointer<CChar>?, type: UnsafePointer<CChar>?
            if var p = attributes.pairs {
                while let key = p.pointee {
                    if key[1] == 0 {
                        switch key[0] {
                        case 0x72: reference = p[1]
                        case 0x73: style = p[1]
                        case 0x74: type = p[1]
                        default: break
                        }
                    }
                    p += 2
                }
            }
            column = reference.map { XLSXSheetReader.cellColumn($0) } ?? (column + 1)
            cellStyle = style.map { Int(atoi($0)) } ?? 0
            cellType = type.map(XLSXSheetReader.cellType) ?? .number
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
            rowBytes.removeAll(keepingCapacity: true)
            rowNext = 0
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
            if holdsRows && held.count < XLSXSheetReader.heldRows {
                if let text = cellText() { cells.append((column, text)) }
            } else {
                appendCellBytes()
            }
        } else if name.is("row") {
            finishRow()
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inValue || inInlineText { value += bytes }
    }

    static func cellType(_ t: UnsafePointer<CChar>) -> CellType {
        switch (t[0], t[1]) {
        case (0x73, 0): return .shared                  // s
        case (0x73, 0x74): return .formulaString        // str
        case (0x69, _): return .inline                  // inlineStr
        case (0x62, 0): return .boolean                 // b
        case (0x65, 0): return .error                   // e
        case (0x64, 0): return .isoDate                 // d
        default: return .number                         // n
        }
    }

    /// A cell of a row past the held ones, written straight into the row's text without a String where
    /// the value's bytes can stand as they are.
    private func appendCellBytes() {
        guard column >= rowNext else {
            if outOfOrderRow == nil { outOfOrderRow = rowNumber }
            return
        }
        switch cellType {
        case .error:
            errorCells += 1
            return
        case .shared:
            var index = 0
            for b in value { guard b >= 0x30 && b <= 0x39 else { return }; index = index * 10 + Int(b - 0x30) }
            guard !value.isEmpty, index < sharedStrings.count else { return }
            separate()
            rowBytes += sharedFields[index]
        case .number:
            guard !value.isEmpty else { return }
            var digits = 0, plain = true
            for b in value {
                if b >= 0x30 && b <= 0x39 { digits += 1 } else if b == 0x45 || b == 0x65 { plain = false }
            }
            if plain && digits <= 15 && !dateStyles.contains(cellStyle) {
                separate()
                rowBytes += value
            } else if let text = cellText() {
                separate()
                DelimitedText.appendField(text, delimiter: 0x09, to: &rowBytes)
            }
        default:
            guard let text = cellText() else { return }
            separate()
            DelimitedText.appendField(text, delimiter: 0x09, to: &rowBytes)
        }
    }

    /// The tabs before the current cell: one per column since the last cell written.
    @inline(__always)
    private func separate() {
        let tabs = rowNext == 0 ? column : column - rowNext + 1
        for _ in 0..<tabs { rowBytes.append(0x09) }
        rowNext = column + 1
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
    /// 0.10000000000000001), in plain decimal notation; text of 15 digits or fewer stands as written.
    static func shortest(_ text: String) -> String {
        let digits = text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        guard digits > 15 || text.utf8.contains(0x45) || text.utf8.contains(0x65), let x = Double(text) else { return text }
        return DelimitedText.fifteenDigits(x)
    }

    private func finishRow() {
        if interrupted { return }
        let holding = holdsRows && held.count < XLSXSheetReader.heldRows
        let fields = holding ? (cells.map(\.column).max() ?? -1) + 1 : rowNext
        width = max(width, fields)
        if holding {
            var row = Array(repeating: "", count: fields)
            for cell in cells { row[cell.column] = cell.text }
            held.append((rowNumber, row))
        } else {
            if firstRow == nil && !holdsRows { lastWrittenRow = rowNumber - 1 }
            // Rows the sheet leaves out are empty lines, so line numbers stay row numbers.
            while lastWrittenRow + 1 < rowNumber { bodyRows.append((body.count, 0)); lastWrittenRow += 1 }
            body += rowBytes
            bodyRows.append((body.count, fields))
        }
        lastWrittenRow = rowNumber
        if firstRow == nil { firstRow = rowNumber }
        if rowNumber % 65_536 == 0 && shouldStop() {
            interrupted = true
        }
    }

    /// The sheet as tab-separated text, every row padded to the widest.
    func text(width: Int? = nil) -> [UInt8] {
        let width = width ?? self.width
        applyMerges(width: width)
        var out: [UInt8] = []
        out.reserveCapacity(body.count + bodyRows.count * 2 + held.count * 64)
        var line = 0
        for row in held {
            while line + 1 < row.row { out.append(0x0A); line += 1 }
            for c in 0..<width {
                if c > 0 { out.append(0x09) }
                if c < row.cells.count { DelimitedText.appendField(row.cells[c], delimiter: 0x09, to: &out) }
            }
            out.append(0x0A)
            line = row.row
        }
        appendBody(to: &out, width: width)
        return out
    }

    /// The rows written straight into text, each padded to `width` fields.
    func appendBody(to out: inout [UInt8], width: Int) {
        var start = 0
        for row in bodyRows {
            out += body[start..<row.end]
            if row.fields > 0 {
                for _ in row.fields..<max(width, row.fields) { out.append(0x09) }
            }
            out.append(0x0A)
            start = row.end
        }
    }

    /// Takes the counts of the reader of a sheet's second half.
    func absorbCounts(of other: XLSXSheetReader) {
        hiddenRows += other.hiddenRows
        errorCells += other.errorCells
        if outOfOrderRow == nil { outOfOrderRow = other.outOfOrderRow }
        interrupted = interrupted || other.interrupted
    }

    /// A merged header cell applies to every cell it spans. A merge across the whole width of the table
    /// is a title, and stays in its first cell.
    private func applyMerges(width: Int) {
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
