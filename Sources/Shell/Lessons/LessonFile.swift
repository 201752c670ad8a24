import Foundation
import Language

/// Reads the text of a `.lesson` file into a `Lesson`.
///
/// The format is kept plain so a trainer writes one in a text editor: `key: text` lines, `step` alone on a
/// line to start a step, `#` comments, and a line starting with a space continuing the text above. Every
/// text a learner reads has an English key and a `.vi` key (`task:` and `task.vi:`). docs/lessons.md is the
/// reference.
public enum LessonFile {
    /// A mistake in a lesson file, at its line and column.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public let file: String
        public let line: Int
        public let column: Int
        public let message: Message

        public var description: String { "\(file):\(line):\(column): \(message.en)" }
        /// `FILE:LINE:COL: error: …`, as a script's errors are shown.
        public var located: Message { Catalogue.errorAt("\(file):\(line):\(column)", message) }
        public func text(_ language: Language) -> String { located.text(language) }
    }

    static let lessonKeys: Set<String> = ["lesson", "title", "title.vi"]
    static let stepKeys: Set<String> = ["setup", "say", "say.vi", "task", "task.vi", "answer", "wrong", "check",
                                        "hint", "hint.vi", "done", "done.vi"]
    static let requiredStepKeys = ["say", "say.vi", "task", "task.vi", "answer", "wrong", "hint", "hint.vi", "done", "done.vi"]

    /// - Throws: `Failure` naming the line and column of the first mistake and what to write instead.
    public static func parse(_ text: String, file: String) throws -> Lesson {
        // Each entry: key, value, line and column where the key was written. `setup` may repeat.
        var header: [String: (String, Int)] = [:]
        var steps: [(line: Int, fields: [(key: String, value: String, line: Int)])] = []
        var last: (inStep: Bool, key: String)?
        let lines = ScriptSplitter.lines(of: text)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if raw.first == " " || raw.first == "\t" {
                // A continuation line: the text goes on, joined with one space.
                guard let (inStep, key) = last else {
                    throw Failure(file: file, line: number, column: 1, message: Catalogue.continuationWithoutText)
                }
                if inStep {
                    let i = steps[steps.count - 1].fields.lastIndex { $0.key == key }!
                    steps[steps.count - 1].fields[i].value += " " + trimmed
                } else {
                    header[key]!.0 += " " + trimmed
                }
                continue
            }
            if trimmed == "step" {
                steps.append((number, []))
                last = nil
                continue
            }
            guard let colon = raw.firstIndex(of: ":") else {
                throw Failure(file: file, line: number, column: 1, message: Catalogue.keyOrStepExpected)
            }
            let key = raw[..<colon].trimmingCharacters(in: .whitespaces)
            let value = raw[raw.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let allowed = steps.isEmpty ? lessonKeys : stepKeys
            guard allowed.contains(key) else {
                let list = allowed.sorted().joined(separator: ", ")
                throw Failure(file: file, line: number, column: 1, message: Catalogue.unknownLessonKey(key, inStep: !steps.isEmpty, allowed: list))
            }
            guard !value.isEmpty else {
                throw Failure(file: file, line: number, column: raw.distance(from: raw.startIndex, to: colon) + 2, message: Catalogue.keyWithoutText(key))
            }
            if steps.isEmpty {
                guard header[key] == nil else {
                    throw Failure(file: file, line: number, column: 1, message: Catalogue.keyGivenTwice(key))
                }
                header[key] = (value, number)
                last = (false, key)
            } else {
                if key != "setup", steps[steps.count - 1].fields.contains(where: { $0.key == key }) {
                    throw Failure(file: file, line: number, column: 1, message: Catalogue.keyGivenTwiceInStep(key))
                }
                steps[steps.count - 1].fields.append((key, value, number))
                last = (true, key)
            }
        }
        let endLine = lines.count
        for key in ["lesson", "title", "title.vi"] where header[key] == nil {
            throw Failure(file: file, line: 1, column: 1, message: Catalogue.lessonKeyMissing(key))
        }
        let name = header["lesson"]!.0
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw Failure(file: file, line: header["lesson"]!.1, column: 1, message: Catalogue.lessonNameSpelling)
        }
        guard !steps.isEmpty else {
            throw Failure(file: file, line: endLine, column: 1, message: Catalogue.lessonWithoutSteps)
        }
        return Lesson(name: name, title: Catalogue.lessonText(header["title"]!.0, header["title.vi"]!.0),
                      steps: try steps.map { try step($0.line, $0.fields, file: file) })
    }

    private static func step(_ line: Int, _ fields: [(key: String, value: String, line: Int)], file: String) throws -> LessonStep {
        var values: [String: String] = [:]
        for field in fields where field.key != "setup" { values[field.key] = field.value }
        for key in requiredStepKeys where values[key] == nil {
            throw Failure(file: file, line: line, column: 1, message: Catalogue.stepKeyMissing(key, required: requiredStepKeys.joined(separator: ", ")))
        }
        let check: LessonCheck
        let checkText = values["check"] ?? "result"
        let checkLine = fields.first { $0.key == "check" }?.line ?? line
        let words = checkText.split(separator: " ", maxSplits: 1).map(String.init)
        switch words.first {
        case "result" where words.count == 1: check = .result
        case "dataset" where words.count == 1: check = .dataset
        case "file" where words.count == 2: check = .file(words[1])
        default:
            throw Failure(file: file, line: checkLine, column: 1, message: Catalogue.unknownCheck(checkText))
        }
        return LessonStep(setup: fields.filter { $0.key == "setup" }.map(\.value),
                          explanation: Catalogue.lessonText(values["say"]!, values["say.vi"]!),
                          task: Catalogue.lessonText(values["task"]!, values["task.vi"]!),
                          answer: values["answer"]!, wrong: values["wrong"]!, check: check,
                          hint: Catalogue.lessonText(values["hint"]!, values["hint.vi"]!),
                          done: Catalogue.lessonText(values["done"]!, values["done.vi"]!))
    }
}
