import Foundation
import Testing
@testable import Engine

@Suite struct CollationTests {
    /// The Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
    static let alphabet = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n",
                           "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"]

    @Test func alphabetOrder() {
        for (a, b) in zip(Self.alphabet, Self.alphabet.dropFirst()) {
            #expect(VietnameseCollation.precedes(a, b), "\(a) < \(b)")
            #expect(!VietnameseCollation.precedes(b, a), "not \(b) < \(a)")
        }
        // Shuffled, then sorted back.
        var shuffled = Self.alphabet
        shuffled.reverse()
        shuffled.swapAt(3, 17)
        #expect(shuffled.sorted(by: VietnameseCollation.precedes) == Self.alphabet)
    }

    @Test func upperCaseAlphabetOrder() {
        let upper = Self.alphabet.map { $0.uppercased() }
        #expect(upper.reversed().sorted(by: VietnameseCollation.precedes) == upper)
    }

    /// Tones: ngang, huyền, hỏi, ngã, sắc, nặng.
    @Test func toneOrder() {
        let tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
        for (a, b) in zip(tones, tones.dropFirst()) {
            #expect(VietnameseCollation.precedes(a, b), "\(a) < \(b)")
        }
        #expect(tones.reversed().sorted(by: VietnameseCollation.precedes) == tones)
        let onHorn = ["ưa", "ừa", "ửa", "ữa", "ứa", "ựa"]
        #expect(onHorn.reversed().sorted(by: VietnameseCollation.precedes) == onHorn)
    }

    @Test func letterOutranksTone() {
        // ạ (a with the last tone) still sorts before ă (a new letter) and ẵ before â.
        #expect(VietnameseCollation.precedes("ạ", "ă"))
        #expect(VietnameseCollation.precedes("ạz", "ăa"))
        #expect(VietnameseCollation.precedes("ẵ", "â"))
        #expect(VietnameseCollation.precedes("ợ", "p"))
        #expect(VietnameseCollation.precedes("ự", "v"))
        #expect(VietnameseCollation.precedes("dz", "đa"))
        #expect(VietnameseCollation.precedes("Dương", "Đà Nẵng"))
        #expect(VietnameseCollation.precedes("Đà Nẵng", "Gia Lai"))
        #expect(VietnameseCollation.precedes("Đà Nẵng", "Đắk Lắk"))
        #expect(VietnameseCollation.precedes("đ", "e"))
    }

    @Test func plainCodePointOrderWouldBeWrong() {
        // Code points put Đ (U+0110) after Y; Vietnamese puts it right after D.
        #expect("Đà Nẵng" > "Yên Bái")
        #expect(VietnameseCollation.precedes("Đà Nẵng", "Yên Bái"))
    }

    @Test func toneOutranksCase() {
        #expect(VietnameseCollation.precedes("A", "à"))
        #expect(VietnameseCollation.precedes("à", "Á"))
        #expect(VietnameseCollation.precedes("an", "An"))
        #expect(!VietnameseCollation.precedes("An", "an"))
        #expect(VietnameseCollation.precedes("Đ", "e"))
        #expect(VietnameseCollation.precedes("đ", "Đ"))
    }

    @Test func shorterPrefixFirstAndSpaceBeforeLetters() {
        #expect(VietnameseCollation.precedes("An", "An Giang"))
        #expect(VietnameseCollation.precedes("An Giang", "Anh"))
        #expect(VietnameseCollation.precedes("Bà Rịa", "Bạc Liêu"))
        #expect(VietnameseCollation.precedes("", "a"))
        #expect(!VietnameseCollation.precedes("a", ""))
    }

    @Test func digitsBeforeLetters() {
        #expect(["b", "Quận 2", "Quận 10", "Quận 1", "9", "a"].sorted(by: VietnameseCollation.precedes)
                == ["9", "a", "b", "Quận 1", "Quận 10", "Quận 2"])
    }

    @Test func normalisationDoesNotMatter() {
        let composed = "Đà Nẵng Thừa Thiên Huế"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(composed.unicodeScalars) != Array(decomposed.unicodeScalars))
        #expect(VietnameseCollation.key(composed) == VietnameseCollation.key(decomposed))
        #expect(!VietnameseCollation.precedes(composed, decomposed))
        #expect(!VietnameseCollation.precedes(decomposed, composed))
    }

    @Test func equalStringsAreNotOrdered() {
        #expect(!VietnameseCollation.precedes("Huế", "Huế"))
        #expect(VietnameseCollation.key("Huế") == VietnameseCollation.key("Huế"))
        #expect(VietnameseCollation.key("Huế") != VietnameseCollation.key("huế"))
        #expect(VietnameseCollation.key("Huế") != VietnameseCollation.key("Huệ"))
    }

    /// The 63 provinces and cities (before the 2025 merger) in Vietnamese dictionary order.
    static let provinces = [
        "An Giang", "Bà Rịa–Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương",
        "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk",
        "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội",
        "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa",
        "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định",
        "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
        "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
        "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
    ]

    @Test func provincesInDictionaryOrder() {
        #expect(Self.provinces.count == 63)
        var rng = SplitMix64(seed: 7)
        var shuffled = Self.provinces
        for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, rng.int(in: 0...i)) }
        #expect(shuffled != Self.provinces)
        #expect(shuffled.sorted(by: VietnameseCollation.precedes) == Self.provinces)
        #expect(Self.provinces.reversed().sorted(by: VietnameseCollation.precedes) == Self.provinces)
    }

    @Test func ranksShareForEqualStrings() {
        let ranks = VietnameseCollation.ranks(of: ["Huế", "Hà Nội", "an", "Huế", "Đà Nẵng"])
        // Order: an, Đà Nẵng, Hà Nội, Huế, Huế.
        #expect(ranks[2] < ranks[4] && ranks[4] < ranks[1] && ranks[1] < ranks[0])
        #expect(ranks[0] == ranks[3])
        #expect(VietnameseCollation.ranks(of: []) == [])
        let decomposed = "Đà Nẵng".decomposedStringWithCanonicalMapping
        let pair = VietnameseCollation.ranks(of: ["Đà Nẵng", decomposed])
        #expect(pair[0] == pair[1])
    }
}
