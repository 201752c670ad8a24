/// How a text table's columns fit a terminal `available` columns wide: every column keeps its natural
/// width when they all fit; otherwise the widest are narrowed to one shared cap (cells longer than their
/// column are cut), the cap as large as still fits and never below `narrowest`; when even that is too
/// wide, columns are left out from the right (the first ones are usually what the rows are about).
struct TableFit {
    /// The widths of the columns kept, which are the first `widths.count`; at least one is always kept.
    let widths: [Int]

    /// No column is narrowed below this (or its natural width when smaller): most names of provinces and
    /// districts (`TP. Hồ Chí Minh`) stay whole, and a column left out is better than every one cut short.
    static let narrowest = 16

    init(natural: [Int], available: Int, gap: Int) {
        func total(_ widths: [Int]) -> Int { widths.reduce(0, +) + gap * max(0, widths.count - 1) }
        var columns = natural
        while true {
            if total(columns) <= available {
                widths = columns
                return
            }
            if columns.count == 1 {
                // One column wider than the terminal: cut it to the terminal.
                widths = [max(1, min(columns[0], available))]
                return
            }
            let floor = columns.map { min($0, TableFit.narrowest) }
            if total(floor) <= available {
                widths = TableFit.capped(columns, available: available, total: total)
                return
            }
            columns.removeLast()
        }
    }

    /// `columns` with every width above the cap lowered to it, for the largest cap that fits (binary
    /// search between `narrowest` and the widest column).
    private static func capped(_ columns: [Int], available: Int, total: ([Int]) -> Int) -> [Int] {
        var low = narrowest, high = columns.max() ?? narrowest
        while low < high {
            let cap = (low + high + 1) / 2
            if total(columns.map { min($0, cap) }) <= available { low = cap } else { high = cap - 1 }
        }
        return columns.map { min($0, low) }
    }
}
