import Engine
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
        #expect(completer.complete("co") == Completion(replacing: 2, candidates: ["count", "compare", "connect"]))
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

    /// A session holding a table with Excel-style headers, as loaded: `Số hộ nghèo` has the alias so_ho_ngheo.
    static func excelHeaders() throws -> Session {
        let session = Session()
        session.add(Dataset(table: try Table(name: "Báo cáo 2023", columns: [
            Column(name: "Tỉnh/Thành phố", values: [.text("Kon Tum"), .text("Ninh Bình")]),
            Column(name: "Số hộ nghèo", values: [.integer(18302), .integer(5484)]),
            Column(name: "Số hộ nghèo - Tổng số", values: [.integer(18302), .integer(5484)]),
            Column(name: "rate", values: [.decimal(12.08), .decimal(1.86)]),
        ]), origin: "test"))
        return session
    }

    @Test func namesThatNeedBackticksCompleteAsTheAliasOrInBackticks() throws {
        let session = try Self.excelHeaders()
        let completer = Completer(session: session)
        // What is typed starts the alias: the alias; otherwise the name in backticks.
        #expect(completer.complete("count by tinh") == Completion(replacing: 4, candidates: ["tinh_thanh_pho"]))
        #expect(completer.complete("sum Số").candidates == ["`Số hộ nghèo`", "`Số hộ nghèo - Tổng số`", "sort"])
        #expect(completer.complete("sum so_ho").candidates == ["so_ho_ngheo", "so_ho_ngheo_tong_so"])
        #expect(completer.complete("sum `so ho ngheo - t") == Completion(replacing: 16, candidates: ["`Số hộ nghèo - Tổng số`"]))
        #expect(completer.complete("show ra").candidates == ["rate"])
        // A value after a backticked or aliased column.
        #expect(completer.complete("show `Tỉnh/Thành phố`=ninh").candidates == ["Ninh Bình"])
        #expect(completer.complete("show tinh_thanh_pho=kon").candidates == ["Kon Tum"])
        #expect(completer.complete("use bao").candidates == ["bao_cao_2023"])
        // Whatever is offered runs as inserted.
        for line in ["count by tinh_thanh_pho", "sum `Số hộ nghèo`", "sum so_ho_ngheo_tong_so", "sum `Số hộ nghèo - Tổng số`",
                     "show `Tỉnh/Thành phố`=Ninh Bình", "use bao_cao_2023"] {
            #expect(throws: Never.self, "\(line)") { _ = try session.run(line) }
        }
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
