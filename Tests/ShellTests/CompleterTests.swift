import Foundation
import Language
import Testing
@testable import Shell

@Suite struct CompleterTests {
    let completer: Completer

    init() throws {
        completer = Completer(session: try TestSession.make())
    }

    @Test func verbsAtTheStart() {
        #expect(completer.complete("co") == Completion(replacing: 2, candidates: ["count", "compare"]))
        #expect(completer.complete("") .candidates.count == VerbRegistry.all.count)
    }

    @Test func valuesWithoutAccentsCompleteWithAccents() {
        #expect(completer.complete("compare province=ninh b") == Completion(replacing: 6, candidates: ["Ninh Bình"]))
        #expect(completer.complete("show province=QUANG") == Completion(replacing: 5, candidates: ["Quảng Nam"]))
        #expect(completer.complete("show province=Ninh Bình,ca").candidates == ["Cả nước", "Cần Thơ"])
    }

    @Test func encodingNamesAfterALoadPath() {
        #expect(completer.complete("load baocao.csv encoding=") == Completion(replacing: 9, candidates: ["utf-8", "utf-16", "cp1258", "tcvn3", "vni", "viscii"].map { "encoding=" + $0 }))
        #expect(completer.complete("load baocao.csv encoding=V") == Completion(replacing: 10, candidates: ["encoding=vni", "encoding=viscii"]))
        #expect(completer.complete("load baocao.csv enc") == Completion(replacing: 3, candidates: ["encoding="]))
    }

    @Test func valuesThatNeedQuotesAreQuoted() {
        let session = Session()
        session.add(Dataset(table: try! .init(name: "t", columns: [.init(name: "name", values: [.text("Hà Nội, cũ"), .text("Huế")])]), origin: "test"))
        #expect(Completer(session: session).complete("show name=ha") == Completion(replacing: 2, candidates: ["\"Hà Nội, cũ\""]))
    }

    @Test func columnsAfterTheVerb() {
        #expect(completer.complete("compare province=Ninh Bình year=2021..2023 rat").candidates == ["rate", "rate_cut"])
        #expect(completer.complete("show pro").candidates == ["province"])
    }

    @Test func datasetsAfterUse() {
        #expect(completer.complete("use gs").candidates == ["gso", "gso_regions"])
        #expect(completer.complete("describe pro").candidates == ["provinces"])
    }

    @Test func verbsAfterHelp() {
        #expect(completer.complete("help tr").candidates == ["trend"])
    }

    @Test func filesAfterLoad() throws {
        let folder = NSTemporaryDirectory() + "solieu-complete-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: folder + "data", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "households.csv", contents: Data())
        #expect(completer.complete("load \(folder)ho").candidates == [folder + "households.csv"])
        #expect(completer.complete("load \(folder)da").candidates == [folder + "data/"])
    }
}
