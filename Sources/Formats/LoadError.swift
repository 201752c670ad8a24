/// A place in an input file: 1-based line and column (the column counts characters, not bytes).
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// Why a file could not be loaded, where, and what to do about it. No partial table is ever registered.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var position: SourcePosition?
    public var file: String
    public var reason: String
    /// What the user can do, in one sentence.
    public var hint: String?
    /// The reason and hint in Vietnamese, shown after `set language vi`.
    public var reasonVi: String?
    public var hintVi: String?
    /// The offset of the first byte that is not UTF-8, when that is the error: the loader then tries the
    /// Vietnamese legacy encodings before giving up.
    var undecodedByte: Int?

    public init(file: String, position: SourcePosition? = nil, reason: String, hint: String? = nil,
                vi reasonVi: String? = nil, hintVi: String? = nil) {
        self.file = file
        self.position = position
        self.reason = reason
        self.hint = hint
        self.reasonVi = reasonVi
        self.hintVi = hintVi
    }

    /// The error in Vietnamese (falling back to English where no translation was given).
    public var vietnameseDescription: String {
        let place = position.map(\.description) ?? file
        return "\(place): lỗi: \(reasonVi ?? reason)" + ((hintVi ?? hint).map { "\n  gợi ý: \($0)" } ?? "")
    }

    public var description: String {
        let place = position.map(\.description) ?? file
        return "\(place): error: \(reason)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}
