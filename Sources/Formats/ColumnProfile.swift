import Engine

/// Everything the first pass learns about one column from the shapes of all its fields; merged across chunks.
struct ColumnProfile {
    var present = 0
    var missing = 0
    var booleans = 0
    var numbers = 0
    var texts = 0
    var percents = 0
    var leadingZeros = 0
    var ungroupedThousands = 0
    var needsDecimal = false
    var evidence: SeparatorEvidence = []
    var minimumDigits: Int64 = .max
    var maximumDigits: Int64 = .min
    /// The most digits after a mark that can only be the decimal mark (`FieldShape.fractionDigits`).
    var decimalPlaces = 0
    /// The fewest digits after the decimal mark of any number (0 for a whole number or an ambiguous `1.234`).
    var fewestPlaces = Int.max
    /// The first field that made the column text, for the load report ("kept as text because of …").
    var firstText: String?
    /// Whole numbers beyond the Int64 range, and the first of them (for the load report).
    var beyondInteger = 0
    var firstBeyondInteger: String?
    /// The first number beyond the range of a decimal (for the error).
    var firstBeyondDecimal: BeyondDecimalField?

    @inline(__always)
    mutating func add(_ shape: FieldShape, negative: Bool, raw: UnsafeBufferPointer<UInt8>) {
        switch shape.kind {
        case .missing:
            missing += 1
            return
        case .boolean: booleans += 1
        case .text:
            texts += 1
            if firstText == nil { firstText = String(decoding: raw.prefix(40), as: UTF8.self) }
        case .number:
            numbers += 1
            if shape.percent { percents += 1 }
            if shape.leadingZero { leadingZeros += 1 }
            if shape.ungroupedThousands { ungroupedThousands += 1 }
            needsDecimal = needsDecimal || shape.needsDecimal
            if shape.beyondInteger {
                beyondInteger += 1
                if firstBeyondInteger == nil { firstBeyondInteger = String(decoding: raw.prefix(40), as: UTF8.self) }
            }
            if shape.beyondDecimal && firstBeyondDecimal == nil, let start = raw.baseAddress {
                firstBeyondDecimal = BeyondDecimalField(start: start, length: raw.count, prefix: String(decoding: raw.prefix(24), as: UTF8.self))
            }
            evidence.formUnion(shape.separators)
            if shape.fractionDigits > decimalPlaces { decimalPlaces = shape.fractionDigits }
            if shape.fractionDigits < fewestPlaces { fewestPlaces = shape.fractionDigits }
            // Wrapping negation: after an overflow (needsDecimal) digitsValue is meaningless and may be Int64.min.
            let v = negative ? 0 &- shape.digitsValue : shape.digitsValue
            minimumDigits = min(minimumDigits, v)
            maximumDigits = max(maximumDigits, v)
        }
        present += 1
    }

    /// A field of 1 to 18 plain digits (the fast path of the first pass).
    @inline(__always)
    mutating func addPlainInteger(_ value: Int64, digits: Int, leadingZero: Bool) {
        numbers += 1
        present += 1
        if leadingZero { leadingZeros += 1 }
        if digits >= 4 { ungroupedThousands += 1 }
        fewestPlaces = 0
        if value < minimumDigits { minimumDigits = value }
        if value > maximumDigits { maximumDigits = value }
    }

    /// A field such as `1834.5` (the fast path of the first pass).
    @inline(__always)
    mutating func addPlainDecimal(_ separators: SeparatorEvidence, digits: Int64, fractionDigits: Int) {
        numbers += 1
        present += 1
        evidence.formUnion(separators)
        // An ambiguous `1.234` has its places counted only if the mark turns out to be decimal (`exactPlaces`).
        if separators != .dotAmbiguous && separators != .commaAmbiguous && fractionDigits > decimalPlaces { decimalPlaces = fractionDigits }
        let places = separators == .dotAmbiguous || separators == .commaAmbiguous ? 0 : fractionDigits
        if places < fewestPlaces { fewestPlaces = places }
        // Read as a whole number (if the mark turns out to group thousands), for the integer width.
        if digits < minimumDigits { minimumDigits = digits }
        if digits > maximumDigits { maximumDigits = digits }
    }

    mutating func merge(_ other: ColumnProfile) {
        present += other.present
        missing += other.missing
        booleans += other.booleans
        numbers += other.numbers
        texts += other.texts
        percents += other.percents
        leadingZeros += other.leadingZeros
        ungroupedThousands += other.ungroupedThousands
        needsDecimal = needsDecimal || other.needsDecimal
        evidence.formUnion(other.evidence)
        minimumDigits = min(minimumDigits, other.minimumDigits)
        maximumDigits = max(maximumDigits, other.maximumDigits)
        decimalPlaces = max(decimalPlaces, other.decimalPlaces)
        fewestPlaces = min(fewestPlaces, other.fewestPlaces)
        if firstText == nil { firstText = other.firstText }
        // Chunks merge in file order, so the first one kept is the first in the file.
        beyondInteger += other.beyondInteger
        if firstBeyondInteger == nil { firstBeyondInteger = other.firstBeyondInteger }
        if firstBeyondDecimal == nil { firstBeyondDecimal = other.firstBeyondDecimal }
    }
}

/// A number field too large for a decimal: where it starts (in the file's bytes, for its line and column),
/// its length and its first characters.
struct BeyondDecimalField {
    var start: UnsafePointer<UInt8>
    var length: Int
    var prefix: String
}

/// How the second pass reads a column, decided from its whole profile.
struct ColumnPlan {
    enum Kind: Equatable { case integer(bitWidth: Int), decimal, boolean, text }
    var kind: Kind
    var decimalMark: UInt8?
    var thousandsMark: UInt8?
    var annotations: ColumnAnnotations
    var hasMissing: Bool

    var type: ColumnType {
        switch kind {
        case .integer: .integer
        case .decimal: .decimal
        case .boolean: .boolean
        case .text: .text
        }
    }

    /// Decides a column's type and number convention from all its values.
    ///
    /// A column is numeric only when every present value is a number; then separators are decided by what the
    /// values prove (`6,8` proves a decimal comma, `1.234.567` a thousands dot). A column that proves
    /// nothing but holds `1.234`-style values is ambiguous: it is read the Vietnamese way (thousands dot,
    /// decimal comma) unless other values contradict that, and the decision is stated in the load report.
    static func decide(_ p: ColumnProfile, delimiter: UInt8) -> ColumnPlan {
        var plan = ColumnPlan(kind: .text, decimalMark: nil, thousandsMark: nil, annotations: ColumnAnnotations(), hasMissing: p.missing > 0)
        if p.present == 0 {
            plan.annotations.decide("no values: every field is empty or a missing marker", "không có giá trị: mọi ô đều trống hoặc là dấu thiếu số liệu")
            return plan
        }
        if p.texts > 0 || (p.booleans > 0 && p.numbers > 0) {
            if p.numbers > 0, let example = p.firstText {
                plan.annotations.decide("kept as text: \(p.numbers) numbers but also values such as '\(example)'", "giữ dạng văn bản: có \(p.numbers) số nhưng cũng có giá trị như '\(example)'")
            } else if p.texts == 0 {
                // Not silently: `true` beside `1` could have been meant as a boolean column.
                plan.annotations.decide("kept as text: values mix \(p.numbers) numbers and \(p.booleans) true/false values", "giữ dạng văn bản: lẫn \(p.numbers) số và \(p.booleans) giá trị đúng/sai")
            }
            return plan
        }
        if p.booleans == p.present {
            plan.kind = .boolean
            return plan
        }
        if p.leadingZeros > 0 {
            plan.annotations.decide("kept as text: codes with leading zeros (such as 01)", "giữ dạng văn bản: mã có số 0 đứng đầu (như 01)")
            return plan
        }
        let e = p.evidence
        let dot = FieldClassifier.dot, comma = FieldClassifier.comma
        let provesDotDecimal = e.contains(.dotDecimal) || e.contains(.commaThousands)
        let provesCommaDecimal = e.contains(.commaDecimal) || e.contains(.dotThousands)
        var usesDecimalMark = e.contains(.dotDecimal) || e.contains(.commaDecimal)
        if provesDotDecimal && provesCommaDecimal {
            plan.annotations.decide("kept as text: values mix the 6,8 and 6.8 conventions", "giữ dạng văn bản: lẫn hai cách viết 6,8 và 6.8")
            return plan
        }
        if provesCommaDecimal {
            plan.decimalMark = comma
            plan.thousandsMark = dot
            // A `1,234` beside `6,8` is a decimal too.
            usesDecimalMark = usesDecimalMark || e.contains(.commaAmbiguous)
        } else if provesDotDecimal {
            plan.decimalMark = dot
            plan.thousandsMark = comma
            usesDecimalMark = usesDecimalMark || e.contains(.dotAmbiguous)
        } else if e.contains(.dotAmbiguous) || e.contains(.commaAmbiguous) {
            plan = decideAmbiguous(p, plan, delimiter: delimiter, usesDecimalMark: &usesDecimalMark)
            // No decimal mark means decideAmbiguous kept the column as text (1.234 and 1,234 beside 1500):
            // the numeric kind below must not overwrite that.
            if plan.decimalMark == nil { return plan }
        }
        plan.kind = usesDecimalMark || p.needsDecimal ? .decimal : .integer(bitWidth: bitWidth(p.minimumDigits, p.maximumDigits))
        if plan.kind == .decimal, p.beyondInteger > 0, let example = p.firstBeyondInteger {
            // Not silently: a decimal holds about 16 significant digits, so such values are rounded.
            let count = p.beyondInteger == 1 ? "1 whole number" : "\(p.beyondInteger) whole numbers"
            plan.annotations.decide("\(count) beyond the 64-bit integer range (±9223372036854775807), such as '\(example)': read as decimal, to about 16 significant digits",
                                    "\(p.beyondInteger) số nguyên vượt phạm vi số nguyên 64 bit (±9223372036854775807), như '\(example)': đọc thành số thập phân, khoảng 16 chữ số có nghĩa")
        }
        if p.percents > 0 {
            plan.annotations.isPercentage = true
            if p.percents < p.numbers {
                plan.annotations.decide("\(p.percents) of \(p.numbers) values carry %; all read as percentages",
                                        "\(p.percents) trên \(p.numbers) giá trị có dấu %; tất cả được đọc là phần trăm")
            }
        }
        plan.annotations.convention = conventionName(plan, usesDecimalMark: usesDecimalMark, evidence: e, percent: p.percents > 0)
        if plan.kind == .decimal { plan.annotations.decimalPlaces = exactPlaces(p, plan) }
        return plan
    }

    /// The places every value of a decimal column is written with at most, when each is then known exactly
    /// (`ExactDecimal`): none with an exponent or beyond 64 bits, and the largest within 15 digits once scaled.
    /// - Complexity: O(1): it reads only the profile.
    static func exactPlaces(_ p: ColumnProfile, _ plan: ColumnPlan) -> Int? {
        guard !p.needsDecimal else { return nil }
        var places = p.decimalPlaces
        // `1.234` read with its mark as the decimal mark has three places.
        let e = p.evidence
        if (e.contains(.dotAmbiguous) && plan.decimalMark == FieldClassifier.dot)
            || (e.contains(.commaAmbiguous) && plan.decimalMark == FieldClassifier.comma) {
            places = max(places, 3)
        }
        guard places <= ExactDecimal.maximumPlaces else { return nil }
        // A value's digits without their marks, times 10 for each place it lacks, is its scaled integer.
        let largestDigits = max(p.minimumDigits.magnitude, p.maximumDigits.magnitude)
        let (scaled, overflow) = largestDigits.multipliedReportingOverflow(by: UInt64(ExactDecimal.integerPowers[places - min(places, p.fewestPlaces)]))
        guard !overflow, scaled <= UInt64(ExactDecimal.largestScaled) else { return nil }
        return places
    }

    /// `1.234` (or `1,234`) and nothing that proves which mark it is.
    private static func decideAmbiguous(_ p: ColumnProfile, _ plan: ColumnPlan, delimiter: UInt8, usesDecimalMark: inout Bool) -> ColumnPlan {
        var plan = plan
        let dot = FieldClassifier.dot, comma = FieldClassifier.comma
        let e = p.evidence
        let example = e.contains(.dotAmbiguous) ? "1.234" : "1,234"
        if p.ungroupedThousands > 0 {
            // Someone who writes 1500 without a separator does not group thousands elsewhere.
            let mark = e.contains(.dotAmbiguous) ? dot : comma
            plan.decimalMark = mark
            usesDecimalMark = true
            plan.annotations.decide("'\(example)' read as a decimal (\(example.replacingDot())): other values of 1000 or more have no thousands separator",
                                    "'\(example)' đọc là số thập phân (\(example.replacingDot(vietnamese: true))): các giá trị từ 1000 trở lên khác không có dấu phân cách hàng nghìn")
            if e.contains(.dotAmbiguous) && e.contains(.commaAmbiguous) {
                (plan.annotations.decision, plan.annotations.decisionVietnamese) = (nil, nil)
                plan.annotations.decide("kept as text: values mix 1.234 and 1,234 and neither can be a thousands separator",
                                        "giữ dạng văn bản: lẫn 1.234 và 1,234, không dấu nào có thể là dấu phân cách hàng nghìn")
                plan.decimalMark = nil
                usesDecimalMark = false
                plan.kind = .text
            }
        } else if e.contains(.dotAmbiguous) {
            plan.decimalMark = comma
            plan.thousandsMark = dot
            if e.contains(.commaAmbiguous) { usesDecimalMark = true }
            plan.annotations.decide("'1.234' read as 1234 (thousands dot, the Vietnamese convention); no value contradicts it",
                                    "'1.234' đọc là 1234 (dấu chấm phân cách hàng nghìn, theo cách viết Việt Nam); không giá trị nào trái với cách đọc này")
        } else if delimiter == comma {
            // A quoted `"1,234"` in a comma-separated file is English style.
            plan.thousandsMark = comma
            plan.decimalMark = dot
            plan.annotations.decide("'1,234' read as 1234 (thousands comma, as in this comma-separated file); no value contradicts it",
                                    "'1,234' đọc là 1234 (dấu phẩy phân cách hàng nghìn, như trong tệp phân cách bằng dấu phẩy này); không giá trị nào trái với cách đọc này")
        } else {
            plan.decimalMark = comma
            plan.thousandsMark = dot
            usesDecimalMark = true
            plan.annotations.decide("'1,234' read as 1.234 (decimal comma, the Vietnamese convention); no value contradicts it",
                                    "'1,234' đọc là 1,234 (dấu phẩy thập phân, theo cách viết Việt Nam); không giá trị nào trái với cách đọc này")
        }
        return plan
    }

    private static func conventionName(_ plan: ColumnPlan, usesDecimalMark: Bool, evidence e: SeparatorEvidence, percent: Bool) -> String? {
        var parts: [String] = []
        if usesDecimalMark, plan.decimalMark == FieldClassifier.comma { parts.append("decimal comma") }
        let groups = e.contains(.dotThousands) || e.contains(.commaThousands)
            || (!usesDecimalMark && (e.contains(.dotAmbiguous) || e.contains(.commaAmbiguous)))
        if groups, let t = plan.thousandsMark { parts.append(t == FieldClassifier.dot ? "thousands dot" : "thousands comma") }
        if percent { parts.append("percent sign") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    static func bitWidth(_ low: Int64, _ high: Int64) -> Int {
        if low >= Int64(Int8.min) && high <= Int64(Int8.max) { return 8 }
        if low >= Int64(Int16.min) && high <= Int64(Int16.max) { return 16 }
        if low >= Int64(Int32.min) && high <= Int64(Int32.max) { return 32 }
        return 64
    }
}

private extension String {
    func replacingDot(vietnamese: Bool = false) -> String {
        vietnamese ? (self == "1.234" ? "1 chấm 234" : "1 phẩy 234") : (self == "1.234" ? "1 point 234" : "1 comma 234")
    }
}
