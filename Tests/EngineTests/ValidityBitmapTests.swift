import Testing
@testable import Engine

@Suite struct ValidityBitmapTests {
    @Test func appendAndCount() {
        var bitmap = ValidityBitmap([true, false, true])
        #expect(bitmap.count == 3)
        #expect(bitmap.presentCount == 2)
        #expect(!bitmap.isPresent(1))
        for i in 0..<130 { bitmap.append(i % 3 != 0) }
        #expect(bitmap.count == 133)
        #expect(bitmap.presentCount == 2 + 130 - 44)
    }

    @Test func allMissingHasNoStrayBits() {
        let bitmap = ValidityBitmap(count: 70, allPresent: true)
        #expect(bitmap.presentCount == 70)
        #expect(ValidityBitmap(count: 70, allPresent: false).presentCount == 0)
    }

    @Test func columnDropsBitmapWhenNothingIsMissing() {
        let column = Column(name: "x", storage: .integer(.int8([1, 2])), validity: ValidityBitmap([true, true]))
        #expect(column.validity == nil)
        #expect(column.missingCount == 0)
    }
}
