/// Excel keeps dates and times as numbers (days since an epoch) and says they are dates only through the
/// cell's number format. These turn such a number into the ISO text solieu reads dates as.
enum XLSXDates {
    /// Built-in number formats that show a date or a time (ECMA-376 Part 1, 18.8.30).
    static let builtinDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether the number format `id` (with `code` for a custom one) shows a date or time: it has a day,
    /// month, year, hour or second placeholder outside quoted text, escapes and [colour] brackets.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if builtinDateFormats.contains(id) { return true }
        guard let code else { return false }
        var inQuotes = false, inBracket = false, escaped = false
        var bracket = ""
        for ch in code {
            if escaped { escaped = false; continue }
            if inQuotes { if ch == "\"" { inQuotes = false }; continue }
            if inBracket {
                if ch == "]" {
                    inBracket = false
                    // [h], [mm], [ss]: elapsed time.
                    if ["h", "hh", "m", "mm", "s", "ss"].contains(bracket.lowercased()) { return true }
                } else { bracket.append(ch) }
                continue
            }
            switch ch {
            case "\"": inQuotes = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true; bracket = ""
            case "d", "D", "y", "Y", "m", "M", "h", "H", "s", "S": return true
            default: break
            }
        }
        return false
    }

    /// The serial number as `yyyy-mm-dd`, `hh:mm:ss`, or both; nil when it is no date (negative, or past 9999).
    static func isoText(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        let time = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        if days == 0 && !date1904 { return time }
        // Day 60 is 29 February 1900, which never was: Excel kept Lotus 1-2-3's leap-year error.
        let daysSinceUnixEpoch: Int
        if date1904 { daysSinceUnixEpoch = days - 24_107 } else { daysSinceUnixEpoch = days - (days >= 60 ? 25_569 : 25_568) }
        let (y, m, d) = civil(daysSinceUnixEpoch)
        let date = String(format: "%04d-%02d-%02d", y, m, d)
        return seconds == 0 ? date : date + " " + time
    }

    /// Year, month, day of a count of days since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
