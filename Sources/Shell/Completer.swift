import Engine
import Foundation
import Language

/// What Tab offers: the characters before the cursor to replace, and the candidates to replace them with.
public struct Completion: Equatable {
    /// How many characters before the cursor the chosen candidate replaces.
    public var replacing: Int
    public var candidates: [String]
}

/// Context-aware completion: verbs at the start of a line; dataset names after `use` and `describe`; file
/// paths after `load`, `run` and `export` (and `encoding=` names after a path to load); verbs after `help`;
/// data values after `column=` (matched without accents, inserted with them, quoted when needed); otherwise
/// columns, measures and keywords, a name that needs backticks inserted in them or as its alias, so that
/// what Tab inserts runs.
public struct Completer {
    let session: Session

    public init(session: Session) { self.session = session }

    /// Verbs starting with `partial`; when no verb's own name does, their Vietnamese aliases (`so` offers
    /// `so_sanh`), so that `tr` still completes to trend alone.
    func verbNames(_ partial: String) -> [String] {
        let names = matching(partial, VerbRegistry.all.map(\.name))
        guard names.isEmpty, !partial.isEmpty else { return names }
        return matching(partial, VerbRegistry.all.flatMap(\.aliases).filter { $0.first?.isLetter ?? false })
    }

    public func complete(_ line: String) -> Completion {
        let text = line
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        let endsWithSpace = text.last == " "
        if words.isEmpty || (words.count == 1 && !endsWithSpace) {
            let partial = String(words.first ?? "")
            return Completion(replacing: partial.count, candidates: verbNames(partial))
        }
        // A Vietnamese alias completes as its verb does (`nap ` offers files, as `load ` does).
        let typedVerb = TextFolding.fold(String(words[0]))
        let verb = VerbRegistry.verb(named: typedVerb)?.name ?? typedVerb
        let rest = String(text.drop(while: { $0 == " " }).dropFirst(words[0].count).drop(while: { $0 == " " }))
        switch verb {
        case "load", "run", "export":
            if verb == "load", let option = loadOptionCompletion(rest) { return option }
            return Completion(replacing: rest.count, candidates: paths(rest))
        case "help":
            return Completion(replacing: rest.count, candidates: verbNames(rest))
        case "use", "describe":
            return Completion(replacing: rest.count, candidates: matching(rest, session.order))
        default:
            break
        }
        if let values = valueCompletion(text), !values.candidates.isEmpty { return values }
        if let open = Completer.openBacktick(text) {
            let partial = String(text[open...])
            return Completion(replacing: partial.count, candidates: backtickedNames(String(partial.dropFirst())))
        }
        let partial = endsWithSpace ? "" : String(words.last!)
        return Completion(replacing: partial.count, candidates: names(partial))
    }

    /// Columns, measures and keywords for a bare `partial`, each as it runs when inserted: a plain name as it
    /// is; a name that needs backticks by its alias when `partial` starts the alias, otherwise in backticks.
    func names(_ partial: String) -> [String] {
        var offered: [String] = []
        if let dataset = try? session.current() {
            let lower = partial.lowercased(), folded = TextFolding.fold(partial)
            for name in dataset.table.columnNames + dataset.measures.keys.sorted() {
                if let alias = dataset.columnAliases[name], alias.hasPrefix(lower) {
                    offered.append(alias)
                } else if TextFolding.fold(name).hasPrefix(folded) {
                    offered.append(NameSpelling.typed(name))
                }
            }
        }
        var seen = Set<String>()
        return (offered + matching(partial, Parser.keywords.sorted())).filter { seen.insert($0).inserted }
    }

    /// After an opening backtick: the columns and measures starting with `partial`, closed in backticks.
    func backtickedNames(_ partial: String) -> [String] {
        guard let dataset = try? session.current() else { return [] }
        return matching(partial, dataset.table.columnNames + dataset.measures.keys.sorted()).map { "`" + $0.replacingOccurrences(of: "`", with: "``") + "`" }
    }

    /// Where a backtick still open at the end of `text` starts (outside double quotes), or nil.
    static func openBacktick(_ text: String) -> String.Index? {
        var open: String.Index? = nil
        var inQuotes = false
        for index in text.indices {
            let c = text[index]
            if c == "\"" && open == nil { inQuotes.toggle() }
            if c == "`" && !inQuotes { open = open == nil ? index : nil }
        }
        return open
    }

    /// `column=partial` (or after `,` in a list): the column's values that start with `partial`, ignoring accents.
    func valueCompletion(_ text: String) -> Completion? {
        let characters = Array(text)
        var inQuotes = false, inBackticks = false
        var lastOperator: Int? = nil
        var lastComma: Int? = nil
        for (i, c) in characters.enumerated() {
            if c == "\"" && !inBackticks { inQuotes.toggle() }
            if c == "`" && !inQuotes { inBackticks.toggle() }
            if inQuotes || inBackticks { continue }
            if "=<>!".contains(c) { lastOperator = i; lastComma = nil }
            if c == "," { lastComma = i }
        }
        guard let op = lastOperator else { return nil }
        var nameEnd = op
        while nameEnd > 0 && "=<>!".contains(characters[nameEnd - 1]) { nameEnd -= 1 }
        var nameStart = nameEnd
        let columnName: String
        if nameEnd >= 2, characters[nameEnd - 1] == "`" {
            // `Tỉnh/Thành phố`=…: the name is everything back to the opening backtick.
            nameStart = nameEnd - 1
            while nameStart > 0 && characters[nameStart - 1] != "`" { nameStart -= 1 }
            columnName = String(characters[nameStart..<(nameEnd - 1)])
        } else {
            while nameStart > 0 && characters[nameStart - 1] != " " { nameStart -= 1 }
            columnName = String(characters[nameStart..<nameEnd])
        }
        let valueStart = (lastComma ?? op) + 1
        var partial = String(characters[valueStart...])
        let replacing = partial.count
        if partial.hasPrefix("\"") { partial.removeFirst() }
        guard let dataset = try? session.current(), case .found(let column) = dataset.matchColumn(columnName) else { return nil }
        var values: [String]
        switch column.storage {
        case .text(let text): values = text.dictionary
        case .boolean: values = ["true", "false"]
        case .integer, .decimal:
            let distinct = Set((0..<column.count).compactMap { column.isPresent($0) ? column.value(at: $0).description : nil }.prefix(10_000))
            values = distinct.count <= 200 ? Array(distinct) : []
        }
        let folded = TextFolding.fold(partial)
        let found = values.filter { TextFolding.fold($0).hasPrefix(folded) }.sorted(by: VietnameseCollation.precedes)
        return Completion(replacing: replacing, candidates: found.map(Literal.typed))
    }

    /// Names starting with `partial`, accent- and case-insensitively, in Vietnamese order, no repeats.
    func matching(_ partial: String, _ names: [String]) -> [String] {
        let folded = TextFolding.fold(partial)
        var seen = Set<String>()
        return names.filter { TextFolding.fold($0).hasPrefix(folded) && seen.insert($0).inserted }
    }

    /// Files and folders starting with `partial` (folders end in `/`); hidden files only when asked for.
    func paths(_ partial: String) -> [String] {
        let typedFolder = partial.lastIndex(of: "/").map { String(partial[...$0]) } ?? ""
        let namePrefix = String(partial.dropFirst(typedFolder.count))
        var folder = typedFolder.isEmpty ? "./" : typedFolder
        if folder.hasPrefix("~/") { folder = NSHomeDirectory() + folder.dropFirst() }
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return listed.filter { $0.hasPrefix(namePrefix) && ($0.hasPrefix(".") == namePrefix.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + name, isDirectory: &isDirectory)
            return typedFolder + name + (isDirectory.boolValue ? "/" : "")
        }
    }
}
