import Language
import Testing
@testable import Shell

/// The start-up banner in each language: what is loaded, and how to get help.
@Suite struct BannerTests {
    @Test func theBannerSpeaksTheSessionsLanguage() throws {
        let session = try TestSession.make()
        #expect(Banner.lines(session) == [
            "solieu — poverty-reduction figures. Using reports (14 rows); also loaded: gso, gso_regions, provinces.",
            "Type help for the verbs, help compare for an example; set language vi cho tiếng Việt.",
        ])
        session.settings.language = .vi
        #expect(Banner.lines(session) == [
            "solieu — số liệu giảm nghèo. Đang dùng reports (14 dòng); cũng đã nạp: gso, gso_regions, provinces.",
            "Gõ help để xem các lệnh, help compare để xem ví dụ; set language en for English.",
        ])
    }
}
