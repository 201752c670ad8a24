import Engine
import Foundation
import Language

/// Numbers as people read them in a table: thousands separators, a fixed number of decimals, a real minus
/// sign (−), signs on changes, `%` on relative changes. Machine formats (csv, json) never use this.
enum NumberText {
    static let minus = "−"

    static func cell(_ value: Value, role: ColumnRole, decimals: Int) -> String {
        switch value {
        case .missing: return "–"
        case .text(let t): return t
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i):
            switch role {
            case .label: return String(i)
            case .change, .percentagePoints: return signed(Double(i), decimals: 0)
            case .percentChange: return signed(Double(i), decimals: 1) + " %"
            default: return grouped(Double(i), decimals: 0)
            }
        case .decimal(let d):
            switch role {
            case .label: return formatPlain(d)
            case .change, .percentagePoints: return signed(d, decimals: decimals)
            case .percentChange: return signed(d, decimals: 1) + " %"
            default: return grouped(d, decimals: decimals)
            }
        }
    }

    /// `29,829` or `−1,234.50`.
    static func grouped(_ d: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", abs(d))
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var i = integer.count - 3
        while i > 0 {
            integer.insert(",", at: integer.index(integer.startIndex, offsetBy: i))
            i -= 3
        }
        let body = parts.count > 1 ? integer + "." + parts[1] : integer
        let isZero = Double(text) == 0
        return (d < 0 && !isZero ? minus : "") + body
    }

    /// `+0.50`, `−1.21`, `0.00`.
    static func signed(_ d: Double, decimals: Int) -> String {
        let body = grouped(abs(d), decimals: decimals)
        if Double(String(format: "%.\(decimals)f", abs(d))) == 0 { return body }
        return (d < 0 ? minus : "+") + body
    }

    /// Full precision, shortest form: `3.07`, `2021`, `0.1` (csv and json).
    static func formatPlain(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}
