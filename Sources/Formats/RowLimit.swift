/// The most rows one dataset holds. The engine keeps row numbers in 32 bits (selections, groupings, the
/// first row of each group), which halves the memory of every selection; a file with more rows is refused
/// at load with what to do, never wrapped.
public enum RowLimit {
    public static let maximum = Int(Int32.max)

    /// - Throws: `LoadError` when `rows` is more than one dataset holds.
    public static func check(_ rows: Int, file: String) throws {
        guard rows > maximum else { return }
        throw LoadError(
            file: file,
            reason: "the file has \(rows) rows, more than the \(maximum) one dataset can hold",
            hint: "split it (for example one file per year) and load each part, or keep it in PostgreSQL and use connect",
            vi: "tệp có \(rows) dòng, nhiều hơn \(maximum) dòng mà một bộ dữ liệu chứa được",
            hintVi: "hãy tách tệp (ví dụ mỗi năm một tệp) rồi nạp từng phần, hoặc để dữ liệu trong PostgreSQL và dùng connect")
    }
}
