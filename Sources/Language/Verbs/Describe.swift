import Formats
import Foundation
import Engine

extension Verb {
    static let describe = Verb(
        name: "describe", aliases: ["mo_ta", "mota"], arguments: .clauses,
        syntax: "describe [DATASET]",
        summary: Message(en: "the columns of a dataset: type, counts, range, number convention", vi: "các cột của một bộ dữ liệu: kiểu, số lượng, khoảng giá trị, quy ước số"),
        details: Message(
            en: "One row per column: its type, how many values are present and missing, how many are distinct, the smallest and largest, and the number convention the loader detected (decimal comma, thousands dot, percent sign; `exact, 2 places` for decimals written with at most two places, on which + - * and comparisons are exact while mean, stddev and / are doubles). Columns added with let and measures defined with measure are listed under the table. A column whose name is not one plain word has an alias, shown in the alias column: its name without accents in lower case, every space or punctuation an underscore (`Tỷ lệ giảm (%)` is ty_le_giam), numbered (_2) when another name has it already; the alias and the name in backticks both name the column.",
            vi: "Mỗi cột một dòng: kiểu, số giá trị có và thiếu, số giá trị khác nhau, nhỏ nhất và lớn nhất, và quy ước số khi nạp (dấu phẩy thập phân, dấu chấm hàng nghìn, dấu phần trăm; `chính xác, 2 chữ số thập phân` cho số thập phân viết với tối đa hai chữ số lẻ, trên đó + - * và phép so sánh là chính xác, còn mean, stddev và / là số thực dấu phẩy động). Các cột thêm bằng let và chỉ số đặt bằng measure được liệt kê dưới bảng. Cột có tên không phải một từ đơn có tên gọi thay thế, ở cột tên gõ: tên bỏ dấu, chữ thường, mỗi dấu cách hay dấu câu thành dấu gạch dưới (`Tỷ lệ giảm (%)` là ty_le_giam), thêm số (_2) khi tên đó đã có; cả tên gọi thay thế và tên trong dấu ` đều chỉ cột đó."),
        examples: ["describe provinces", "let `Tỷ lệ giảm (%)` = rate_cut", "describe"],
        action: { statement, session in .table(try describeDataset(statement, session)) })
}

func describeDataset(_ statement: Statement, _ session: Session) throws -> ResultTable {
    try rejectClauses(statement, allowed: [.items], verb: "describe")
    let dataset: Dataset
    if let item = statement.clauses.items.first {
        guard case .name(let name) = item, statement.clauses.items.count == 1 else {
            throw LanguageError(Catalogue.describeTakesOneName, at: item.span, example: "describe reports")
        }
        dataset = try session.dataset(named: name)
    } else {
        dataset = try session.current(at: statement.verb.span)
    }
    let table = dataset.table
    let all = Grouping(single: .all(count: table.rowCount))
    // A table on a server: every column's counts and range in one query, computed there.
    let remote = try dataset.remote.map { _ in try remoteColumnSummary(dataset, session) }
    let language = session.settings.language
    var names: [Value] = [], types: [Value] = [], present: [Value] = [], missing: [Value] = []
    var distinct: [Value] = [], lows: [Value] = [], highs: [Value] = [], conventions: [Value] = []
    for column in table.columns {
        names.append(.text(column.name))
        types.append(.text(Catalogue.typeName(column.type.rawValue, session.settings.language)))
        if let summary = remote?[column.name] {
            present.append(summary.present)
            missing.append(summary.missing)
            distinct.append(summary.distinct)
            lows.append(summary.low)
            highs.append(summary.high)
            conventions.append(dataset.derivedColumns[column.name].map { .text("let \(NameSpelling.typed(column.name)) = \($0)") } ?? .missing)
            continue
        }
        present.append(.integer(Int64(column.count - column.missingCount)))
        missing.append(.integer(Int64(column.missingCount)))
        distinct.append(try column.aggregate(.countDistinct, all).value(at: 0))
        switch column.storage {
        case .integer, .decimal:
            lows.append(.text(displayCell(try column.aggregate(.min, all).value(at: 0), language)))
            highs.append(.text(displayCell(try column.aggregate(.max, all).value(at: 0), language)))
        case .text(let text):
            let ordered = text.dictionary.sorted(by: VietnameseCollation.precedes)
            lows.append(ordered.first.map { .text(shortened($0)) } ?? .missing)
            highs.append(ordered.last.map { .text(shortened($0)) } ?? .missing)
        case .boolean:
            lows.append(.missing)
            highs.append(.missing)
        }
        // Exact decimals say so: + - * and comparisons on them are exact; a mean or a ratio is a double.
        let exact = column.annotations.decimalPlaces.map { Catalogue.exactPlaces($0).text(language) }
        let read = (column.annotations.convention?.components(separatedBy: ", ") ?? [])
            + (column.annotations.isPercentage && column.annotations.convention == nil ? ["percent"] : [])
        var convention = (read.map { Catalogue.conventionWord($0).text(language) } + [exact].compactMap { $0 }).joined(separator: ", ")
        if let derived = dataset.derivedColumns[column.name] {
            convention = "let \(NameSpelling.typed(column.name)) = \(derived)" + (exact.map { " (\($0))" } ?? "")
        }
        conventions.append(convention.isEmpty ? .missing : .text(convention))
    }
    // The alias column appears only when some name needs backticks, so plain datasets read as before.
    let aliases: [Column] = dataset.columnAliases.isEmpty ? [] : [Column(name: Catalogue.alias.en, values: table.columns.map { column in
        dataset.columnAliases[column.name].map { .text($0) } ?? .missing
    })]
    let result = try Table(name: "describe", columns: [
        Column(name: Catalogue.column.en, values: names)] + aliases + [Column(name: Catalogue.type.en, values: types),
        Column(name: Catalogue.present.en, values: present), Column(name: Catalogue.missing.en, values: missing),
        Column(name: Catalogue.distinct.en, values: distinct), Column(name: Catalogue.minimum.en, values: lows),
        Column(name: Catalogue.maximum.en, values: highs), Column(name: Catalogue.convention.en, values: conventions),
    ])
    let rowCount = try dataset.rowCount()
    var notes = [Catalogue.describeSummary(dataset.name, rows: rowCount, columns: table.columns.count, from: dataset.origin)]
    if let recognised = dataset.provinceColumn, let gazetteer = dataset.gazetteer,
       case .text(let text)? = table.column(named: recognised.name)?.storage {
        let covered = Set(text.dictionary.compactMap { gazetteer.code(for: $0) }).count
        notes.append(Catalogue.provinceColumnNote(recognised.name, covers: covered, of: gazetteer.codes.count,
                                                  otherValues: recognised.otherValues, added: recognised.addedColumns))
    }
    for column in table.columns {
        if let decision = column.annotations.decision {
            notes.append(Catalogue.columnDecision(column.name, decision, column.annotations.decision(vietnamese: true)))
        }
    }
    for measure in dataset.measures.values.sorted(by: { $0.name < $1.name }) {
        notes.append(Catalogue.measureDescribed(measure.name, definedAs: measure.expression.sourceText, percent: measure.isPercentage))
    }
    return ResultTable(table: result, notes: notes, roles: ["present": .value, "missing": .value, "distinct": .value],
                       localizedHeaders: Catalogue.headers(Catalogue.column, Catalogue.alias, Catalogue.type, Catalogue.present, Catalogue.missing,
                                                           Catalogue.distinct, Catalogue.minimum, Catalogue.maximum, Catalogue.convention))
}

/// A number as a short text cell (for describe's min/max, which mix numbers and words).
func displayCell(_ value: Value) -> String {
    switch value {
    case .decimal(let d): formatNumber(d)
    default: value.description
    }
}

/// A smallest or largest value as `describe` shows it in `language`: a decimal comma in Vietnamese
/// (`1,86`), as the table's numbers have.
func displayCell(_ value: Value, _ language: Language) -> String {
    guard case .decimal = value else { return displayCell(value) }
    return NumberText.text(displayCell(value), language)
}

func shortened(_ text: String) -> String { text.count > 30 ? String(text.prefix(29)) + "…" : text }

/// describe's counts and range of each column of a table on a server, from one grouped query.
private func remoteColumnSummary(_ dataset: Dataset, _ session: Session) throws
    -> [String: (present: Value, missing: Value, distinct: Value, low: Value, high: Value)] {
    var plan = QueryPlan(dataset: dataset.name)
    let rows = plan.add(.countRows, nil)
    var asked: [(column: Column, present: String, distinct: String, low: String?, high: String?)] = []
    for column in dataset.table.columns {
        let argument = Expression.column(column.name)
        let ranged = column.type != .boolean
        asked.append((column, plan.add(.aggregate(.count), argument), plan.add(.aggregate(.countDistinct), argument),
                      ranged ? plan.add(.aggregate(.min), argument) : nil, ranged ? plan.add(.aggregate(.max), argument) : nil))
    }
    let answer = try EmptyAnswer.$isAccepted.withValue(true) { try session.executor(for: dataset).groups(plan) }
    func cell(_ name: String?) -> Value { name.flatMap { answer.column(named: $0)?.value(at: 0) } ?? .missing }
    let total = cell(rows).number ?? 0
    var summary: [String: (present: Value, missing: Value, distinct: Value, low: Value, high: Value)] = [:]
    for item in asked {
        let present = cell(item.present).number ?? 0
        let shown: (Value) -> Value = { v in v.isMissing ? .missing : .text(shortened(displayCell(v))) }
        summary[item.column.name] = (.integer(Int64(present)), .integer(Int64(total - present)), cell(item.distinct),
                                     shown(cell(item.low)), shown(cell(item.high)))
    }
    return summary
}
