import Foundation

/// A small SVG writer: elements with attributes and text, every text and attribute value escaped, numbers
/// written with at most two decimals (a hundredth of a pixel is below anything a screen or printer shows).
/// Makes a document a browser, a validator and an XML parser all read.
struct SVGWriter {
    private(set) var body = ""
    let width: Double
    let height: Double

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Text for an XML text node or a quoted attribute value: `&`, `<`, `>`, `"` and `'` escaped; control
    /// characters other than tab and line end (which XML 1.0 does not allow at all) shown as `\u{…}`.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `12`, `12.5`, `12.35`: at most two decimals, no trailing zeros, never `-0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int64(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// An attribute's value: a number or text.
    enum AttributeValue {
        case number(Double)
        case text(String)

        var written: String {
            switch self {
            case .number(let n): SVGWriter.number(n)
            case .text(let t): SVGWriter.escaped(t)
            }
        }
    }

    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, AttributeValue>, text: String? = nil) {
        body += "<" + name
        for (key, value) in attributes { body += " \(key)=\"\(value.written)\"" }
        if let text { body += ">" + SVGWriter.escaped(text) + "</\(name)>\n" } else { body += "/>\n" }
    }

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, AttributeValue> = [:]) {
        body += "<" + name
        for (key, value) in attributes { body += " \(key)=\"\(value.written)\"" }
        body += ">\n"
    }

    mutating func close(_ name: String) { body += "</\(name)>\n" }

    /// The whole `<svg>` element (no XML declaration, so it can be put inside HTML as it is).
    func document(title: String, description: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGWriter.number(width))\" height=\"\(SVGWriter.number(height))\" "
            + "viewBox=\"0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))\" role=\"img\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
            + "<title>\(SVGWriter.escaped(title))</title>\n<desc>\(SVGWriter.escaped(description))</desc>\n" + body + "</svg>\n"
    }
}
