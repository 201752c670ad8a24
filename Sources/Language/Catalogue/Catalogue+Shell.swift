import Foundation
import Formats

/// The shell around the statements: how an error is laid out (`lỗi:`, the suggestions, `thử:`), files that
/// cannot be read or written, scripts, the history file, the pager, the timer, the lines under a table cut
/// to the terminal, records, handouts and exports.
extension Catalogue {
    // How an error is shown (ErrorDisplay): its words around the message.
    /// Before every error: `error:`, `lỗi:`.
    public static let errorWord = Message(en: "error", vi: "lỗi")

    public static func didYouMean(_ spellings: [String]) -> Message {
        Message(en: "did you mean \(spellings.joined(separator: " or "))?", vi: "có phải ý bạn là \(spellings.joined(separator: " hoặc "))?")
    }

    /// Suggestions that are filters to add, not spellings of the marked words.
    public static func addFilter(_ filters: [String]) -> Message {
        Message(en: "add a filter: \(filters.joined(separator: " or "))", vi: "thêm bộ lọc: \(filters.joined(separator: " hoặc "))")
    }

    /// Before the statement as it would work, the marked words replaced by the nearest spelling.
    public static let tryStatement = Message(en: "try", vi: "thử")

    public static let example = Message(en: "example", vi: "ví dụ")

    /// `FILE:LINE:COL: error: …`, the whole line a scheduler's log shows.
    public static func errorAt(_ place: String, _ reason: Message) -> Message {
        Message(en: "\(place): error: \(reason.en)", vi: "\(place): lỗi: \(reason.vi)")
    }

    /// What went wrong, for a message that quotes another failure (a lesson's model answer that does not run).
    public static func failure(_ error: Error) -> Message {
        switch error {
        case let error as LanguageError: error.message
        case let error as LoadError: Message(en: error.description, vi: error.vietnameseDescription)
        default: .verbatim(String(describing: error))
        }
    }

    // Files named on the command line, and results that cannot be written.
    /// Why the system refused a file (`errno`), in each language; Formats keeps the Vietnamese words.
    public static func systemReason(_ code: Int32) -> Message {
        Message(en: SystemReason.english(code), vi: SystemReason.vietnamese(code))
    }

    public static func cannotReadFile(_ path: String, _ reason: Message) -> Message {
        Message(en: "\(path): error: cannot read this file: \(reason.en)", vi: "\(path): lỗi: không đọc được tệp này: \(reason.vi)")
    }

    public static func cannotWriteFile(_ path: String, _ reason: Message) -> Message {
        Message(en: "\(path): error: cannot write this file: \(reason.en)", vi: "\(path): lỗi: không ghi được tệp này: \(reason.vi)")
    }

    public static func cannotWriteResults(_ reason: Message) -> Message {
        Message(en: "solieu: error: cannot write the results: \(reason.en)", vi: "solieu: lỗi: không ghi được kết quả: \(reason.vi)")
    }

    public static let noSuchFile = Message(en: "there is no such file; check the path", vi: "không có tệp này; hãy kiểm tra đường dẫn")
    public static let folderNotFile = Message(en: "this is a folder, not a file", vi: "đây là thư mục, không phải tệp")

    /// A file that could not be written: Foundation's description in English, and in Vietnamese the
    /// system's reason when it is one a user can put right (no such folder, no permission, a full disk).
    public static func cannotWrite(_ path: String, _ error: Error) -> Message {
        let code: Int32?
        switch error {
        case let error as CocoaError where [.fileNoSuchFile, .fileReadNoSuchFile].contains(error.code): code = ENOENT
        case let error as CocoaError where [.fileWriteNoPermission, .fileReadNoPermission].contains(error.code): code = EACCES
        case let error as CocoaError where error.code == .fileWriteOutOfSpace: code = ENOSPC
        case let error as CocoaError where error.code == .fileWriteVolumeReadOnly: code = EROFS
        case let error as NSError where error.domain == NSPOSIXErrorDomain: code = Int32(truncatingIfNeeded: error.code)
        default: code = nil
        }
        let english = error.localizedDescription
        return Message(en: "cannot write '\(path)': \(english)", vi: "không ghi được '\(path)': \(code.map(SystemReason.vietnamese) ?? english)")
    }

    // Scripts.
    public static let noSuchScript = Message(en: "there is no such script file; check the path",
                                             vi: "không có tệp kịch bản này; hãy kiểm tra đường dẫn")
    public static let folderNotScript = Message(en: "this is a folder, not a script file; name a .solieu file inside it",
                                                vi: "đây là thư mục, không phải tệp kịch bản; hãy nêu một tệp .solieu trong đó")

    public static func cannotReadScript(_ reason: Message) -> Message {
        Message(en: "cannot read this script: \(reason.en)", vi: "không đọc được kịch bản này: \(reason.vi)")
    }

    public static func notUTF8(byte: UInt8) -> Message {
        Message(en: "byte 0x\(String(byte, radix: 16, uppercase: true)) is not UTF-8 text; save the script as UTF-8 and run it again",
                vi: "byte 0x\(String(byte, radix: 16, uppercase: true)) không phải văn bản UTF-8; hãy lưu kịch bản dạng UTF-8 rồi chạy lại")
    }

    public static let scriptsTooDeep = Message(en: "scripts run each other more than 16 deep; is one running itself?",
                                               vi: "các kịch bản gọi nhau quá 16 tầng; có kịch bản nào tự gọi chính nó?")

    public static func cannotRunScript(_ place: String, _ reason: Message) -> Message {
        Message(en: "cannot run \(place): " + reason.en, vi: "không chạy được \(place): " + reason.vi)
    }

    // The session at a terminal.
    /// The banner's first line: what is loaded, the current dataset first.
    public static func bannerLoaded(_ current: (name: String, rows: Int)?, others: [String]) -> Message {
        let list = others.joined(separator: ", ")
        return Message(en: "solieu — poverty-reduction figures. Using \(current.map { "\($0.name) (\(englishCount($0.rows, "row")))" } ?? "nothing"); also loaded: \(list).",
                       vi: "solieu — số liệu giảm nghèo. Đang dùng \(current.map { "\($0.name) (\($0.rows) dòng)" } ?? "chưa có bộ dữ liệu nào"); cũng đã nạp: \(list).")
    }

    /// The banner's second line; each language offers the other in that other language.
    public static let bannerHelp = Message(en: "Type help for the verbs, help compare for an example; set language vi cho tiếng Việt.",
                                           vi: "Gõ help để xem các lệnh, help compare để xem ví dụ; set language en for English.")

    public static func historyNotSaved(_ path: String) -> Message {
        Message(en: "note: the history cannot be saved to \(path); this session's statements will not be kept",
                vi: "lưu ý: không lưu được lịch sử vào \(path); các câu lệnh của phiên này sẽ không được giữ lại")
    }

    public static let interrupted = Message(en: "interrupted", vi: "đã dừng")

    public static func pagerFailed(_ command: String) -> Message {
        Message(en: "the pager '\(command)' could not be started (set PAGER, or set pager off)",
                vi: "không chạy được trình xem '\(command)' (đặt PAGER, hoặc set pager off)")
    }

    /// `set timer on`: each statement's time.
    public static func statementTime(milliseconds: Double) -> Message {
        let figure = String(format: "%.2f", milliseconds)
        return Message(en: "time: \(figure) ms", vi: "thời gian: \(NumberText.vietnamese(figure)) ms")
    }

    /// The line a long load redraws at a terminal; sizes in MiB.
    /// A pass of the reader over a file's text; `step` is said when the load has more steps than the two
    /// passes (a workbook: its sheet's XML first).
    public static func loadProgress(_ file: String, pass: Int, step: (number: Int, of: Int)? = nil, done: String, of total: String,
                                    rate: String, secondsLeft: Int) -> Message {
        let stepEn = step.map { " (step \($0.number) of \($0.of))" } ?? "", stepVi = step.map { " (bước \($0.number)/\($0.of))" } ?? ""
        return Message(en: "loading \(file): pass \(pass) of 2\(stepEn), \(done) of \(total) MiB, \(rate) MiB/s, about \(secondsLeft) s left (Ctrl-C stops)",
                       vi: "đang nạp \(file): lượt \(pass)/2\(stepVi), \(done)/\(total) MiB, \(rate) MiB/s, còn khoảng \(secondsLeft) giây (Ctrl-C để dừng)")
    }
    /// A workbook's first step: expat's parse of the sheet's XML.
    public static func sheetProgress(_ file: String, steps: Int, done: String, of total: String, rate: String, secondsLeft: Int) -> Message {
        Message(en: "loading \(file): reading the sheet (step 1 of \(steps)), \(done) of \(total) MiB, \(rate) MiB/s, about \(secondsLeft) s left (Ctrl-C stops)",
                vi: "đang nạp \(file): đọc trang tính (bước 1/\(steps)), \(done)/\(total) MiB, \(rate) MiB/s, còn khoảng \(secondsLeft) giây (Ctrl-C để dừng)")
    }
    /// A remote engine says nothing of its progress until it answers, so the line says how long it has been.
    public static func remoteWait(_ server: String, seconds: Int) -> Message {
        Message(en: "waiting for \(server): \(seconds) s (Ctrl-C cancels the query)",
                vi: "đang chờ \(server): \(seconds) giây (Ctrl-C để huỷ truy vấn)")
    }

    // Tables at a terminal, records.
    public static func hiddenRows(_ hidden: Int, total: Int) -> Message {
        Message(en: "\(hidden) more \(hidden == 1 ? "row" : "rows") not shown (set rows \(total) to see all)",
                vi: "còn \(hidden) dòng không hiển thị (set rows \(total) để xem hết)")
    }

    public static func droppedColumns(_ names: [String], width: Int) -> Message {
        let list = names.joined(separator: ", ")
        return Message(en: "\(names.count) \(names.count == 1 ? "column" : "columns") left out to fit the terminal's \(width) columns: \(list) (set format line shows every column)",
                       vi: "bỏ bớt \(names.count) cột cho vừa màn hình rộng \(width) ký tự: \(list) (set format line để xem mọi cột)")
    }

    public static func recordHeading(_ row: Int) -> Message {
        Message(en: "-- row \(row) --", vi: "-- dòng \(row) --")
    }

    // Handouts and exports.
    public static let handoutTitle = Message(en: "solieu handout", vi: "Tài liệu solieu")
    public static let excelWordForCSV = Message(en: "'excel' writes a .csv file for Excel; an .xlsx workbook needs no such word",
                                                vi: "'excel' ghi tệp .csv cho Excel; sổ tính .xlsx không cần từ này")
    public static let exportFormats = Message(en: "export writes .csv, .json, .jsonl, .md or .xlsx files, or a chart as .svg",
                                              vi: "export ghi tệp .csv, .json, .jsonl, .md hoặc .xlsx, hoặc biểu đồ dạng .svg")

    /// What `export FILE.csv excel` wrote, in the line that reports it.
    public static let csvForExcel = Message(en: "CSV for Excel: UTF-8 with BOM, ; and decimal comma", vi: "CSV cho Excel: UTF-8 có BOM, dấu ; và dấu phẩy thập phân")

    /// The name of the sheet an exported workbook holds.
    public static let resultSheet = Message(en: "Result", vi: "Kết quả")

    /// A workbook that cannot be written, as Formats words the failure in each language.
    public static func workbookFailure(_ error: LoadError) -> Message {
        Message(en: error.reason + (error.hint.map { "; " + $0 } ?? ""),
                vi: (error.reasonVi ?? error.reason) + ((error.hintVi ?? error.hint).map { "; " + $0 } ?? ""))
    }

    /// Every message above once, with sample arguments: `Catalogue.all` lists them for the tests.
    static var shellMessages: [Message] { [
        bannerLoaded(("reports", 14), others: ["gso", "gso_regions", "provinces"]),
        bannerHelp,
        systemReason(ENOENT),
        errorWord,
        didYouMean(["rate", "rates"]),
        addFilter(["source=report", "source=gso"]),
        tryStatement,
        example,
        errorAt("q4.solieu:3:1", emptyStatement),
        failure(LanguageError(emptyStatement)),
        cannotReadFile("q4.solieu", noSuchFile),
        cannotWriteFile("out.csv", systemReason(ENOSPC)),
        cannotWriteResults(systemReason(EPIPE)),
        noSuchFile,
        folderNotFile,
        cannotWrite("out.csv", CocoaError(.fileWriteNoPermission)),
        noSuchScript,
        folderNotScript,
        cannotReadScript(systemReason(EACCES)),
        notUTF8(byte: 0xC3),
        scriptsTooDeep,
        cannotRunScript("quarterly.solieu", noSuchScript),
        historyNotSaved("history"),
        interrupted,
        pagerFailed("less -S -R -F -X"),
        statementTime(milliseconds: 1.25),
        loadProgress("households.csv", pass: 1, done: "120", of: "800", rate: "95", secondsLeft: 14),
        sheetProgress("ho_ngheo.xlsx", steps: 3, done: "40", of: "85", rate: "45", secondsLeft: 5),
        remoteWait("postgresql://an@127.0.0.1:5432/solieu", seconds: 3),
        hiddenRows(42, total: 62),
        droppedColumns(["origin"], width: 60),
        recordHeading(1),
        handoutTitle,
        excelWordForCSV,
        exportFormats,
        csvForExcel,
        resultSheet,
        workbookFailure(LoadError(file: "q4.xlsx", reason: "the workbook cannot be written", hint: "check the folder",
                                  vi: "không ghi được sổ tính", hintVi: "hãy kiểm tra thư mục")),
    ] }
}
