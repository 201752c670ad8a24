import Formats

/// The words of `load PATH [as NAME] [OPTION …]`: a path (quoted with "…" when it holds spaces that
/// could be read as options), an optional dataset name, then options such as `repair`, `encoding=cp1258`,
/// `header=4`, `header=none`, `skip=3`, `table=2`, `sheet="Biểu 01"`.
public struct LoadArguments: Equatable {
    public var path: String
    public var name: String?
    public var options: LoadOptions

    /// - Throws: `LanguageError` naming the word that is not understood, at its column in `span`.
    public static func parse(_ text: String, span: SourceSpan) throws -> LoadArguments {
        var words = LoadArguments.words(of: text)
        var options = LoadOptions()
        var name: String?
        // Options and `as NAME` are taken from the end, so a path with spaces needs no quotes.
        while let last = words.last {
            let lowered = last.text.lowercased()
            if lowered == "repair" || lowered == "sửa" || lowered == "sua" {
                options.repair = true
            } else if let equals = last.text.firstIndex(of: "="), LoadOptions.words.contains(lowered[..<equals] + "=") {
                let key = lowered[..<equals]
                let value = unquote(String(last.text[last.text.index(after: equals)...]))
                let at = SourceSpan(line: span.line, column: span.column + last.offset, endColumn: span.column + last.offset + last.text.count)
                try apply(String(key), value, to: &options, at: at)
            } else if words.count >= 3, words[words.count - 2].text.lowercased() == "as" {
                guard name == nil else { break }
                name = unquote(last.text)
                words.removeLast()
            } else {
                break
            }
            words.removeLast()
        }
        let path = unquote(words.map(\.text).joined(separator: " ")).trimmingCharacters(in: .whitespaces)
        return LoadArguments(path: path, name: name, options: options)
    }

    private static func apply(_ key: String, _ value: String, to options: inout LoadOptions, at span: SourceSpan) throws {
        func number() throws -> Int {
            guard let n = Int(value), n >= (key == "skip" ? 0 : 1) else {
                throw LanguageError(Catalogue.wholeNumberArgument(key, value: value),
                                    at: span, example: "load baocao.csv \(key)=\(key == "skip" ? "3" : "2")")
            }
            return n
        }
        switch key {
        case "encoding":
            guard !value.isEmpty else {
                throw LanguageError(Catalogue.encodingNameNeeded, at: span,
                                    suggestions: TextEncodingNames.known.map { "encoding=" + $0 }, example: "load baocao.csv encoding=cp1258")
            }
            guard TextEncoding(named: value) != nil else {
                let known = TextEncodingNames.nearestFirst(to: value)
                throw LanguageError(Catalogue.unknownEncoding(value, known: known.joined(separator: ", ")),
                                    at: span, suggestions: known.prefix(3).map { "encoding=" + $0 }, example: "load baocao.csv encoding=\(known[0])")
            }
            options.encoding = value
        case "header":
            if ["none", "no", "khong", "không"].contains(value.lowercased()) { options.header = .none } else { options.header = .line(try number()) }
        case "skip": options.skip = try number()
        case "table": options.table = try number()
        case "sheet": options.sheet = value
        default: break
        }
    }

    /// Words split at spaces outside double quotes, each with its character offset in `text`.
    static func words(of text: String) -> [(text: String, offset: Int)] {
        var result: [(String, Int)] = []
        var current = "", start = 0, inQuotes = false
        for (i, ch) in text.enumerated() {
            if ch == "\"" { inQuotes.toggle() }
            if ch == " " && !inQuotes {
                if !current.isEmpty { result.append((current, start)) }
                current = ""
                start = i + 1
            } else {
                if current.isEmpty { start = i }
                current.append(ch)
            }
        }
        if !current.isEmpty { result.append((current, start)) }
        return result
    }

    static func unquote(_ text: String) -> String {
        if text.count >= 2, (text.hasPrefix("\"") && text.hasSuffix("\"")) || (text.hasPrefix("`") && text.hasSuffix("`")) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}
