import Engine

/// Notes for results that mix names from before and after Vietnam's 2025 reorganisation for the same
/// territory: `Ninh Bình` in 2023 is the old province, in 2026 it also covers Hà Nam and Nam Định.
enum Reorganisation {
    /// The year the 34 units took effect (1 July 2025); a figure for 2025 or later is read as the new unit.
    static let firstYear = 2025.0

    static func notes(_ dataset: Dataset, _ selection: Selection) -> [Message] {
        // Most data are all from one side of the change: then there is nothing to look at, row by row.
        guard dataset.provinceColumn?.spansReorganisation == true else { return [] }
        guard let gazetteer = dataset.gazetteer, let provinceName = dataset.provinceColumn?.name,
              let provinces = dataset.table.column(named: provinceName), let period = dataset.periodColumn,
              case .text(let text) = provinces.storage else { return [] }
        let codeOfEntry = text.dictionary.map { gazetteer.code(for: $0) }
        var after = Set<String>()     // merged units named by a row from 2025 on
        var before = [String: Set<String>]()  // unit → old provinces named by rows before 2025
        selection.forEachRow { row in
            guard provinces.isPresent(row), let code = codeOfEntry[Int(text.codes[row])], let p = gazetteer.provinces[code],
                  let year = period.value(at: row).number else { return }
            if year >= firstYear, p.code == p.unitCode, gazetteer.isMergedUnit(p.unitCode) {
                after.insert(p.unitCode)
            } else if year < firstYear {
                before[p.unitCode, default: []].insert(code)
            }
        }
        return after.sorted().compactMap { unit -> Message? in
            guard let old = before[unit], !old.isEmpty else { return nil }
            let unitName = gazetteer.provinces[unit]!.name
            let members = gazetteer.units.first { $0.code == unit }!.members.filter { $0 != unit }.map { gazetteer.provinces[$0]!.name }
            return Message(
                en: "\(unitName) from 1 July 2025 also covers \(members.joined(separator: ", ")): rows before and after the change are not the same territory",
                vi: "\(unitName) từ 1/7/2025 gồm cả \(members.joined(separator: ", ")): các dòng trước và sau thay đổi không cùng một địa bàn")
        }
    }
}
