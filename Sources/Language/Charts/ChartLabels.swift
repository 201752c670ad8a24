import Engine

/// Axis and title words for the built-in datasets' columns in both languages, as a statistics office
/// writes them; any other column is named as it is.
enum ChartLabels {
    static let known: [String: Message] = [
        "rate": Catalogue.povertyRate,
        "poor_households": Catalogue.poorHouseholds,
        "ethnic_minority_rate": Catalogue.ethnicMinorityRate,
        "ethnic_minority_poor_households": Catalogue.ethnicMinorityPoorHouseholds,
        "left_poverty": Catalogue.householdsLeftPoverty,
        "year": Catalogue.yearLabel,
        "province": Catalogue.provinceLabel,
        "region": Catalogue.regionLabel,
        "area": Catalogue.areaLabel,
        "unit_2025": Catalogue.unit2025Label,
        "count": Catalogue.rowCountLabel,
        "source": Catalogue.sourceLabel,
        "change": Catalogue.change,
        "change %": Catalogue.change,
        "per year": Catalogue.changePerYearLabel,
    ]

    /// The label of a column: a known name, an aggregate of one (`mean(rate)`: mean of poverty rate), or
    /// the name itself.
    static func label(_ name: String) -> Message {
        let folded = TextFolding.fold(name)
        if let known = known[folded] { return known }
        if let open = folded.firstIndex(of: "("), folded.hasSuffix(")") {
            let function = String(folded[..<open])
            let inner = label(String(name.dropFirst(function.count + 1).dropLast()))
            if let aggregate = Catalogue.aggregateLabel(function, of: inner) { return aggregate }
        }
        return .verbatim(name)
    }

    /// A value label with its unit: `poverty rate (%)`, `change in poverty rate (pp)`.
    static func valueLabel(_ name: String, unit: Chart.Unit, changeOf measure: String?) -> Message {
        Catalogue.withUnit(measure.map { Catalogue.changeIn(label($0)) } ?? label(name), unit)
    }
}
