import Engine
import Foundation
@testable import Language
import Testing

/// Accent-, case- and spacing-insensitive matching: TextFolding on the 2,904 spelling pairs of
/// shared/data/vi_tone_pairs.csv, and filters typed with and without diacritics through a Session.
@Suite struct AccentMatchingTests {
    static let pairsPath = Transcript.repositoryRoot + "/../shared/data/vi_tone_pairs.csv"

    struct Pair {
        var input: String
        var normalized: String
        var kind: String
        var line: Int
    }

    /// The pairs file, parsed; nil (after recording an issue) when it is missing or malformed.
    static func pairs(sourceLocation: SourceLocation = #_sourceLocation) -> [Pair]? {
        guard let text = try? String(contentsOfFile: pairsPath, encoding: .utf8) else {
            Issue.record("the spelling pairs file is missing: \(pairsPath) (shared/data/vi_tone_pairs.csv next to the repository)",
                         sourceLocation: sourceLocation)
            return nil
        }
        // The file has CRLF line ends; "\r\n" is one Character in Swift, so split on any newline.
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.first == "input,underthesea_normalized,kind,both_nfc,source" else {
            Issue.record("unexpected header in \(pairsPath): \(lines.first ?? "<empty>")", sourceLocation: sourceLocation)
            return nil
        }
        lines.removeFirst()
        var pairs: [Pair] = []
        for (i, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else {
                Issue.record("line \(i + 2) of \(pairsPath) has \(fields.count) fields: \(line)", sourceLocation: sourceLocation)
                return nil
            }
            pairs.append(Pair(input: fields[0], normalized: fields[1], kind: fields[2], line: i + 2))
        }
        return pairs
    }

    @Test func theFileHoldsTheExpectedPairs() throws {
        let pairs = try #require(Self.pairs())
        #expect(pairs.count == 2904)
        #expect(pairs.filter { $0.kind == "style_old_vs_new" }.count == 345)
        #expect(pairs.filter { $0.kind == "misplaced_tone" }.count == 1998)
        #expect(pairs.filter { $0.kind == "other_fix" }.count == 561)
    }

    /// Old and new tone placement (hoà/hòa) and misplaced tones (baì/bài) must fold and tone-normalize
    /// to the same form.
    @Test func equivalentSpellingsFoldAndToneNormalizeAlike() throws {
        let pairs = try #require(Self.pairs())
        var checked = 0
        var foldFailures: [String] = []
        var toneFailures: [String] = []
        for pair in pairs where pair.kind == "style_old_vs_new" || pair.kind == "misplaced_tone" {
            checked += 1
            if TextFolding.fold(pair.input) != TextFolding.fold(pair.normalized) {
                foldFailures.append("line \(pair.line): \(pair.input) → \(TextFolding.fold(pair.input)), \(pair.normalized) → \(TextFolding.fold(pair.normalized))")
            }
            if TextFolding.toneNormalized(pair.input) != TextFolding.toneNormalized(pair.normalized) {
                toneFailures.append("line \(pair.line): \(pair.input) → \(TextFolding.toneNormalized(pair.input)), \(pair.normalized) → \(TextFolding.toneNormalized(pair.normalized))")
            }
        }
        #expect(checked == 2343)
        #expect(foldFailures.isEmpty, "\(foldFailures.count) pairs fold differently, e.g. \(foldFailures.prefix(5))")
        #expect(toneFailures.isEmpty, "\(toneFailures.count) pairs tone-normalize differently, e.g. \(toneFailures.prefix(5))")
    }

    /// The same in decomposed (NFD) input, as some exports write it.
    @Test func decomposedInputFoldsAlike() throws {
        let pairs = try #require(Self.pairs())
        var checked = 0
        for pair in pairs where pair.kind == "style_old_vs_new" || pair.kind == "misplaced_tone" {
            checked += 1
            let nfd = pair.input.decomposedStringWithCanonicalMapping
            #expect(TextFolding.fold(nfd) == TextFolding.fold(pair.normalized), "line \(pair.line)")
            #expect(TextFolding.toneNormalized(nfd) == TextFolding.toneNormalized(pair.normalized), "line \(pair.line)")
        }
        #expect(checked == 2343)
    }

    @Test func foldIgnoresCaseAccentsAndSpacing() {
        #expect(TextFolding.fold("ninh binh") == "ninh binh")
        #expect(TextFolding.fold("NINH BÌNH") == "ninh binh")
        #expect(TextFolding.fold("Ninh  Bình") == "ninh binh")
        #expect(TextFolding.fold(" Ninh\tBình ") == "ninh binh")
        #expect(TextFolding.fold("da nang") == TextFolding.fold("Đà Nẵng"))
        #expect(TextFolding.fold("Đà Nẵng") == "da nang")
        #expect(TextFolding.fold("Hoà Bình") == TextFolding.fold("Hòa Bình"))
        #expect(TextFolding.fold("Bà Rịa–Vũng Tàu") == "ba ria vung tau")
        #expect(TextFolding.fold("Bà Rịa - Vũng Tàu") == "ba ria vung tau")
        #expect(TextFolding.fold("TP.HCM") == "tp hcm")
    }

    @Test func toneNormalizedKeepsTheTone() {
        #expect(TextFolding.toneNormalized("Hà") != TextFolding.toneNormalized("Hạ"))
        #expect(TextFolding.fold("Hà") == TextFolding.fold("Hạ"))
        #expect(TextFolding.toneNormalized("Hoà Bình") == TextFolding.toneNormalized("Hòa  Bình"))
        #expect(TextFolding.toneNormalized("Thuỷ") == TextFolding.toneNormalized("thủy"))
        #expect(TextFolding.toneNormalized("Đà") != TextFolding.toneNormalized("Da"))
        #expect(TextFolding.toneNormalized("Ha") != TextFolding.toneNormalized("Hà"))
        #expect(TextFolding.hasDiacritics("Đa") && TextFolding.hasDiacritics("Hà") && !TextFolding.hasDiacritics("Ha Noi"))
    }

    // MARK: End to end

    /// A session on the built-in data plus a small dataset whose values differ only in diacritics.
    static func sessionWithPlaces() throws -> Session {
        let session = try Transcript.session()
        let places = ["Hà Nam", "Hạ Nam", "Hà Nam", "Hoà Bình", "Hòa Bình", "Hòa Bình", "Đà Nẵng", "Da Nang", "Kon Tum"]
        let table = try Table(name: "places", columns: [
            Column(name: "place", values: places.map { .text($0) }),
            Column(name: "n", values: (1...places.count).map { .integer(Int64($0)) }),
        ])
        session.add(Dataset(table: table, origin: "test"), makeCurrent: true)
        return session
    }

    /// `count by place FILTER` as [place: count].
    static func counts(_ session: Session, _ filter: String) throws -> [String: Int64] {
        guard case .table(let result) = try session.run("count by place \(filter)") else {
            Issue.record("count gave no table")
            return [:]
        }
        let place = try #require(result.table.column(named: "place"))
        let count = try #require(result.table.column(named: "count"))
        var out: [String: Int64] = [:]
        for row in 0..<result.table.rowCount {
            guard case .text(let p) = place.value(at: row), case .integer(let n) = count.value(at: row) else {
                Issue.record("unexpected cells \(place.value(at: row)), \(count.value(at: row))")
                continue
            }
            out[p] = n
        }
        return out
    }

    @Test func typedDiacriticsDecideBetweenValuesThatDifferOnlyInThem() throws {
        let session = try Self.sessionWithPlaces()
        #expect(session.currentName == "places")
        #expect(try Self.counts(session, "place=Hà Nam") == ["Hà Nam": 2])
        #expect(try Self.counts(session, "place=Hạ Nam") == ["Hạ Nam": 1])
        #expect(try Self.counts(session, "place=HÀ  NAM") == ["Hà Nam": 2])
        #expect(try Self.counts(session, "place=\"hạ nam\"") == ["Hạ Nam": 1])
        #expect(try Self.counts(session, "place=Đà Nẵng") == ["Đà Nẵng": 1])
    }

    @Test func withoutDiacriticsBothAreSelected() throws {
        let session = try Self.sessionWithPlaces()
        #expect(try Self.counts(session, "place=ha nam") == ["Hà Nam": 2, "Hạ Nam": 1])
        #expect(try Self.counts(session, "place=HA NAM") == ["Hà Nam": 2, "Hạ Nam": 1])
        #expect(try Self.counts(session, "place=da nang") == ["Đà Nẵng": 1, "Da Nang": 1])
        #expect(try Self.counts(session, "place!=ha nam") == ["Hoà Bình": 1, "Hòa Bình": 2, "Đà Nẵng": 1, "Da Nang": 1, "Kon Tum": 1])
        #expect(try Self.counts(session, "place=ha nam,kon tum") == ["Hà Nam": 2, "Hạ Nam": 1, "Kon Tum": 1])
    }

    /// Hoà and Hòa are one word spelled two ways: typing either (or neither) selects both.
    @Test func oldAndNewTonePlacementAreOneValue() throws {
        let session = try Self.sessionWithPlaces()
        let both: [String: Int64] = ["Hoà Bình": 1, "Hòa Bình": 2]
        #expect(try Self.counts(session, "place=Hòa Bình") == both)
        #expect(try Self.counts(session, "place=Hoà Bình") == both)
        #expect(try Self.counts(session, "place=hoa binh") == both)
    }

    @Test func aValueThatMatchesNothingNamesTheNearest() throws {
        let session = try Self.sessionWithPlaces()
        do {
            _ = try session.run("count place=Ha Nom")
            Issue.record("expected an error")
        } catch let error as LanguageError {
            #expect(error.message.en == "no place matches 'Ha Nom'")
            #expect(error.span == SourceSpan(line: 1, column: 13, endColumn: 19))
            #expect(Set(error.suggestions) == ["Hà Nam", "Hạ Nam"])
        }
    }

    /// On the built-in data: `ninh binh`, `NINH  BÌNH` and `Ninh Bình` select the same rows.
    @Test func builtInProvinceTypedAnyWay() throws {
        let session = try Transcript.session()
        var results: [[String]] = []
        for typed in ["Ninh Bình", "ninh binh", "NINH  BÌNH", "\"ninh bình\""] {
            guard case .table(let result) = try session.run("show province=\(typed) province year rate") else {
                Issue.record("no table for \(typed)")
                continue
            }
            results.append((0..<result.table.rowCount).map { result.table.row($0).map(\.description).joined(separator: "|") })
        }
        #expect(results.count == 4)
        for r in results { #expect(r == ["Ninh Bình|2021|3.07", "Ninh Bình|2023|1.86"]) }
    }
}
