import Engine

extension Verb {
    static let letVerb = Verb(
        name: "let", arguments: .definition,
        syntax: "let NAME = EXPRESSION",
        summary: Message(en: "add a column computed row by row", vi: "thêm một cột tính theo từng dòng"),
        details: Message(
            en: "EXPRESSION uses columns, numbers and \"text\", + - * /, comparisons (= != < <= > >=), if(condition, then, else), round(x[, places]), abs, log (natural), log10, lower, upper and fold (no accents). A missing value in gives a missing value out; division by zero gives a missing value. A NAME with spaces or punctuation is written in backticks, and gets an alias that needs none (`Số hộ nghèo` is also so_ho_ngheo).",
            vi: "BIỂU_THỨC dùng các cột, số và \"chữ\", + - * /, so sánh (= != < <= > >=), if(điều kiện, thì, không thì), round(x[, số chữ số]), abs, log (tự nhiên), log10, lower, upper và fold (bỏ dấu). Giá trị thiếu vào thì giá trị thiếu ra; chia cho 0 cho giá trị thiếu. TÊN có dấu cách hoặc dấu câu được viết trong dấu `, và có tên gọi thay thế không cần dấu đó (`Số hộ nghèo` còn gọi là so_ho_ngheo)."),
        examples: ["let rate_fall = rate_cut * 1", "let high = if(rate > 10, \"high\", \"low\")", "show province year rate high",
                   "let `Số hộ nghèo` = poor_households", "sum `Số hộ nghèo` province=Quảng Nam", "sum SO_HO_NGHEO province=Kon Tum"],
        action: { statement, session in
            let definition = statement.definition!
            let dataset = try session.current(at: statement.verb.span)
            let binder = Binder(dataset: dataset)
            try checkNewName(definition.name, dataset: dataset, allowColumn: true)
            if let existing = dataset.table.columns.first(where: { TextFolding.fold($0.name) == TextFolding.fold(definition.name.text) }),
               dataset.derivedColumns[existing.name] == nil {
                // Data that was loaded is never overwritten; a column made by let may be redefined.
                throw LanguageError(Catalogue.columnFromData(dataset.name, column: existing.name),
                                    at: definition.name.span, example: "let \(NameSpelling.typed(existing.name + "_2")) = \(definition.expression.sourceText)")
            }
            // On a server the column is computed in each query, from its expression; here only its type is found.
            let column = try RowEvaluator(binder: binder).evaluate(definition.expression, name: definition.name.text)
            let aliasNotes = try session.updateCurrent { dataset in
                dataset.table = try dataset.table.adding(column)
                dataset.derivedColumns[column.name] = definition.expression.sourceText
                dataset.remote?.derived[column.name] = definition.expression
                dataset.remote?.columnTypes[column.name] = column.type
            }
            var present = column.count - column.missingCount, missing = column.missingCount
            if dataset.remote != nil {
                // Counted on the server, where the column is computed in each query from its expression.
                let updated = try session.current()
                var plan = QueryPlan(dataset: updated.name)
                let rows = plan.add(.countRows, nil), values = plan.add(.aggregate(.count), .column(column.name))
                let counts = try EmptyAnswer.$isAccepted.withValue(true) { try session.executor(for: updated).groups(plan) }
                present = Int(counts.column(named: values)?.value(at: 0).number ?? 0)
                missing = Int(counts.column(named: rows)?.value(at: 0).number ?? 0) - present
            }
            let shown = NameSpelling.typed(column.name)
            return .report([Catalogue.columnAdded(shown, type: column.type.rawValue, present: present, missing: missing, to: dataset.name).text(session.settings.language)]
                         + aliasNotes.map { $0.text(session.settings.language) })
        })

    static let measure = Verb(
        name: "measure", aliases: ["chi_so", "chiso"], arguments: .definition,
        syntax: "measure NAME = EXPRESSION [as percent]",
        summary: Message(en: "name an aggregate, usable wherever a measure is", vi: "đặt tên cho một phép gộp, dùng được ở mọi chỗ cần chỉ số"),
        details: Message(
            en: "EXPRESSION combines rows with count(), count(x), count_distinct(x), sum, mean (avg), min, max, median, stddev, and numbers, + - * / and round. A measure named like a rate (rate, …_rate) or declared `as percent` is a percentage: its changes are in percentage points. Example on household data: measure rate = 100 * mean(poor).",
            vi: "BIỂU_THỨC gộp các dòng bằng count(), count(x), count_distinct(x), sum, mean (avg), min, max, median, stddev, cùng số, + - * / và round. Chỉ số có tên như tỷ lệ (rate, …_rate) hoặc khai báo `as percent` là phần trăm: thay đổi tính bằng điểm phần trăm. Ví dụ với dữ liệu hộ: measure rate = 100 * mean(poor)."),
        examples: ["measure households_left = sum(left_poverty)", "show households_left by province"],
        action: { statement, session in
            let definition = statement.definition!
            let dataset = try session.current(at: statement.verb.span)
            let binder = Binder(dataset: dataset)
            try checkNewName(definition.name, dataset: dataset, allowColumn: false)
            let evaluator = MeasureEvaluator(binder: binder)
            // Planned now, so a mistake shows where it was typed, not at first use (nothing is computed).
            var plan = QueryPlan(dataset: dataset.name)
            _ = try evaluator.formula(definition.expression, &plan)
            let hinted = try evaluator.percentHint(definition.expression)
            let percent = definition.asPercent || Column.nameMeansRate(definition.name.text) || hinted
            let replaced = dataset.measures.keys.filter { TextFolding.fold($0) == TextFolding.fold(definition.name.text) }
            try session.updateCurrent { dataset in
                // One measure per name, whatever its case or accents.
                for key in replaced { dataset.measures[key] = nil }
                dataset.measures[definition.name.text] = MeasureDefinition(name: definition.name.text, expression: definition.expression, isPercentage: percent)
            }
            return .report([Catalogue.measureDefined(definition.name.text, definedAs: definition.expression.sourceText, percent: percent, replacing: replaced).text(session.settings.language)])
        })
}

/// A new name must not be a keyword or an aggregate function, nor (for a measure) a column's name.
private func checkNewName(_ name: Name, dataset: Dataset, allowColumn: Bool) throws {
    let folded = TextFolding.fold(name.text)
    if Parser.keywords.contains(folded) || AggregateCall.functionNames.contains(folded) {
        throw LanguageError(Catalogue.reservedWord(name.text), at: name.span)
    }
    // An alias or another spelling of a column stays that column's: a new name may not shadow it.
    switch dataset.matchColumn(name.text) {
    case .found(let column) where TextFolding.fold(column.name) != folded:
        throw LanguageError(Catalogue.namesColumn(name.text, column: NameSpelling.typed(column.name), of: dataset.name),
                            at: name.span, example: "\(allowColumn ? "let" : "measure") \(NameSpelling.typed(name.text + "_new")) = 1")
    case .ambiguous(let columns):
        let list = columns.map { NameSpelling.typed($0.name) }.joined(separator: ", ")
        throw LanguageError(Catalogue.namesColumns(name.text, columns: list, of: dataset.name),
                            at: name.span, example: "\(allowColumn ? "let" : "measure") \(NameSpelling.typed(name.text + "_new")) = 1")
    default:
        break
    }
    if allowColumn, dataset.measures.keys.contains(where: { TextFolding.fold($0) == folded }) {
        throw LanguageError(Catalogue.measureHasName(dataset.name, measure: name.text), at: name.span)
    }
    if !allowColumn, dataset.table.columns.contains(where: { TextFolding.fold($0.name) == folded }) {
        throw LanguageError(Catalogue.columnHasName(dataset.name, column: name.text), at: name.span)
    }
}
