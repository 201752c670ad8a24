import Foundation
import Language

/// docs/language.md, generated from the verb registry: the grammar, then every verb with its help and its
/// examples run on the built-in data. `scripts/generate-docs` writes it; a test checks it is current and
/// runs every example block again.
public enum LanguageReference {
    /// `` `theo` (by), `sap_xep` (sort), … `` from the parser's table.
    static var keywordAliases: String {
        Parser.keywordAliases.sorted { $0.key < $1.key }.map { "`\($0.key)` (\($0.value))" }.joined(separator: ", ")
    }

    public static func markdown() throws -> String {
        var out = """
        # The solieu language

        A statement is a verb, then filters, names and keyword clauses in any order:

        ```
        statement  := verb { filter | item | clause }
        filter     := name op value              op: =  !=  <  <=  >  >=
        value      := word {word} | "quoted text" | number
                    | value , value , …          (a list: = and != only)
                    | value .. value             (an inclusive range: numbers or text)
        name       := word | `any text`                  (a column, dataset or measure name)
        item       := name | function ( arguments )
        clause     := by columns | sort column [desc|asc] | limit n | top n | asc | desc | as name
                    | to 2025 | weight column                   (rollup)
        definition := let name = expression | measure name = expression [as percent]
        expression := number | "text" | column | function(…) | expression (+ - * /) expression
                    | expression (= != < <= > >=) expression | ( expression )
        ```

        - Every verb and keyword has a Vietnamese spelling, typed with or without accents: the verbs' are
          listed with each verb below (`so_sanh` is `compare`), and the keywords are \(keywordAliases).
        - Values are matched without regard to case, accents or spacing: `ninh binh`, `NINH  BÌNH` and
          `Ninh Bình` are the same; `Hoà Bình` and `Hòa Bình` are the same. When you type diacritics and two
          values differ only in them, what you typed decides. `đ` is matched with `d`.
        - An unquoted value may be several words (`province=Ninh Bình year=2022`); it ends at the next
          filter, keyword, or column name. Quote a value that contains a comma or a keyword.
        - A value that matches nothing is an error that names the nearest values; a result is never silently
          empty.
        - Rates are not counts: the change of a rate is in percentage points (pp). A rate of a group is not
          the mean of its members' rates; `mean rate` says so under its result.
        - A name that is not one word (`Số hộ nghèo`, `Tỉnh/Thành phố`, `change (pp)`) is written in
          backticks wherever a name goes: `` sum `Số hộ nghèo` by `Tỉnh/Thành phố` ``, `` show `Tỉnh/Thành phố`=Kon Tum ``,
          `` sort `change (pp)` ``, `` mean(`Tỷ lệ hộ nghèo (%)`) ``; a backtick inside a name is doubled.
        - Every such column also has an alias, made when its dataset is loaded: the name without accents, in
          lower case, each run of spaces and punctuation one `_` (`so_ho_ngheo`, `ty_le_ho_ngheo`,
          `tinh_thanh_pho`, `change_pp`), with `col_` before a leading digit, numbered (`_2`) when another
          name has it already; the load report and `describe` list them, and Tab offers them.
        - Column names match like values, without regard to accents, case or the spelling of spaces:
          `SO_HO_NGHEO` and `số_hộ_nghèo` both name `Số hộ nghèo` (but `so ho ngheo`, unquoted, is three
          words). A name that matches two columns is an error that shows how to write each.
        - A dataset is named after its file; a file name that is not one word is made one the same way
          (`Báo cáo 2023.csv` loads as `bao_cao_2023`, `2023.csv` as `data_2023`, and `` use `Báo cáo 2023` ``
          finds it too);
          `load FILE as NAME` chooses the name.
        - `#` starts a comment; `;` separates statements on one line; a line ending in `\\` continues.

        The built-in datasets are `reports` (the teaching dataset, current at start), `gso` (GSO poverty
        rates by province), `gso_regions` (GSO national and regional rows) and `provinces` (the gazetteer);
        see datasets/README.md. A column of province names is matched through the gazetteer, and `region`
        and `unit_2025` come with it; see docs/provinces.md.

        Every example below is run by the test suite on the built-in data, and its output must match.

        ## Verbs


        """
        for verb in VerbRegistry.all {
            out += "### \(verb.name)\n\n"
            out += "`\(verb.syntax)`" + (verb.aliases.isEmpty ? "" : " (also: " + verb.aliases.map { "`\($0)`" }.joined(separator: ", ") + ")") + "\n\n"
            out += verb.summary.en.prefix(1).uppercased() + verb.summary.en.dropFirst() + ". " + verb.details.en + "\n\n"
            if !verb.examples.isEmpty {
                out += "```solieu\n" + (try transcript(verb.examples)) + "```\n\n"
            }
        }
        return out
    }

    /// The examples run in a fresh session, as `solieu --echo` prints them.
    public static func transcript(_ statements: [String]) throws -> String {
        let session = Session()
        try BuiltinData.load(into: session)
        let runner = StatementRunner(session: session)
        var text = ""
        runner.output = { text += $0 }
        runner.errors = { text += $0 }
        runner.echo = true
        runner.keepGoing = true
        for statement in statements { runner.run(statement) }
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text
    }
}
