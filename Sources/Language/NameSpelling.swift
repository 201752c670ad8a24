import Engine

/// How a column or dataset name is written in a statement: as it is when it reads as one word, otherwise in
/// backticks, or through its ASCII snake-case alias (`Số hộ nghèo` → `so_ho_ngheo`).
public enum NameSpelling {
    /// Whether `name` can be typed as it is: the lexer reads it as one word that is not a number, a keyword
    /// or a signed number (`rate`, `năm`, `TP.HCM`; not `Số hộ nghèo`, `change (pp)`, `by`, `2021`).
    public static func isPlain(_ name: String) -> Bool {
        let characters = Array(name)
        guard let first = characters.first, Lexer.isWordCharacter(first), Lexer.readWord(characters, from: 0) == characters.count else { return false }
        return !Parser.isKeyword(name) && Literal(text: name, quoted: false, span: SourceSpan(column: 1, endColumn: 2)).number == nil
    }

    /// `name` as it must be typed to mean itself: unchanged when plain, otherwise in backticks (a backtick
    /// inside it doubled).
    public static func typed(_ name: String) -> String {
        isPlain(name) ? name : "`" + name.replacingAll("`", with: "``") + "`"
    }

    /// The ASCII snake-case form names are matched by: no accents, lower case, `đ` → `d`, every run of other
    /// characters one `_`, none at either end. `Tỷ lệ hộ nghèo (%)` → `ty_le_ho_ngheo`,
    /// `Số hộ nghèo - Tổng số` → `so_ho_ngheo_tong_so`, `SO_HO_NGHEO` → `so_ho_ngheo`. Empty when the name
    /// has no ASCII letter or digit.
    public static func key(_ name: String) -> String {
        var out = ""
        var pendingSeparator = false
        for scalar in TextFolding.fold(name).unicodeScalars {
            let isAlphanumeric = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if isAlphanumeric {
                if pendingSeparator && !out.isEmpty { out.append("_") }
                pendingSeparator = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        return out
    }

    /// The alias a column gets before clashes are numbered: its key, with `col_` before a leading digit
    /// (so it stays a name, not a number), or `column_N` (N from 1) when the key is empty.
    static func aliasBase(_ name: String, position: Int) -> String {
        let key = key(name)
        guard let first = key.first else { return "column_\(position + 1)" }
        let base = first.isNumber ? "col_" + key : key
        return Parser.isKeyword(base) ? base + "_column" : base
    }

    /// The name a dataset called `typed` (a file's name) is known by: `typed` when plain, otherwise its key
    /// (`Báo cáo 2023` → `bao_cao_2023`), `data_` before a leading digit, `dataset_N` (N from 1) when empty;
    /// with the note that says so, or nil when nothing was changed.
    public static func datasetName(_ typed: String, position: Int) -> (name: String, note: Message?) {
        guard !isPlain(typed) else { return (typed, nil) }
        let key = key(typed)
        var name = key.first.map { $0.isNumber ? "data_" + key : key } ?? "dataset_\(position + 1)"
        if Parser.isKeyword(name) { name += "_data" }
        return (name, Catalogue.datasetRenamed(name, from: typed))
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free, for the Language target).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
