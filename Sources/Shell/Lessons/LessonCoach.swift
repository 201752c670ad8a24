import Engine
import Foundation
import Language

/// Runs a lesson at the prompt: shows a step, then judges each statement the learner types by what it
/// gives (`LessonCheck`), with a hint after a wrong try, until the step is passed and the next one is shown.
///
/// The model answers run in a second session of their own (`shadow`), which starts from the built-in data
/// as the program does and runs every step's setup and answer in turn, so the learner's own session can be
/// in any state without the expected results changing; each step's `setup` puts the learner's session back
/// where the step needs it.
public final class LessonCoach {
    let progressPath: String
    let lessons: [Lesson]
    unowned let session: Session
    private(set) var progress: LessonProgress
    private var active: Active?
    /// Wrong tries after which the answer is shown.
    static let triesBeforeAnswer = 3

    struct Active {
        let lesson: Lesson
        /// 1-based place among the built-in lessons; nil for a lesson read from a file.
        let number: Int?
        var step: Int
        var tries = 0
        /// Whether the step's setup changed something the learner should be told of.
        var setupShown = false
        let shadow: Session
        let shadowRunner: StatementRunner
        let folder: String
        var expected: Expected
    }

    enum Expected {
        case result(ResultTable)
        case dataset(String?)
        /// The file, and when it was last changed before the step (nil: it did not exist), so a file left
        /// by an earlier session does not pass the step.
        case file(String, changed: Date?)
    }

    /// Whether a lesson is under way (the statements typed are judged).
    public var isActive: Bool { active != nil }

    public init(session: Session, progressPath: String = LessonProgress.defaultPath(), lessons: [Lesson]? = nil) throws {
        self.session = session
        self.progressPath = progressPath
        self.lessons = try lessons ?? LessonCatalogue.builtIn()
        progress = LessonProgress.load(from: progressPath)
    }

    private var language: Language { session.settings.language }

    // MARK: - The `lesson` statement

    /// Runs `lesson ARGUMENT`. - Returns: the lines to show. - Throws: `LanguageError` for a lesson that does
    /// not exist or a lesson file that cannot be read.
    public func command(_ argument: String, at span: SourceSpan) throws -> [String] {
        let word = argument.trimmingCharacters(in: .whitespaces)
        switch TextFolding.fold(word) {
        case "":
            if let active { return [heading(active)] + stepLines(active, withSetup: false) }
            if let current = progress.current, let index = lessons.firstIndex(where: { $0.name == current.name }),
               current.step <= lessons[index].steps.count {
                return try start(lessons[index], number: index + 1, step: current.step - 1)
            }
            return list()
        case "list", "danh sach":
            return list()
        case "stop", "dung", "thoat":
            guard let stopped = active else {
                return [Catalogue.noLessonUnderWay.text(language)]
            }
            finish()
            return [Catalogue.lessonStopped(stopped.lesson.name, atStep: stopped.step + 1).text(language)]
        default:
            if word.hasSuffix(".lesson") { return try start(readLessonFile(word, at: span), number: nil, step: 0) }
            if let n = Int(word), n >= 1, n <= lessons.count { return try start(lessons[n - 1], number: n, step: 0) }
            if let index = lessons.firstIndex(where: { $0.name == TextFolding.fold(word).replacingOccurrences(of: " ", with: "-") }) {
                return try start(lessons[index], number: index + 1, step: 0)
            }
            throw LanguageError(
                Catalogue.unknownLesson(word, count: lessons.count),
                at: span, suggestions: Suggestions.nearest(word, among: lessons.map(\.name)), example: "lesson list")
        }
    }

    private func readLessonFile(_ path: String, at span: SourceSpan) throws -> Lesson {
        let resolved = session.path(path)
        guard let text = try? String(contentsOfFile: resolved, encoding: .utf8) else {
            throw LanguageError(Catalogue.lessonFileUnreadable(path),
                                at: span, example: "lesson list")
        }
        do {
            return try LessonFile.parse(text, file: path)
        } catch let failure as LessonFile.Failure {
            throw LanguageError(Catalogue.lessonFileWrong(failure.located), at: span)
        }
    }

    private func list() -> [String] {
        var lines = [Catalogue.lessonsHeading.text(language)]
        let width = lessons.map(\.name.count).max() ?? 0
        for (i, lesson) in lessons.enumerated() {
            var state = ""
            if progress.current?.name == lesson.name, let step = progress.current?.step {
                state = "  " + Catalogue.lessonAtStep(step, of: lesson.steps.count).text(language)
            } else if progress.done.contains(lesson.name) {
                state = "  " + Catalogue.lessonDone.text(language)
            }
            let number = String(i + 1).count < 2 ? " \(i + 1)" : "\(i + 1)"
            lines.append("  \(number)  \(lesson.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(lesson.title.text(language))\(state)")
        }
        return lines
    }

    // MARK: - Steps

    /// Starts `lesson` at `step` (0-based): a fresh shadow session replays the steps before it.
    private func start(_ lesson: Lesson, number: Int?, step: Int) throws -> [String] {
        finish()
        let shadow = Session()
        try BuiltinData.load(into: shadow)
        shadow.settings = session.settings
        shadow.settings.format = .table
        let folder = NSTemporaryDirectory() + "solieu-lesson-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        shadow.baseDirectory = folder
        let shadowRunner = StatementRunner(session: shadow)
        for earlier in lesson.steps.prefix(step) {
            for statement in earlier.setup { _ = try shadowRun(statement, shadow, lesson) }
            _ = try shadowRun(earlier.answer, shadow, lesson)
        }
        active = Active(lesson: lesson, number: number, step: step, shadow: shadow, shadowRunner: shadowRunner, folder: folder,
                        expected: .dataset(nil))
        try prepareStep()
        return [heading(active!)] + stepLines(active!, withSetup: true)
    }

    private func shadowRun(_ statement: String, _ shadow: Session, _ lesson: Lesson) throws -> Output {
        do {
            return try shadow.run(statement)
        } catch {
            // A model answer that fails is a mistake in the lesson file, said as such.
            throw LanguageError(Catalogue.modelAnswerFails(lesson.name, statement: statement, Catalogue.failure(error)), at: nil)
        }
    }

    /// Runs the step's setup in both sessions and the model answer in the shadow, keeping what it gives.
    private func prepareStep() throws {
        guard var current = active else { return }
        let step = current.lesson.steps[current.step]
        let before = session.currentName
        for statement in step.setup {
            _ = try session.run(statement)
            _ = try shadowRun(statement, current.shadow, current.lesson)
        }
        let output = try shadowRun(step.answer, current.shadow, current.lesson)
        switch step.check {
        case .result:
            guard case .table(let result) = output else {
                throw LanguageError(Catalogue.answerGivesNoTable(current.lesson.name, answer: step.answer), at: nil)
            }
            current.expected = .result(result)
        case .dataset:
            current.expected = .dataset(current.shadow.currentName)
        case .file(let path):
            current.expected = .file(path, changed: LessonCoach.modified(session.path(path)))
        }
        current.tries = 0
        current.setupShown = session.currentName != before || step.setup.contains { !$0.hasPrefix("use ") }
        active = current
        progress.current = (current.lesson.name, current.step + 1)
        progress.save(to: progressPath)
    }

    private func heading(_ active: Active) -> String {
        let title = active.lesson.title.text(language), steps = active.lesson.steps.count
        if let n = active.number {
            return Catalogue.lessonHeading(n, of: lessons.count, title, step: active.step + 1, of: steps).text(language)
        }
        return Catalogue.lessonFileHeading(title, step: active.step + 1, of: steps).text(language)
    }

    private func stepLines(_ active: Active, withSetup: Bool) -> [String] {
        let step = active.lesson.steps[active.step]
        var lines = [step.explanation.text(language)]
        if withSetup && active.setupShown {
            lines.append(Catalogue.setupRun(step.setup.joined(separator: "; ")).text(language))
        }
        lines.append(Catalogue.yourTurn.text(language) + step.task.text(language))
        return lines
    }

    // MARK: - Judging

    /// Judges a statement the learner ran (`output` nil when it failed). - Returns: the lines to show, or
    /// nil when there is no lesson or the statement is not a try (`lesson`, `help`, `explain`: text asked for).
    public func heard(_ statement: String, _ output: Output?) -> [String]? {
        guard var current = active else { return nil }
        let verb = statement.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        // Looking around (help, explain: text) and changing options are not tries.
        if ["lesson", "set"].contains(VerbRegistry.verb(named: verb)?.name) { return nil }
        if case .text? = output { return nil }
        let step = current.lesson.steps[current.step]
        if let reason = mistake(output, current) {
            current.tries += 1
            active = current
            var lines = ["✗ " + reason.text(language) + " " + Catalogue.hint.text(language) + step.hint.text(language)]
            if current.tries >= LessonCoach.triesBeforeAnswer {
                lines.append(Catalogue.theAnswer(step.answer).text(language))
            }
            return lines
        }
        var lines = ["✓ " + step.done.text(language)]
        if current.step + 1 < current.lesson.steps.count {
            current.step += 1
            active = current
            do {
                try prepareStep()
                lines.append("")
                lines += [heading(active!)] + stepLines(active!, withSetup: true)
            } catch {
                lines.append(Catalogue.nextStepFails(Catalogue.failure(error)).text(language))
                finish()
            }
            return lines
        }
        let name = current.lesson.name
        if !progress.done.contains(name) { progress.done.append(name) }
        progress.current = nil
        progress.save(to: progressPath)
        finish()
        if let n = current.number, n < lessons.count {
            lines.append(Catalogue.lessonFinished(n, next: lessons[n].title).text(language))
        } else {
            lines.append(Catalogue.lessonFileFinished.text(language))
        }
        return lines
    }

    /// What is wrong with a try, or nil when it passes.
    private func mistake(_ output: Output?, _ current: Active) -> Message? {
        guard let output else {
            return Catalogue.tryDidNotRun
        }
        switch current.expected {
        case .result(let model):
            guard case .table(let result) = output else {
                return Catalogue.tryGaveNoTable
            }
            if ResultMatch.matches(result, model: model) { return nil }
            if result.table.rowCount != model.table.rowCount {
                return Catalogue.tryRowCount(result.table.rowCount, asked: model.table.rowCount)
            }
            return Catalogue.tryWrongResult
        case .dataset(let name):
            if session.currentName == name { return nil }
            return Catalogue.tryWrongDataset(session.currentName)
        case .file(let path, let before):
            if let now = LessonCoach.modified(session.path(path)), before.map({ now > $0 }) ?? true { return nil }
            return Catalogue.fileNotWritten(path)
        }
    }

    static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// Ends the lesson under way (its place stays in the progress file) and removes the shadow's folder.
    private func finish() {
        if let active { try? FileManager.default.removeItem(atPath: active.folder) }
        active = nil
    }
}
