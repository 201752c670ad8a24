import Foundation
@testable import Formats
import Testing

/// The detector's idea of a Vietnamese syllable: every word of the place names passes, mis-decoded words fail.
@Suite struct VietnameseSyllablesTests {
    @Test func everyProvinceAndRegionWordIsASyllable() throws {
        let text = try String(contentsOfFile: EncodingLoadTests.repositoryRoot + "/datasets/provinces.csv", encoding: .utf8)
        var failing: Set<String> = []
        for word in text.split(whereSeparator: { !$0.isLetter }) where word.unicodeScalars.contains(where: { $0.value >= 0x80 }) {
            if !VietnameseSyllables.isSyllable(Array(word.unicodeScalars)) { failing.insert(String(word)) }
        }
        #expect(failing.isEmpty, "\(failing.sorted())")
        #expect(VietnameseSyllables(scoring: text).plausibility == 1)
    }

    @Test func misdecodedWordsAreNoSyllables() {
        // "Hà Nội", "Bình", "Đắk Lắk" written in one encoding and read in another.
        for word in ["Hµ", "Néi", "B×nh", "Bi\u{300}nh".replacingOccurrences(of: "i\u{300}", with: "iÌ"), "§¾k", "Hoaø", "Nguyeãn", "Ho\u{F2}a\u{301}", "tiềnh", "Bìnhh"] {
            #expect(!VietnameseSyllables.isSyllable(Array(word.unicodeScalars)), "\(word)")
        }
        for word in ["Hà", "Nội", "Nguyễn", "Quảng", "Thừa", "Huế", "Đắk", "giữa", "gì", "Khánh", "người", "Huỳnh", "khuya"] {
            #expect(VietnameseSyllables.isSyllable(Array(word.unicodeScalars)), "\(word)")
        }
        #expect(VietnameseSyllables(scoring: "H¼ N‰i").plausibility == 0)
    }
}
