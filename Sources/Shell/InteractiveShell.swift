import Foundation
import Language

/// The prompt: reads a statement, runs it, shows the result, until end of input.
public struct InteractiveShell {
    let runner: StatementRunner

    public init(runner: StatementRunner) { self.runner = runner }

    public func run() {
        let session = runner.session
        print(Banner.lines(session).joined(separator: "\n"))
        while true {
            print("\(session.currentName ?? "solieu")> ", terminator: "")
            fflush(stdout)
            guard let line = readLine() else { print(""); break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if ["quit", "exit", "thoat"].contains(trimmed.lowercased()) { break }
            runner.runScript(line, file: nil)
        }
    }
}

/// The start-up banner: at most three lines saying what is loaded and how to get help.
public enum Banner {
    public static func lines(_ session: Session) -> [String] {
        let current = (try? session.current()).map { "\($0.name) (\($0.table.rowCount) rows)" } ?? "nothing"
        if session.settings.language == .vi {
            return ["solieu — số liệu giảm nghèo. Đang dùng \(current); còn có \(session.order.filter { $0 != session.currentName }.joined(separator: ", ")).",
                    "Gõ help để xem các lệnh, help compare để xem ví dụ; set language en for English."]
        }
        return ["solieu — poverty-reduction figures. Using \(current); also loaded: \(session.order.filter { $0 != session.currentName }.joined(separator: ", ")).",
                "Type help for the verbs, help compare for an example; set language vi cho tiếng Việt."]
    }
}
