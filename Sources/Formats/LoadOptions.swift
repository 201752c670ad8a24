/// How the user asked a file to be read: the words after the path in `load PATH …`.
/// Everything defaults to detection; each option overrides one decision the load report states.
public struct LoadOptions: Sendable, Equatable {
    /// Where the header row is: found by looking (the default), a given 1-based line, or no header at all.
    public enum Header: Sendable, Equatable {
        case detect
        case line(Int)
        case none
    }

    /// The text encoding (`encoding=cp1258`), or nil to detect it (UTF-8, UTF-16 by its byte-order mark,
    /// or a Vietnamese single-byte encoding recognised from its letters).
    public var encoding: String?
    public var header: Header = .detect
    /// Lines to pass over before the header is looked for (`skip=3`).
    public var skip: Int = 0
    /// Load a file with damaged rows: repair what can be repaired, list every such line in `NAME_rejects`.
    public var repair: Bool = false
    /// Which table of a file holding several, one after another (`table=2`); 1 is the first.
    public var table: Int = 1
    /// The sheet of a workbook (`sheet="Biểu 01"` or `sheet=2`); nil is the first.
    public var sheet: String?

    public init(encoding: String? = nil, header: Header = .detect, skip: Int = 0, repair: Bool = false, table: Int = 1, sheet: String? = nil) {
        self.encoding = encoding
        self.header = header
        self.skip = skip
        self.repair = repair
        self.table = table
        self.sheet = sheet
    }

    /// The option words `load` knows, for help and completion.
    public static let words = ["repair", "encoding=", "header=", "skip=", "table=", "sheet="]
}

/// The encoding names `load … encoding=` accepts, for help, completion and the error for an unknown one.
public enum TextEncodingNames {
    public static let known = ["utf-8", "utf-16", "cp1258", "tcvn3", "vni", "viscii"]
}
