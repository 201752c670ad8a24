import Formats

extension Completer {
    /// After `load PATH `, the option being typed: `encoding=` and the encoding names after it.
    /// - Returns: nil while the path itself is being typed (no space yet) or the word is no option's beginning.
    func loadOptionCompletion(_ rest: String) -> Completion? {
        guard let space = rest.lastIndex(of: " ") else { return nil }
        let partial = String(rest[rest.index(after: space)...])
        let key = "encoding="
        if partial.lowercased().hasPrefix(key) {
            let typed = partial.dropFirst(key.count).lowercased()
            return Completion(replacing: partial.count, candidates: TextEncodingNames.known.filter { $0.hasPrefix(typed) }.map { key + $0 })
        }
        if partial.count >= 3 && key.hasPrefix(partial.lowercased()) {
            return Completion(replacing: partial.count, candidates: [key])
        }
        return nil
    }
}
