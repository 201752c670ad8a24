import Engine
@testable import Language
import Testing

/// Names as Excel writes them: backticks in the lexer and parser, the snake-case aliases and their
/// numbering, and how a typed name finds its column.
@Suite struct NameSpellingTests {
    @Test func aliasesAreASCIISnakeCase() {
        let cases = [
            ("Số hộ nghèo", "so_ho_ngheo"), ("Tỷ lệ hộ nghèo (%)", "ty_le_ho_ngheo"), ("Tỉnh/Thành phố", "tinh_thanh_pho"),
            ("Số hộ nghèo - Tổng số", "so_ho_ngheo_tong_so"), ("change (pp)", "change_pp"), ("Địa bàn  đặc biệt", "dia_ban_dac_biet"),
            ("2023 ghi chú", "col_2023_ghi_chu"), ("(%)", "column_4"), ("  Hộ   cận nghèo ", "ho_can_ngheo"), ("by (%)", "by_column"),
        ]
        for (name, alias) in cases {
            #expect(NameSpelling.aliasBase(name, position: 3) == alias, "\(name)")
        }
        #expect(NameSpelling.key("SO_HO_NGHEO") == "so_ho_ngheo")
        #expect(NameSpelling.key("số_hộ_nghèo") == "so_ho_ngheo")
    }

    @Test func plainNamesNeedNoBackticks() {
        for name in ["rate", "năm", "poor_households", "TP.HCM", "Bà-Rịa", "2023_rate"] {
            #expect(NameSpelling.isPlain(name), "\(name)")
            #expect(NameSpelling.typed(name) == name)
        }
        for name in ["Số hộ nghèo", "change (pp)", "by", "2021", "6,8", "a=b", "-x", ""] {
            #expect(!NameSpelling.isPlain(name), "\(name)")
        }
        #expect(NameSpelling.typed("change (pp)") == "`change (pp)`")
        #expect(NameSpelling.typed("a`b c") == "`a``b c`")
    }

    @Test func backticksMakeOneNameToken() throws {
        let tokens = try Lexer.tokens("sum `Số hộ nghèo` by `a``b`")
        #expect(tokens.map(\.text) == ["sum", "Số hộ nghèo", "by", "a`b"])
        #expect(tokens.map(\.backticked) == [false, true, false, true])
        #expect(tokens[1].span == SourceSpan(line: 1, column: 5, endColumn: 18))
        #expect(tokens[3].span == SourceSpan(line: 1, column: 22, endColumn: 28))
    }

    @Test func anUnclosedBacktickIsAnErrorAtItsColumn() {
        #expect(throws: LanguageError.self) { try Lexer.tokens("sum `Số hộ") }
        do {
            _ = try Lexer.tokens("show x=1 `Số hộ")
        } catch let error as LanguageError {
            #expect(error.span == SourceSpan(line: 1, column: 10, endColumn: 11))
            #expect(error.example == "sum `Số hộ nghèo` by `Tỉnh/Thành phố`")
        } catch { Issue.record("\(error)") }
    }

    @Test func backtickedNamesStandWhereverANameDoes() throws {
        let vocabulary: Set<String> = ["Tỉnh/Thành phố", "Số hộ nghèo", "by"]
        let s = try Parser.parse("show `Tỉnh/Thành phố`=Kon Tum `Số hộ nghèo` `by` by `Tỉnh/Thành phố` sort `Số hộ nghèo` desc", vocabulary: vocabulary)
        #expect(s.clauses.filters.map(\.column.text) == ["Tỉnh/Thành phố"])
        #expect(s.clauses.filters[0].value == .single(Literal(text: "Kon Tum", quoted: false, span: SourceSpan(column: 23, endColumn: 30))))
        #expect(s.clauses.items.map(\.sourceText) == ["`Số hộ nghèo`", "`by`"])
        #expect(s.clauses.by.map(\.text) == ["Tỉnh/Thành phố"])
        #expect(s.clauses.sort.map(\.name.text) == ["Số hộ nghèo"] && s.clauses.sort[0].descending)
        let d = try Parser.parse("let `Hộ mới` = `Số hộ nghèo` * 2 + mean(`2021`)", vocabulary: vocabulary)
        #expect(d.definition?.name.text == "Hộ mới")
        #expect(d.definition?.expression.sourceText == "`Số hộ nghèo` * 2 + mean(`2021`)")
        #expect(d.definition?.expression.headerText == "Số hộ nghèo * 2 + mean(2021)")
    }

    @Test func aSpacedNameTypedBareIsRefusedWithItsBacktickedSpelling() {
        let vocabulary: Set<String> = ["Tỉnh/Thành phố", "Số hộ nghèo", "province", "year"]
        for (text, column, end) in [("sum Số hộ nghèo by year", 5, 16), ("show Tỉnh/Thành phố=Kon Tum", 6, 20), ("sum so ho ngheo", 5, 16)] {
            do {
                _ = try Parser.parse(text, vocabulary: vocabulary)
                Issue.record("\(text) parsed")
            } catch let error as LanguageError {
                #expect(error.span == SourceSpan(column: column, endColumn: end), "\(text)")
                #expect(error.suggestions.first?.hasPrefix("`") == true)
            } catch { Issue.record("\(error)") }
        }
        // Two columns typed side by side are two columns, even when together they spell a third.
        #expect(throws: Never.self) { try Parser.parse("show province year", vocabulary: ["province", "year", "province year"]) }
    }

    static func dataset(_ names: [String]) throws -> Dataset {
        var dataset = Dataset(table: try Table(name: "t", columns: names.map { Column(name: $0, values: [.integer(1)]) }), origin: "test")
        _ = dataset.assignAliases()
        return dataset
    }

    @Test func clashingAliasesAreNumberedAndReported() throws {
        var dataset = Dataset(table: try Table(name: "t", columns: ["Tỷ lệ (%)", "Tỷ lệ", "ty_le_3", "Số hộ"].map { Column(name: $0, values: [.integer(1)]) }), origin: "test")
        let notes = dataset.assignAliases()
        #expect(dataset.columnAliases == ["Tỷ lệ (%)": "ty_le", "Tỷ lệ": "ty_le_2", "Số hộ": "so_ho"])
        #expect(notes.map(\.en) == [
            "names to type without backticks: ty_le = `Tỷ lệ (%)`, ty_le_2 = `Tỷ lệ`, so_ho = `Số hộ`",
            "`Tỷ lệ` is also ty_le_2: ty_le is taken by `Tỷ lệ (%)`",
        ])
        // A column added later keeps the aliases given and skips the taken ones.
        dataset.table = try dataset.table.adding(Column(name: "Tỷ lệ mới ", values: [.integer(2)]))
        dataset.table = try dataset.table.adding(Column(name: "tỷ lệ", values: [.integer(2)]))
        _ = dataset.assignAliases()
        #expect(dataset.columnAliases["Tỷ lệ mới "] == "ty_le_moi")
        #expect(dataset.columnAliases["tỷ lệ"] == "ty_le_4")
        #expect(dataset.columnAliases["Tỷ lệ"] == "ty_le_2")
    }

    @Test func aTypedNameFindsItsColumnByNameAliasOrFoldedForm() throws {
        let dataset = try Self.dataset(["Số hộ nghèo", "Tỷ lệ (%)", "Tỷ lệ", "năm", "Nam"])
        func found(_ typed: String) -> String? {
            if case .found(let column) = dataset.matchColumn(typed) { return column.name } else { return nil }
        }
        #expect(found("Số hộ nghèo") == "Số hộ nghèo")
        #expect(found("so_ho_ngheo") == "Số hộ nghèo")
        #expect(found("SO_HO_NGHEO") == "Số hộ nghèo")
        #expect(found("số_hộ_nghèo") == "Số hộ nghèo")
        #expect(found("SỐ HỘ  NGHÈO") == "Số hộ nghèo")
        #expect(found("TY_LE_2") == "Tỷ lệ")
        #expect(found("Tỷ lệ") == "Tỷ lệ")
        #expect(found("năm") == "năm")
        guard case .ambiguous(let both) = dataset.matchColumn("tỷ_lệ") else { Issue.record("tỷ_lệ is not ambiguous"); return }
        #expect(both.map(\.name) == ["Tỷ lệ (%)", "Tỷ lệ"])
        guard case .ambiguous(let two) = dataset.matchColumn("NAM") else { Issue.record("NAM is not ambiguous"); return }
        #expect(two.map(\.name) == ["năm", "Nam"])
        let error = dataset.ambiguityError(Name(text: "tỷ_lệ", span: SourceSpan(column: 6, endColumn: 11)), both)
        #expect(error.suggestions == ["`Tỷ lệ (%)`", "`Tỷ lệ`"])
        #expect(error.message.en == "'tỷ_lệ' matches several columns of t: `Tỷ lệ (%)` (ty_le), `Tỷ lệ` (ty_le_2); write the one you mean as shown")
        guard case .missing = dataset.matchColumn("so ho") else { Issue.record("so ho matched"); return }
    }

    @Test func datasetNamesFromFiles() {
        #expect(NameSpelling.datasetName("reports", position: 0).name == "reports")
        #expect(NameSpelling.datasetName("reports", position: 0).note == nil)
        #expect(NameSpelling.datasetName("Báo cáo 2023", position: 0).name == "bao_cao_2023")
        #expect(NameSpelling.datasetName("2023", position: 0).name == "data_2023")
        #expect(NameSpelling.datasetName("Tổng hợp (bản cuối)", position: 0).name == "tong_hop_ban_cuoi")
        #expect(NameSpelling.datasetName("(1)", position: 4).name == "data_1")
        #expect(NameSpelling.datasetName("人口", position: 4).name == "人口")
        #expect(NameSpelling.datasetName("()", position: 4).name == "dataset_5")
    }

    @Test func aDatasetNamedLikeAFileIsMadeAnIdentifier() throws {
        let session = Session()
        let added = session.add(Dataset(table: try Table(name: "Báo cáo 2023", columns: [Column(name: "x", values: [.integer(1)])]), origin: "test"))
        #expect(added.name == "bao_cao_2023")
        #expect(added.notes.map(\.en) == ["dataset name: bao_cao_2023 (from 'Báo cáo 2023', which would need backticks)"])
        #expect(try session.dataset(named: Name(text: "Báo cáo 2023", span: SourceSpan(column: 5, endColumn: 17))).name == "bao_cao_2023")
        #expect(throws: Never.self) { try session.run("use `Báo cáo 2023`") }
        #expect(throws: Never.self) { try session.run("use BAO_CAO_2023") }
    }

    /// Random statements built from names with spaces, backticks (closed, unclosed, doubled, empty), aliases
    /// and operators never crash; every error they give points inside the statement.
    @Test func randomStatementsWithBackticksGiveErrorsNeverACrash() throws {
        let session = Session()
        session.add(Dataset(table: try Table(name: "t", columns: [
            Column(name: "Tỉnh/Thành phố", values: [.text("Kon Tum"), .text("Ninh Bình")]),
            Column(name: "Năm", values: [.integer(2022), .integer(2023)]),
            Column(name: "Số hộ nghèo", values: [.integer(18302), .integer(5484)]),
            Column(name: "Tỷ lệ (%)", values: [.decimal(12.08), .decimal(1.86)]),
            Column(name: "Tỷ lệ", values: [.decimal(1.2), .decimal(0.8)]),
        ]), origin: "test"))
        let pieces = ["sum", "show", "count", "compare", "let", "measure", "describe", "use", "trend", "rank", "by", "sort", "desc", "top 2",
                      "`", "``", "```", "`Số hộ nghèo`", "`Tỉnh/Thành phố`", "`Tỷ lệ (%)`", "Số", "hộ", "nghèo", "Tỉnh/Thành", "phố",
                      "so_ho_ngheo", "tinh_thanh_pho", "tỷ_lệ", "ty_le_2", "Năm", "=", "!=", ">", ",", "..", "(", ")", "-", "*", "/",
                      "2022", "2023", "Kon Tum", "\"", "mean(", "sum(", "#", "%", "x", "`a``b`", "`Năm`=2022..2023"]
        var random = DifferentialTests.SplitMix64(state: 2_026_12_01)
        for _ in 0..<1_500 {
            var text = ""
            for _ in 0..<(1 + random.below(9)) {
                text += pieces[random.below(pieces.count)] + (random.below(4) == 0 ? "" : " ")
            }
            do {
                _ = try session.run(text)
            } catch let error as LanguageError {
                if let span = error.span {
                    #expect(span.column >= 1 && span.endColumn <= text.count + 2, "\(text): \(span)")
                }
            } catch {
                // Load errors and the like are not expected from these statements, but are not crashes either.
            }
            session.currentName = "t"
        }
    }
}
