import Engine
import Foundation
import ZIPFoundation

/// An Office Open XML workbook (.xlsx, .xlsm) opened for reading: its sheets, shared strings and the
/// styles that make a number a date. Parts are read as streams from the archive.
final class XLSXWorkbook {
    struct Sheet: Equatable {
        var name: String
        /// The part inside the archive, e.g. `xl/worksheets/sheet1.xml`.
        var path: String
        /// `visible`, `hidden` or `veryHidden`.
        var state: String
        var isHidden: Bool { state != "visible" }
    }

    let file: String
    let archive: Archive
    let sheets: [Sheet]
    /// Dates count from 1904 (old Mac workbooks) instead of 1900.
    let date1904: Bool
    /// Filled on first use: only `load` needs them, not `sheets`.
    private(set) lazy var sharedStrings: [String] = (try? readSharedStrings()) ?? []
    private(set) lazy var dateStyles: Set<Int> = (try? readDateStyles()) ?? []

    /// - Throws: `LoadError` for a file that is not a workbook, is encrypted, or is damaged.
    init(path: String) throws {
        file = path
        try XLSXWorkbook.checkSignature(path)
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XLSXWorkbook.damaged(path, "it is not a readable zip archive")
        }
        guard let workbook = archive["xl/workbook.xml"] else {
            if archive["xl/workbook.bin"] != nil {
                throw LoadError(file: path, reason: "this is an Excel binary workbook (.xlsb), not .xlsx",
                                hint: "open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx)",
                                vi: "đây là sổ tính nhị phân của Excel (.xlsb), không phải .xlsx",
                                hintVi: "hãy mở bằng Excel hoặc LibreOffice và lưu lại dạng Excel Workbook (.xlsx)")
            }
            throw XLSXWorkbook.damaged(path, "it has no xl/workbook.xml part")
        }
        let relations = try XLSXWorkbook.readRelations(archive, path: path)
        let collector = WorkbookCollector()
        try XLSXWorkbook.parse(archive, workbook, with: collector, file: path)
        if collector.isStrict {
            throw LoadError(file: path, reason: "this workbook is saved as Strict Open XML, which solieu does not read",
                            hint: "save it again in Excel as \"Excel Workbook (.xlsx)\" (not \"Strict Open XML Spreadsheet\")",
                            vi: "sổ tính này được lưu dạng Strict Open XML, solieu không đọc được",
                            hintVi: "hãy lưu lại trong Excel dạng \"Excel Workbook (.xlsx)\" (không phải \"Strict Open XML Spreadsheet\")")
        }
        date1904 = collector.date1904
        sheets = collector.sheets.compactMap { entry in
            guard let target = relations[entry.relation] else { return nil }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            return Sheet(name: entry.name, path: path, state: entry.state)
        }
        if sheets.isEmpty { throw XLSXWorkbook.damaged(path, "it lists no sheet") }
    }

    /// Refuses what only looks like a workbook by its name: an encrypted workbook or a legacy .xls (both
    /// OLE compound files), or anything that is not a zip archive.
    static func checkSignature(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LoadError(file: path, reason: "cannot open the file", hint: "check the path; a relative path is taken from the current directory",
                            vi: "không mở được tệp", hintVi: "hãy kiểm tra đường dẫn; đường dẫn tương đối tính từ thư mục hiện tại")
        }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 8))
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw LoadError(file: path, reason: "this is a password-protected workbook or a legacy Excel 97-2003 (.xls) file, not an .xlsx workbook",
                            hint: "open it in Excel or LibreOffice, remove the password if it has one, and save it as Excel Workbook (.xlsx)",
                            vi: "đây là sổ tính có mật khẩu hoặc tệp Excel 97-2003 (.xls) cũ, không phải sổ tính .xlsx",
                            hintVi: "hãy mở bằng Excel hoặc LibreOffice, bỏ mật khẩu nếu có, và lưu lại dạng Excel Workbook (.xlsx)")
        }
        if !head.starts(with: [0x50, 0x4B]) {
            throw damaged(path, head.isEmpty ? "the file is empty" : "it does not start as a zip archive does")
        }
    }

    static func damaged(_ path: String, _ why: String) -> LoadError {
        LoadError(file: path, reason: "this .xlsx workbook cannot be read: \(why)",
                  hint: "open it in Excel or LibreOffice and save it again; if it was downloaded or copied, the copy may be incomplete",
                  vi: "không đọc được sổ tính .xlsx này: \(why)",
                  hintVi: "hãy mở bằng Excel hoặc LibreOffice và lưu lại; nếu tệp được tải về hay sao chép, bản sao có thể bị thiếu")
    }

    /// Streams one part through `handler`.
    /// - Parameter progress: told of the bytes of XML parsed, for a sheet's progress line.
    static func parse(_ archive: Archive, _ entry: Entry, with handler: XMLStreamHandler, file: String, progress: LoadProgress? = nil) throws {
        let stream = XMLStream(handler: handler)
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: true) { data in
                try stream.feed(data)
                progress?.sheetParsed(data.count)
            }
            try stream.finish()
        } catch is XMLStreamStopped {
            return
        } catch let error as XMLStreamError {
            throw damaged(file, "\(entry.path) is not well-formed XML (\(error.message) at line \(error.line), column \(error.column))")
        } catch let error as LoadError {
            throw error
        } catch {
            throw damaged(file, "\(entry.path) cannot be inflated (\(error))")
        }
    }

    /// The workbook's relations: relation id → target part.
    static func readRelations(_ archive: Archive, path: String) throws -> [String: String] {
        guard let entry = archive["xl/_rels/workbook.xml.rels"] else { throw damaged(path, "it has no xl/_rels/workbook.xml.rels part") }
        let collector = RelationsCollector()
        try parse(archive, entry, with: collector, file: path)
        return collector.targets
    }

    func readSharedStrings() throws -> [String] {
        guard let entry = archive["xl/sharedStrings.xml"] else { return [] }
        let collector = SharedStringsCollector()
        try XLSXWorkbook.parse(archive, entry, with: collector, file: file)
        return collector.strings
    }

    /// The cell style indices whose number format shows a date or a time.
    func readDateStyles() throws -> Set<Int> {
        guard let entry = archive["xl/styles.xml"] else { return [] }
        let collector = StylesCollector()
        try XLSXWorkbook.parse(archive, entry, with: collector, file: file)
        var result = Set<Int>()
        for (index, format) in collector.cellFormats.enumerated() {
            if XLSXDates.isDateFormat(id: format, code: collector.customFormats[format]) { result.insert(index) }
        }
        return result
    }

    /// The sheet a `sheet=` option names: its number (from 1), or its name matched without accents or case.
    /// - Throws: `LoadError` naming the sheets there are, nearest first.
    func sheet(named choice: String?) throws -> Sheet {
        guard let choice, !choice.isEmpty else { return sheets[0] }
        if let number = Int(choice) {
            guard (1...sheets.count).contains(number) else {
                throw LoadError(file: file, reason: "sheet=\(number): the workbook has \(sheets.count) sheet\(sheets.count == 1 ? "" : "s")",
                                hint: "the sheets are " + sheets.enumerated().map { "\($0.offset + 1) '\($0.element.name)'" }.joined(separator: ", "),
                                vi: "sheet=\(number): sổ tính có \(sheets.count) trang tính",
                                hintVi: "các trang tính: " + sheets.enumerated().map { "\($0.offset + 1) '\($0.element.name)'" }.joined(separator: ", "))
            }
            return sheets[number - 1]
        }
        let wanted = TextFolding.fold(choice)
        if let exact = sheets.first(where: { $0.name == choice }) ?? sheets.first(where: { TextFolding.fold($0.name) == wanted }) { return exact }
        // The start of one sheet's name is enough (`sap nhap` for `Sáp nhập 2025`); of two, it is not.
        let starting = sheets.filter { TextFolding.fold($0.name).hasPrefix(wanted) }
        if starting.count == 1 { return starting[0] }
        let nearest = sheets.map(\.name).sorted { XLSXWorkbook.distance(TextFolding.fold($0), wanted) < XLSXWorkbook.distance(TextFolding.fold($1), wanted) }
        let list = nearest.map { "'\($0)'" }.joined(separator: ", ")
        throw LoadError(file: file, reason: "the workbook has no sheet '\(choice)'",
                        hint: "the sheets are, nearest first: \(list); e.g. sheet=\"\(nearest[0])\" or sheet=1",
                        vi: "sổ tính không có trang tính '\(choice)'",
                        hintVi: "các trang tính, gần nhất trước: \(list); ví dụ sheet=\"\(nearest[0])\" hoặc sheet=1")
    }

    /// Levenshtein distance, for ordering sheet names by nearness.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// `<sheet name="…" state="hidden" r:id="rId1"/>` entries of workbook.xml.
private final class WorkbookCollector: XMLStreamHandler {
    var sheets: [(name: String, relation: String, state: String)] = []
    var isStrict = false
    var date1904 = false
    func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes) {
        if name.is("workbook"), let pairs = attributes.pairs {
            var p = pairs
            while let key = p.pointee {
                if let value = p.successor().pointee, String(cString: key).hasPrefix("xmlns"),
                   String(cString: value) == "http://purl.oclc.org/ooxml/spreadsheetml/main" { isStrict = true }
                p += 2
            }
        }
        if name.is("workbookPr"), let value = attributes.string("date1904") { date1904 = value == "1" || value == "true" }
        if name.is("sheet") {
            sheets.append((attributes.string("name") ?? "", attributes.string("id") ?? "", attributes.string("state") ?? "visible"))
        }
    }
    func end(_ name: UnsafeBufferPointer<UInt8>) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

private final class RelationsCollector: XMLStreamHandler {
    var targets: [String: String] = [:]
    func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes) {
        if name.is("Relationship"), let id = attributes.string("Id"), let target = attributes.string("Target") { targets[id] = target }
    }
    func end(_ name: UnsafeBufferPointer<UInt8>) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// `<si>` items: plain `<t>`, or rich text runs `<r><t>…</t></r>` joined; phonetic runs (`<rPh>`) left out.
private final class SharedStringsCollector: XMLStreamHandler {
    var strings: [String] = []
    private var current: [UInt8] = []
    private var inText = false, inPhonetic = false
    func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes) {
        if name.is("si") { current.removeAll(keepingCapacity: true) }
        else if name.is("t") { inText = !inPhonetic }
        else if name.is("rPh") { inPhonetic = true }
    }
    func end(_ name: UnsafeBufferPointer<UInt8>) {
        if name.is("si") { strings.append(String(decoding: current, as: UTF8.self)) }
        else if name.is("t") { inText = false }
        else if name.is("rPh") { inPhonetic = false }
    }
    func text(_ bytes: UnsafeBufferPointer<UInt8>) { if inText { current += bytes } }
}

/// Number formats: custom codes by id, and each cell format's (`cellXfs/xf`) number format id.
private final class StylesCollector: XMLStreamHandler {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    private var inCellFormats = false
    func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes) {
        if name.is("numFmt"), let id = attributes.string("numFmtId").flatMap(Int.init), let code = attributes.string("formatCode") {
            customFormats[id] = code
        } else if name.is("cellXfs") {
            inCellFormats = true
        } else if name.is("xf") && inCellFormats {
            cellFormats.append(attributes.string("numFmtId").flatMap(Int.init) ?? 0)
        }
    }
    func end(_ name: UnsafeBufferPointer<UInt8>) { if name.is("cellXfs") { inCellFormats = false } }
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}
