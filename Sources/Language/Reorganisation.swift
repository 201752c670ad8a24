import Engine

/// Notes for results that mix names from before and after Vietnam's 2025 reorganisation for the same
/// territory: `Ninh Bình` in 2023 is the old province, in 2026 it also covers Hà Nam and Nam Định.
enum Reorganisation {
    /// The year the 34 units took effect (1 July 2025); a figure for 2025 or later is read as the new unit.
    static let firstYear = 2025.0

    /// Notes for the rows `plan` keeps, read from one small grouped query: each province value with its
    /// first and last year.
    static func notes(_ dataset: Dataset, _ plan: QueryPlan, _ executor: PlanExecutor) throws -> [Message] {
        // Most data are all from one side of the change: then there is nothing to look at.
        guard dataset.provinceColumn?.spansReorganisation == true else { return [] }
        guard let gazetteer = dataset.gazetteer, let provinceName = dataset.provinceColumn?.name,
              let period = dataset.periodColumn, period.type.isNumeric else { return [] }
        var years = plan.sameRows
        years.keys = [provinceName]
        let first = years.add(.aggregate(.min), .column(period.name))
        let last = years.add(.aggregate(.max), .column(period.name))
        let groups = try EmptyAnswer.$isAccepted.withValue(true) { try executor.groups(years) }
        guard let provinces = groups.column(named: provinceName), let low = groups.column(named: first)?.doubles,
              let high = groups.column(named: last)?.doubles else { return [] }
        var after = Set<String>()     // merged units named by a row from 2025 on
        var before = [String: Set<String>]()  // unit → old provinces named by rows before 2025
        for group in 0..<groups.rowCount {
            guard provinces.isPresent(group), case .text(let name) = provinces.value(at: group),
                  let code = gazetteer.code(for: name), let p = gazetteer.provinces[code],
                  let earliest = low[group], let latest = high[group] else { continue }
            if latest >= firstYear, p.code == p.unitCode, gazetteer.isMergedUnit(p.unitCode) {
                after.insert(p.unitCode)
            }
            if earliest < firstYear {
                before[p.unitCode, default: []].insert(code)
            }
        }
        return after.sorted().compactMap { unit -> Message? in
            guard let old = before[unit], !old.isEmpty else { return nil }
            let unitName = gazetteer.provinces[unit]!.name
            let members = gazetteer.units.first { $0.code == unit }!.members.filter { $0 != unit }.map { gazetteer.provinces[$0]!.name }
            return Catalogue.territoryChanged(unitName, covers: members.joined(separator: ", "))
        }
    }
}
