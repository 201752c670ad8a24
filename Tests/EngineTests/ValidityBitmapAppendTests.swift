import Testing
@testable import Engine

@Suite struct ValidityBitmapAppendTests {
    static func pattern(_ count: Int, _ k: Int) -> [Bool] { (0..<count).map { ($0 * 7 + k) % 5 != 0 } }

    /// Appending one bitmap to another, at word-aligned and unaligned lengths, keeps every bit in place.
    @Test(arguments: [(0, 0), (0, 70), (64, 1), (64, 64), (3, 64), (63, 2), (65, 130), (128, 0), (100, 100)])
    func appendContentsOf(first: Int, second: Int) {
        let a = Self.pattern(first, 1), b = Self.pattern(second, 3)
        var bitmap = ValidityBitmap(a)
        bitmap.append(contentsOf: ValidityBitmap(b))
        #expect(bitmap.count == first + second)
        #expect((0..<bitmap.count).map(bitmap.isPresent) == a + b)
        #expect(bitmap.presentCount == (a + b).filter { $0 }.count)
        #expect(bitmap == ValidityBitmap(a + b))
    }

    @Test func setFlipsOneBit() {
        var bitmap = ValidityBitmap(count: 130, allPresent: false)
        bitmap.set(129, present: true)
        bitmap.set(0, present: true)
        bitmap.set(64, present: true)
        bitmap.set(0, present: false)
        #expect(bitmap.presentCount == 2)
        #expect(bitmap.isPresent(64) && bitmap.isPresent(129) && !bitmap.isPresent(0))
        #expect(bitmap.byteCount == 3 * 8)
    }

    @Test func allPresentBitmapOfPartialWordHasNoPaddingBits() {
        let a = ValidityBitmap(count: 65, allPresent: true)
        #expect(a.presentCount == 65)
        #expect(a == ValidityBitmap(Array(repeating: true, count: 65)))
    }
}
