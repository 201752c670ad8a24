import Testing
@testable import Engine

/// The row-expression kernels on small hand-made columns with known answers.
@Suite struct RowKernelTests {
    static let twoTo53: Int64 = 9_007_199_254_740_992

    @Test func arithmeticKeepsWholeNumbersAndMissing() {
        let members = intColumn([5, nil, -2, 7])
        let plusOne = RowKernel.arithmetic(.add, NumberOperand(members)!, NumberOperand(constant: 1, integral: true), rows: 4)
        #expect(plusOne.type == .integer)
        #expect(cells(plusOne) == [.integer(6), .missing, .integer(-1), .integer(8)])
        // Division is decimal; by zero is missing, never infinity.
        let divisor = intColumn([2, 1, 0, 4])
        let ratio = RowKernel.arithmetic(.divide, NumberOperand(members)!, NumberOperand(divisor)!, rows: 4)
        #expect(cells(ratio) == [.decimal(2.5), .missing, .missing, .decimal(1.75)])
        // A decimal side makes a decimal column even when every result is whole.
        let rates = decColumn([0.5, 1.5, nil, 2])
        #expect(cells(RowKernel.arithmetic(.multiply, NumberOperand(rates)!, NumberOperand(constant: 2, integral: true), rows: 4))
                == [.decimal(1), .decimal(3), .missing, .decimal(4)])
        #expect(NumberOperand(textColumn(["a"])) == nil)
    }

    @Test func functionsAreMissingWhereNotFinite() {
        let x = decColumn([2.345, -2.5, 0, nil, 100])
        #expect(cells(RowKernel.map(.round(scale: 100), NumberOperand(x)!, rows: 5))
                == [.decimal(2.35), .decimal(-2.5), .decimal(0), .missing, .decimal(100)])
        #expect(cells(RowKernel.map(.round(scale: 1), NumberOperand(x)!, rows: 5))
                == [.decimal(2), .decimal(-3), .decimal(0), .missing, .decimal(100)])
        // log10(2.345) as Python's math.log10 gives it.
        #expect(cells(RowKernel.map(.log10, NumberOperand(x)!, rows: 5)) == [.decimal(0.3701428470511021), .missing, .missing, .missing, .decimal(2)])
        #expect(cells(RowKernel.map(.abs, NumberOperand(x)!, rows: 5)) == [.decimal(2.345), .decimal(2.5), .decimal(0), .missing, .decimal(100)])
    }

    @Test func comparisonsAreExactBeyondTwoTo53() {
        let big = intColumn([Self.twoTo53, Self.twoTo53 + 1, nil, .max])
        let equal = RowKernel.compare(.equal, .column(big), .constant(.integer(Self.twoTo53 + 1)), rows: 4)
        #expect(cells(equal) == [.boolean(false), .boolean(true), .missing, .boolean(false)])
        // Against the double 2^53, the integer 2^53 + 1 is greater.
        let greater = RowKernel.compare(.greater, .column(big), .constant(.decimal(9_007_199_254_740_992.0)), rows: 4)
        #expect(cells(greater) == [.boolean(false), .boolean(true), .missing, .boolean(true)])
        let flags = boolColumn([true, false, nil, true])
        #expect(cells(RowKernel.compare(.less, .column(flags), .column(boolColumn([false, true, true, true])), rows: 4))
                == [.boolean(false), .boolean(true), .missing, .boolean(false)])
    }

    @Test func textComparesWithoutAccentsOrCase() {
        let places = textColumn(["Ninh Bình", "ninh binh", "Hà Nội", nil])
        #expect(cells(RowKernel.compare(.equal, .column(places), .constant(.text("NINH BINH")), rows: 4))
                == [.boolean(true), .boolean(true), .boolean(false), .missing])
        // Vietnamese order: Hà Nội before Ninh Bình.
        #expect(cells(RowKernel.compare(.less, .column(places), .constant(.text("Kon Tum")), rows: 4))
                == [.boolean(false), .boolean(false), .boolean(true), .missing])
    }

    @Test func chooseTakesTheNarrowestTypeOfTheChosenValues() {
        let condition = boolColumn([true, false, nil, true])
        let whole = RowKernel.choose(.column(condition), .constant(.integer(1)), .constant(.integer(2)), rows: 4)
        #expect(whole.type == .integer)
        #expect(cells(whole) == [.integer(1), .integer(2), .missing, .integer(1)])
        let mixed = RowKernel.choose(.column(condition), .constant(.integer(1)), .constant(.decimal(2.5)), rows: 4)
        #expect(cells(mixed) == [.decimal(1), .decimal(2.5), .missing, .decimal(1)])
        // The fractional branch is never chosen: the column stays whole.
        let never = RowKernel.choose(.column(boolColumn([true, true])), .constant(.integer(1)), .constant(.decimal(2.5)), rows: 2)
        #expect(never.type == .integer)
        let words = RowKernel.choose(.column(intColumn([0, 3, nil, -1])), .constant(.text("high")), .constant(.integer(0)), rows: 4)
        #expect(cells(words) == [.text("0"), .text("high"), .missing, .text("high")])
    }

    @Test func textFunctionsMergeValuesThatBecomeEqual() {
        let places = textColumn(["Hà Nội", "HÀ NỘI", nil, "Ninh Bình"])
        let folded = RowKernel.mapText(places, TextFolding.fold)
        #expect(cells(folded) == [.text("ha noi"), .text("ha noi"), .missing, .text("ninh binh")])
        guard case .text(let text) = folded.storage else { Issue.record("fold gives text"); return }
        #expect(text.dictionary == ["ha noi", "ninh binh"])
        #expect(cells(RowKernel.mapText(decColumn([2.5, nil]), { $0.uppercased() })) == [.text("2.5"), .missing])
    }
}
