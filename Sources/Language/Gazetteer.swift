import Engine

/// Vietnam's 63 provinces (before 1 July 2025), their regions, the 34 units they form since then
/// (Resolution 202/2025/QH15), and the many ways files spell them.
///
/// Every spelling is reduced to a key: accents, case, `Tỉnh`/`Thành phố`/`TP` prefixes, dashes, dots and
/// spaces all dropped, so `TP. Hồ Chí Minh`, `tp ho chi minh` and `Thành phố Hồ Chí Minh` meet, as do
/// `Thừa Thiên-Huế` and `Thua Thien Hue`, `Đắk Lắk` and `Daklak`. Aliases (`HCM`, `BR-VT`, `Sài Gòn`) come
/// from datasets/province_aliases.csv.
public struct Gazetteer: Sendable {
    public struct Province: Sendable, Equatable {
        public var code: String
        public var name: String
        public var region: String
        public var unitCode: String
        public var unit: String
    }

    public private(set) var provinces: [String: Province] = [:]
    /// Province codes in gazetteer order.
    public private(set) var codes: [String] = []
    private var codeOfKey: [String: String] = [:]

    /// Builds the gazetteer from the gazetteer table (columns code, name, name_ascii, name_full,
    /// name_gso_2023, name_en_gso, region, unit_2025_code, unit_2025) and the alias table (alias, code).
    public init(provinces table: Table, aliases: Table?) {
        func text(_ column: String, _ row: Int) -> String? {
            guard let c = table.column(named: column), case .text(let s) = c.value(at: row) else { return nil }
            return s
        }
        for row in 0..<table.rowCount {
            guard let code = text("code", row), let name = text("name", row) else { continue }
            let province = Province(code: code, name: name, region: text("region", row) ?? "",
                                    unitCode: text("unit_2025_code", row) ?? code, unit: text("unit_2025", row) ?? name)
            provinces[code] = province
            codes.append(code)
            for column in ["name", "name_ascii", "name_full", "name_gso_2023", "name_en_gso"] {
                if let spelling = text(column, row) { codeOfKey[Gazetteer.key(spelling)] = code }
            }
        }
        if let aliases {
            for row in 0..<aliases.rowCount {
                // Codes are two digits (`06`); a file whose codes all lack a leading zero loads them as numbers.
                guard case .text(let alias)? = aliases.column(named: "alias")?.value(at: row),
                      let raw = aliases.column(named: "code")?.value(at: row), !raw.isMissing else { continue }
                var code = raw.description
                if code.count == 1 { code = "0" + code }
                guard provinces[code] != nil else { continue }
                codeOfKey[Gazetteer.key(alias)] = code
            }
        }
    }

    /// The province a spelling names, or nil.
    public func code(for spelling: String) -> String? {
        codeOfKey[Gazetteer.key(spelling)]
    }

    public func province(_ spelling: String) -> Province? { code(for: spelling).flatMap { provinces[$0] } }

    /// The 34 units, each with the codes of the provinces that form it, in unit-code order.
    public var units: [(code: String, name: String, members: [String])] {
        var order: [String] = []
        var members: [String: [String]] = [:]
        var names: [String: String] = [:]
        for code in codes {
            let p = provinces[code]!
            if members[p.unitCode] == nil { order.append(p.unitCode) }
            members[p.unitCode, default: []].append(code)
            names[p.unitCode] = p.unit
        }
        return order.sorted().map { ($0, names[$0]!, members[$0]!) }
    }

    /// A unit formed from more than one old province (Ninh Bình now also covers Hà Nam and Nam Định).
    public func isMergedUnit(_ unitCode: String) -> Bool {
        units.first { $0.code == unitCode }.map { $0.members.count > 1 } ?? false
    }

    /// The matching key of a spelling: folded, administrative prefixes and every non-letter dropped.
    public static func key(_ spelling: String) -> String {
        var words = TextFolding.fold(spelling).split(separator: " ").map(String.init)
        let prefixes: [[String]] = [["thanh", "pho"], ["tinh"], ["tp"]]
        for prefix in prefixes where words.count > prefix.count && Array(words.prefix(prefix.count)) == prefix {
            words.removeFirst(prefix.count)
            break
        }
        if words.count > 1, words.last == "province" { words.removeLast() }
        return words.joined().filter { $0.isLetter || $0.isNumber }
    }
}

/// A column recognised as naming provinces, with the values in it that are not provinces.
public struct ProvinceColumn: Sendable {
    public var name: String
    /// Distinct values that name no province (`Cả nước`, `Hà Tây`), for `describe`.
    public var otherValues: [String]
    /// Columns added from the gazetteer (`region`, `unit_2025`).
    public var addedColumns: [String]
    /// The data have rows from before 2025 and from 2025 on, so results may mix old and new territories.
    public var spansReorganisation = false
}

extension Gazetteer {
    /// Column names (folded) that say a column names provinces.
    static let provinceColumnNames: Set<String> = ["province", "tinh", "tinh thanh", "dia phuong", "area", "name"]

    /// The first text column most of whose distinct values are provinces (at least 80 % and at least two),
    /// preferring one named like a province.
    func recognise(_ table: Table) -> ProvinceColumn? {
        let candidates = table.columns.filter { $0.type == .text }.sorted { a, b in
            let named: (Column) -> Bool = { Gazetteer.provinceColumnNames.contains(TextFolding.fold($0.name)) }
            return named(a) && !named(b)
        }
        for column in candidates {
            guard case .text(let text) = column.storage, text.dictionary.count >= 2 else { continue }
            let matched = text.dictionary.filter { code(for: $0) != nil }
            guard matched.count >= 2, Double(matched.count) >= 0.8 * Double(text.dictionary.count) else { continue }
            return ProvinceColumn(name: column.name, otherValues: text.dictionary.filter { code(for: $0) == nil }, addedColumns: [])
        }
        return nil
    }

    /// The dataset with its province column recognised and `region` and `unit_2025` added from the
    /// gazetteer (where the table has no such columns), so they can be filtered and grouped by directly.
    public func enrich(_ dataset: Dataset) -> Dataset {
        guard var recognised = recognise(dataset.table), let column = dataset.table.column(named: recognised.name),
              case .text(let text) = column.storage else { return dataset }
        var dataset = dataset
        let provinceOfCode = text.dictionary.map { province($0) }
        /// A dictionary column derived code by code: one lookup per distinct province, one array map per row.
        func derived(_ name: String, _ value: (Province) -> String) -> Column {
            var dictionary: [String] = []
            var codeOfValue: [String: Int32] = [:]
            let mapped: [Int32] = provinceOfCode.map { p in
                guard let p else { return -1 }
                let v = value(p)
                if let c = codeOfValue[v] { return c }
                let c = Int32(dictionary.count)
                codeOfValue[v] = c
                dictionary.append(v)
                return c
            }
            // Codes mapped column-at-a-time at the narrowest width; a bitmap only when some row has no province.
            let allMapped = column.validity == nil && !mapped.contains(-1)
            func remap<Source: FixedWidthInteger, Target: FixedWidthInteger>(_ source: ContiguousArray<Source>, _: Target.Type) -> ContiguousArray<Target> {
                source.withUnsafeBufferPointer { src in
                    mapped.withUnsafeBufferPointer { m in
                        ContiguousArray<Target>(unsafeUninitializedCapacity: max(src.count, 1)) { out, n in
                            for i in 0..<src.count { out[i] = Target(truncatingIfNeeded: max(m[Int(src[i])], 0)) }
                            n = src.count
                        }
                    }
                }
            }
            func remapAny<Source: FixedWidthInteger>(_ source: ContiguousArray<Source>) -> IntegerBuffer {
                dictionary.count <= 128 ? .int8(remap(source, Int8.self)) : .int16(remap(source, Int16.self))
            }
            let codes: IntegerBuffer
            switch text.codes {
            case .int8(let c): codes = remapAny(c)
            case .int16(let c): codes = remapAny(c)
            case .int32(let c): codes = remapAny(c)
            case .int64(let c): codes = remapAny(c)
            }
            var validity: ValidityBitmap? = nil
            if !allMapped {
                validity = ValidityBitmap((0..<column.count).lazy.map { row in column.isPresent(row) && mapped[Int(text.codes[row])] >= 0 })
            }
            return Column(name: name, storage: .text(DictionaryText(codes: codes, dictionary: dictionary)), validity: validity)
        }
        for (name, value) in [("region", { (p: Province) in p.region }), ("unit_2025", { (p: Province) in p.unit })]
        where dataset.table.column(named: name) == nil {
            if let table = try? dataset.table.adding(derived(name, value)) {
                dataset.table = table
                recognised.addedColumns.append(name)
            }
        }
        if let period = dataset.periodColumn, case .integer(let years) = period.storage {
            // One pass at the column's width, vectorised when nothing is missing (a load of 10 M rows spent 2 % of
            // its time in two scalar ones).
            if let (low, high) = years.presentRange(period.validity) {
                recognised.spansReorganisation = low < Int64(Reorganisation.firstYear) && high >= Int64(Reorganisation.firstYear)
            }
        } else if let period = dataset.periodColumn, period.type.isNumeric {
            let all = Grouping(single: .all(count: period.count))
            let low = (try? period.aggregate(.min, all))?.value(at: 0).number
            let high = (try? period.aggregate(.max, all))?.value(at: 0).number
            if let low, let high { recognised.spansReorganisation = low < Reorganisation.firstYear && high >= Reorganisation.firstYear }
        }
        dataset.provinceColumn = recognised
        dataset.gazetteer = self
        return dataset
    }
}
