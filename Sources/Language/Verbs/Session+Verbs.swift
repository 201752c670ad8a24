import Engine

extension Verb {
    static let export = Verb(
        name: "export", aliases: ["xuat"], arguments: .raw,
        syntax: "export PATH [excel]",
        summary: Message(en: "write the last result to a file (.csv, .json, .jsonl, .md or .xlsx)", vi: "ghi kết quả gần nhất ra tệp (.csv, .json, .jsonl, .md hoặc .xlsx)"),
        details: Message(en: "The format follows the extension. CSV, JSON and JSON Lines keep numbers exact, and `load` reads a .csv or .jsonl export back as the same table; Markdown is laid out as shown, with | and line ends in cells escaped. An .xlsx workbook has a bold, frozen header row, numbers as numbers with a number format showing the decimals the table shows, and at most 1,048,576 rows (a larger result is refused before anything is written). export FILE.csv excel writes CSV that Excel on a Vietnamese Windows opens by double-click: UTF-8 with a byte-order mark, ; between fields, decimal comma, CRLF; solieu loads it back as it was. In a script, a relative path is taken from the script's folder.",
                         vi: "Định dạng theo phần mở rộng. CSV, JSON và JSON Lines giữ nguyên giá trị chính xác của số, và `load` đọc lại tệp .csv hoặc .jsonl đã xuất thành đúng bảng ban đầu; Markdown giữ cách trình bày, ký tự | và xuống dòng trong ô được thoát. Sổ tính .xlsx có dòng tiêu đề in đậm và cố định, số được ghi là số với định dạng hiện đúng số chữ số thập phân như bảng, và tối đa 1.048.576 dòng (kết quả lớn hơn bị từ chối trước khi ghi). export TỆP.csv excel ghi tệp CSV mà Excel trên Windows tiếng Việt mở đúng khi bấm đúp: UTF-8 có BOM, dấu ; giữa các trường, dấu phẩy thập phân, CRLF; solieu nạp lại được đúng như cũ. Trong kịch bản, đường dẫn tương đối tính từ thư mục của kịch bản."),
        examples: ["compare province=Ninh Bình year=2021..2023 rate", "export docs/examples/out/q4.xlsx", "export docs/examples/out/q4.csv excel"],
        action: { statement, session in
            guard let path = statement.rawArgument?.text, !path.isEmpty else {
                throw LanguageError(Catalogue.exportNeedsPath, at: statement.verb.span, example: "export result.csv")
            }
            guard let result = session.lastResult else {
                throw LanguageError(Catalogue.nothingToExport, at: statement.verb.span,
                                    example: "compare province=Ninh Bình year=2021..2023 rate")
            }
            guard let exporter = session.exporter else {
                throw LanguageError(Catalogue.exportNotAvailable, at: statement.verb.span)
            }
            let written = try exporter(result, path, statement.rawArgument!.span)
            return .report([Catalogue.exported(result.table.rowCount, to: path, written).text(session.settings.language)])
        })

    static let explain = Verb(
        name: "explain", aliases: ["giai_thich", "giaithich"], arguments: .raw,
        syntax: "explain [sql] STATEMENT",
        summary: Message(en: "say what a statement will do, step by step, and how many rows each step keeps", vi: "nói câu lệnh sẽ làm gì, từng bước, và mỗi bước giữ bao nhiêu dòng"),
        details: Message(en: "Nothing is run but the filters, whose row counts are shown. `explain sql` shows the SQL the statement runs on the server its dataset is on (for a dataset in memory, the SQL it would run on PostgreSQL).",
                         vi: "Chỉ chạy các bộ lọc để đếm số dòng; không chạy gì khác. `explain sql` cho xem câu SQL mà câu lệnh chạy trên máy chủ chứa bộ dữ liệu (với bộ dữ liệu trong bộ nhớ: câu SQL nó sẽ chạy trên PostgreSQL)."),
        examples: ["explain compare province=Ninh Bình year=2021..2023 rate", "explain sql count by province year=2022"],
        action: { statement, session in
            guard let raw = statement.rawArgument, !raw.text.isEmpty else {
                throw LanguageError(Catalogue.explainNeedsStatement, at: statement.verb.span,
                                    example: "explain compare province=Ninh Bình year=2021..2023 rate")
            }
            let wantsSQL = raw.text.split(separator: " ", maxSplits: 1).first.map { TextFolding.fold(String($0)) } == "sql"
            let text = wantsSQL ? String(raw.text.dropFirst(3).drop { $0 == " " }) : raw.text
            let offset = raw.span.column - 1 + (raw.text.count - text.count)
            let vocabulary = ((try? session.current().vocabulary) ?? []).union(AggregateCall.functionNames)
            var inner = try Parser.parse(text, line: raw.span.line, vocabulary: vocabulary).shifted(by: offset)
            inner.source = statement.source
            let verb = VerbRegistry.verb(named: inner.verb.text)!
            guard verb.name != "explain" else {
                throw LanguageError(Catalogue.explainTakesNoExplain,
                                    at: inner.verb.span, example: "explain count by province")
            }
            if wantsSQL { return .text(try explainSQL(inner, verb, session)) }
            if verb.plan != nil { try recordPlans(inner, verb, session) }
            let steps = try (verb.plan?(inner, session) ?? [verb.summary]) + answerSteps(inner, session)
            let language = session.settings.language
            var lines = [Catalogue.explainHeading(verb.name, verb.summary).text(language)]
            lines += steps.enumerated().map { "  \($0.offset + 1). " + $0.element.text(language) }
            return .text(lines)
        })

    static let run = Verb(
        name: "run", aliases: ["chay"], arguments: .raw,
        syntax: "run FILE.solieu",
        summary: Message(en: "run the statements of a script file", vi: "chạy các câu lệnh trong một tệp kịch bản"),
        details: Message(en: "One statement per line (or separated by ;), # starts a comment. The first error stops the script and names FILE:LINE:COLUMN. Relative paths in the script (load, run, export) are taken from its own folder; $NAME is a parameter given with solieu --set NAME=VALUE.",
                         vi: "Mỗi dòng một câu lệnh (hoặc ngăn bởi ;), # bắt đầu chú thích. Lỗi đầu tiên dừng kịch bản và nêu TỆP:DÒNG:CỘT. Đường dẫn tương đối trong kịch bản (load, run, export) tính từ thư mục của chính kịch bản; $TÊN là tham số cho bằng solieu --set TÊN=GIÁ_TRỊ."),
        examples: [],
        action: { statement, session in
            guard let path = statement.rawArgument?.text, !path.isEmpty else {
                throw LanguageError(Catalogue.runNeedsScript, at: statement.verb.span, example: "run quarterly.solieu")
            }
            guard let runner = session.scriptRunner else {
                throw LanguageError(Catalogue.runNotAvailable, at: statement.verb.span)
            }
            try runner(path, statement.rawArgument!.span)
            return .nothing
        })
}

extension Statement {
    /// The statement with every span moved `offset` columns right (a statement nested in `explain`).
    func shifted(by offset: Int) -> Statement {
        var copy = self
        func move(_ s: SourceSpan) -> SourceSpan { SourceSpan(line: s.line, column: s.column + offset, endColumn: s.endColumn + offset) }
        func move(_ n: Name) -> Name { Name(text: n.text, span: move(n.span)) }
        func move(_ l: Literal) -> Literal { Literal(text: l.text, quoted: l.quoted, span: move(l.span)) }
        func move(_ e: Expression) -> Expression {
            switch e {
            case .number(let d, let s): .number(d, move(s))
            case .text(let t, let s): .text(t, move(s))
            case .name(let n): .name(move(n))
            case .call(let f, let args, let s): .call(move(f), args.map(move), move(s))
            case .unary(let op, let x, let s): .unary(op, move(x), move(s))
            case .binary(let op, let a, let b, let s): .binary(op, move(a), move(b), move(s))
            case .comparison(let op, let a, let b, let s): .comparison(op, move(a), move(b), move(s))
            }
        }
        copy.verb = move(verb)
        copy.clauses.filters = clauses.filters.map { f in
            let value: FilterValue
            switch f.value {
            case .single(let l): value = .single(move(l))
            case .list(let ls): value = .list(ls.map(move))
            case .range(let a, let b): value = .range(move(a), move(b))
            }
            return Filter(column: move(f.column), comparison: f.comparison, value: value, span: move(f.span))
        }
        copy.clauses.items = clauses.items.map(move)
        copy.clauses.by = clauses.by.map(move)
        copy.clauses.sort = clauses.sort.map { (move($0.name), $0.descending) }
        copy.clauses.alias = clauses.alias.map(move)
        copy.clauses.target = clauses.target.map(move)
        copy.clauses.weight = clauses.weight.map(move)
        if let d = definition { copy.definition = (move(d.name), move(d.expression), d.asPercent) }
        if let r = rawArgument { copy.rawArgument = (r.text, move(r.span)) }
        return copy
    }
}

/// explain's last steps: what is done to the answer (filters on its columns, sort, top, limit).
func answerSteps(_ statement: Statement, _ session: Session) throws -> [Message] {
    let dataset = try session.current(at: statement.verb.span)
    let answer = statement.splitFilters(dataset).answer
    var steps = answer.map { Catalogue.keepAnswerRows(where: filterText($0)) }
    if !statement.clauses.sort.isEmpty, ["compare", "trend", "rank", "count", "sum", "mean", "min", "max", "median", "stddev"].contains(TextFolding.fold(statement.verb.text)) || !statement.clauses.by.isEmpty {
        let keys = statement.clauses.sort.map { $0.name.text + ($0.descending ? " desc" : "") }.joined(separator: ", ")
        steps.append(Catalogue.sortAnswer(by: keys))
    }
    return steps
}
