/// Script parameters: `$name` and `${name}` in a statement are replaced by the value given with
/// `solieu --set name=VALUE`, so one quarterly script serves every year and province. `$$` is a `$`.
public enum Parameters {
    /// `text` with every parameter replaced.
    /// - Throws: `LanguageError` naming a parameter that was not given, at its column (of `line`).
    public static func substitute(_ text: String, _ values: [String: String], line: Int = 1) throws -> String {
        guard text.contains("$") else { return text }
        let characters = Array(text)
        var out = ""
        var i = 0
        while i < characters.count {
            guard characters[i] == "$", i + 1 < characters.count else { out.append(characters[i]); i += 1; continue }
            if characters[i + 1] == "$" { out.append("$"); i += 2; continue }
            let braced = characters[i + 1] == "{"
            var end = braced ? i + 2 : i + 1
            while end < characters.count, isNameCharacter(characters[end]) { end += 1 }
            let name = String(characters[(braced ? i + 2 : i + 1)..<end])
            if name.isEmpty || (braced && (end >= characters.count || characters[end] != "}")) {
                if !braced { out.append("$"); i += 1; continue }
                throw LanguageError(Catalogue.parameterNameNeeded,
                                    at: SourceSpan(line: line, column: i + 1, endColumn: end + 1), example: "compare province=${province} year=$year rate")
            }
            let last = braced ? end + 1 : end
            guard let value = values[name] else {
                let given = values.keys.sorted()
                throw LanguageError(
                    Catalogue.parameterNotGiven(name),
                    at: SourceSpan(line: line, column: i + 1, endColumn: last + 1),
                    suggestions: Suggestions.nearest(name, among: given).map { "$" + $0 },
                    example: "solieu --set \(name)=2023 quarterly.solieu")
            }
            out += value
            i = last
        }
        return out
    }

    static func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
}
