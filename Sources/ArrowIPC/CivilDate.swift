/// A day of the proleptic Gregorian calendar, from a count of days since 1970-01-01.
///
/// The engine has no date type, so Arrow dates become their ISO 8601 text (`2023-12-31`), which sorts and
/// filters as the dates do. Conversion is Howard Hinnant's `civil_from_days` ("chrono-Compatible Low-Level
/// Date Algorithms"), exact for every 64-bit day count the format can hold in a realistic range.
struct CivilDate: CustomStringConvertible {
    let year: Int64
    let month: Int
    let day: Int

    init(daysSinceEpoch: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    var description: String {
        let digits = String(year.magnitude)
        let padded = (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return "\(padded)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
