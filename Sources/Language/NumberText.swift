import Engine
import Foundation

/// Numbers as people read them in a table: thousands separators, a fixed number of decimals, a real minus
/// sign (−), signs on changes, `%` on relative changes. Machine formats (csv, json) never use this.
/// In Vietnamese the separators swap, as GSO tables write them: `26.164` households, a rate of `3,07`.
/// Charts and the figures quoted in messages go through here too, so a number reads the same everywhere the
/// session shows it.
public enum NumberText {
    public static let minus = "−"

    /// A cell as a table shows it in `language`: numbers with that language's separators, text unchanged.
    public static func cell(_ value: Value, role: ColumnRole, decimals: Int, language: Language) -> String {
        let english = cell(value, role: role, decimals: decimals)
        switch value {
        case .integer, .decimal: return text(english, language)
        case .boolean(let b): return (b ? Catalogue.yes : Catalogue.no).text(language)
        case .missing, .text: return english
        }
    }

    /// A number written as English writes it (`−1,234.50`, `29.07`), in `language`'s convention.
    public static func text(_ english: String, _ language: Language) -> String {
        language == .vi ? vietnamese(english) : english
    }

    /// An English number text with Vietnamese separators: `−1,234.50` becomes `−1.234,50`. Only `.` and `,`
    /// are swapped; digits, signs, spaces and `%` stay, so every number the table writes keeps its shape.
    public static func vietnamese(_ english: String) -> String {
        String(english.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
    }

    public static func cell(_ value: Value, role: ColumnRole, decimals: Int) -> String {
        switch value {
        case .missing: return "–"
        case .text(let t): return t
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i):
            // Whole numbers are written from their digits, never through a double (exact beyond 2^53).
            switch role {
            case .label: return String(i)
            case .change, .percentagePoints: return i == 0 ? "0" : (i < 0 ? minus : "+") + grouped(digits: String(i.magnitude))
            case .percentChange: return signed(Double(i), decimals: 1) + " %"
            default: return (i < 0 ? minus : "") + grouped(digits: String(i.magnitude))
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
    public static func grouped(_ d: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", abs(d))
        let parts = text.split(separator: ".", maxSplits: 1)
        let integer = grouped(digits: String(parts[0]))
        let body = parts.count > 1 ? integer + "." + parts[1] : integer
        let isZero = Double(text) == 0
        return (d < 0 && !isZero ? minus : "") + body
    }

    /// A run of digits with a comma between each group of three: `9,007,199,254,740,993`.
    public static func grouped(digits: String) -> String {
        var out = ""
        for (k, digit) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// `+0.50`, `−1.21`, `0.00`.
    public static func signed(_ d: Double, decimals: Int) -> String {
        let body = grouped(abs(d), decimals: decimals)
        if Double(String(format: "%.\(decimals)f", abs(d))) == 0 { return body }
        return (d < 0 ? minus : "+") + body
    }

    /// A decimal for machine formats: the shortest text that reads back as the same double, always with a
    /// point or an exponent so that it reads back as a decimal (`5.0`, `3.07`, `1e-05`, `1e+20`).
    public static func machineDecimal(_ d: Double) -> String { String(d) }

    /// Full precision, shortest form: `3.07`, `2021`, `0.1`.
    public static func formatPlain(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}
