/// Writing delimited text byte by byte: the one quoting rule every writer of delimited bytes in solieu
/// uses (a repaired CSV, a sheet handed to the reader, CSV for Excel), and the one way a double is written
/// as Excel keeps it.
public enum DelimitedText {
    /// Appends `text` as one field: quoted when it holds the delimiter, a quote, LF or CR, its quotes
    /// doubled. Tested by byte, so a grapheme such as `\r\n` or `;` with a combining mark is never missed.
    public static func appendField(_ text: String, delimiter: UInt8, to out: inout [UInt8]) {
        let bytes = text.utf8
        guard bytes.contains(where: { $0 == delimiter || $0 == CSVTokenizer.quote || $0 == CSVTokenizer.newline || $0 == CSVTokenizer.carriageReturn }) else {
            out += bytes
            return
        }
        out.append(CSVTokenizer.quote)
        for b in bytes {
            if b == CSVTokenizer.quote { out.append(b) }
            out.append(b)
        }
        out.append(CSVTokenizer.quote)
    }

    /// Appends one record: the fields with `delimiter` between them, then `lineEnd`.
    public static func appendRecord(_ fields: [String], delimiter: UInt8, lineEnd: [UInt8] = [0x0A], to out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(delimiter) }
            appendField(field, delimiter: delimiter, to: &out)
        }
        out += lineEnd
    }

    /// `x` at 15 significant digits in plain notation, as Excel keeps and shows numbers: Excel writes
    /// 0.1 as 0.10000000000000001, arithmetic gives -0.6049999999999999 for -0.605; both come out short.
    public static func fifteenDigits(_ x: Double) -> String {
        var shown = String(format: "%.15g", x)
        if shown.utf8.contains(0x65) {  // an exponent: written out, so every reader reads it the same way
            shown = String(format: "%.15f", x)
            while shown.utf8.contains(0x2E) && (shown.hasSuffix("0") || shown.hasSuffix(".")) { shown.removeLast() }
        }
        return shown
    }
}
