import Engine

/// Decides which distinct values of a text column a filter value means, once per dictionary entry.
///
/// Matching ignores case, accents and spacing (`ninh binh`, `NINH  BÌNH` → `Ninh Bình`; `Hoà Bình` =
/// `Hòa Bình`). When the user typed diacritics and several values differ only in them, the typed
/// diacritics decide (`Hà` is not `Hạ`). A value that matches nothing is an error naming the nearest.
struct TextMatcher {
    let column: Column
    let dictionary: [String]
    /// For a province column: values are matched by the province they name (`HCM` = `TP. Hồ Chí Minh`).
    var gazetteer: Gazetteer? = nil

    func mask(for filter: Filter) throws -> [Bool] {
        var mask = [Bool](repeating: false, count: dictionary.count)
        switch (filter.value, filter.comparison) {
        case (.range(let low, let high), let op):
            let lowKey = VietnameseCollation.key(TextFolding.fold(low.text))
            let highKey = VietnameseCollation.key(TextFolding.fold(high.text))
            for (code, text) in dictionary.enumerated() {
                let key = VietnameseCollation.key(TextFolding.fold(text))
                let inside = !key.lexicographicallyPrecedes(lowKey) && !highKey.lexicographicallyPrecedes(key)
                mask[code] = op == .equal ? inside : !inside
            }
        case (_, .equal), (_, .notEqual):
            for literal in filter.value.literals {
                for code in try codes(matching: literal) { mask[code] = true }
            }
            if filter.comparison == .notEqual { mask = mask.map { !$0 } }
        case (.single(let literal), let op):
            let typedKey = VietnameseCollation.key(TextFolding.fold(literal.text))
            for (code, text) in dictionary.enumerated() {
                let key = VietnameseCollation.key(TextFolding.fold(text))
                let order = key.lexicographicallyPrecedes(typedKey) ? -1 : (typedKey.lexicographicallyPrecedes(key) ? 1 : 0)
                switch op {
                case .less: mask[code] = order < 0
                case .lessOrEqual: mask[code] = order <= 0
                case .greater: mask[code] = order > 0
                case .greaterOrEqual: mask[code] = order >= 0
                default: break
                }
            }
        case (.list, _):
            break  // the parser allows lists with = and != only
        }
        return mask
    }

    /// Among values that fold alike, the ones whose diacritics are those typed (if the user typed any and
    /// some value has them): `Hạ Nam` is not `Hà Nam`.
    func preferTypedDiacritics(_ typed: String, _ codes: [Int]) -> [Int] {
        guard TextFolding.hasDiacritics(typed) else { return codes }
        let form = TextFolding.toneNormalized(typed)
        let exact = codes.filter { TextFolding.toneNormalized(dictionary[$0]) == form }
        return exact.isEmpty ? codes : exact
    }

    /// Dictionary codes `literal` means. - Throws: `LanguageError` with the nearest values when none.
    func codes(matching literal: Literal) throws -> [Int] {
        if let gazetteer, let province = gazetteer.code(for: literal.text) {
            var codes = dictionary.indices.filter { gazetteer.code(for: dictionary[$0]) == province }
            if codes.count > 1 { codes = preferTypedDiacritics(literal.text, codes) }
            if !codes.isEmpty { return codes }
            let name = gazetteer.provinces[province]!.name
            throw LanguageError(
                Catalogue.provinceWithoutRows(literal.text, is: name),
                at: literal.span, example: dictionary.first.map { "\(NameSpelling.typed(column.name))=\(Literal.typed($0))" })
        }
        let folded = TextFolding.fold(literal.text)
        var codes = dictionary.indices.filter { TextFolding.fold(dictionary[$0]) == folded }
        if codes.count > 1 { codes = preferTypedDiacritics(literal.text, codes) }
        guard codes.isEmpty else { return codes }
        let present = dictionary  // the dictionary holds only values that occur
        throw LanguageError(
            Catalogue.noValueMatches(literal.text, in: column.name),
            at: literal.span, suggestions: Suggestions.nearest(literal.text, among: present).map(Literal.typed),
            example: present.first.map { "\(NameSpelling.typed(column.name))=\(Literal.typed($0))" })
    }
}
