import Foundation
import Language
import Testing
@testable import Shell

/// Every built-in lesson, run the way a learner would: for each step a wrong answer (which must be told
/// wrong, with the hint) and then the model answer (which must pass), in English and in Vietnamese.
@Suite(.serialized) struct LessonTests {
    static let lessons = (try? LessonCatalogue.builtIn()) ?? []

    /// A runner on the built-in data whose output is collected, with lessons kept in a folder of its own.
    final class Learner {
        let session: Session
        let runner: StatementRunner
        let folder: String
        var text = ""

        init(language: Language = .en, folder: String? = nil) throws {
            self.folder = folder ?? NSTemporaryDirectory() + "solieu-lessons-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: self.folder, withIntermediateDirectories: true)
            session = try TestSession.make()
            session.settings.language = language
            // `export` and `load` in the lessons write and read here, not in the folder the tests run in.
            session.baseDirectory = self.folder
            runner = StatementRunner(session: session)
            runner.lessonCoach = try LessonCoach(session: session, progressPath: self.folder + "/state/lessons")
            runner.output = { [unowned self] in self.text += $0 }
            runner.errors = { [unowned self] in self.text += $0 }
        }

        /// Runs one statement and gives what it printed.
        @discardableResult
        func type(_ statement: String) -> String {
            text = ""
            runner.run(statement)
            return text
        }
    }

    @Test func thereAreAtLeastEightLessonsWithSteps() throws {
        let lessons = try LessonCatalogue.builtIn()
        #expect(lessons.count >= 8)
        #expect(Set(lessons.map(\.name)).count == lessons.count)
        for lesson in lessons { #expect(!lesson.steps.isEmpty, "\(lesson.name)") }
    }

    @Test(arguments: lessons.indices, Language.allCases)
    func modelAnswersPassAndWrongAnswersGetTheHint(_ index: Int, _ language: Language) throws {
        let lesson = Self.lessons[index]
        let learner = try Learner(language: language)
        let start = learner.type("lesson \(index + 1)")
        #expect(start.contains(lesson.title.text(language)), "\(start)")
        #expect(start.contains(lesson.steps[0].task.text(language)), "\(start)")
        for (number, step) in lesson.steps.enumerated() {
            let wrong = learner.type(step.wrong)
            #expect(wrong.contains("✗ "), "\(lesson.name) step \(number + 1): '\(step.wrong)' should be wrong:\n\(wrong)")
            #expect(wrong.contains(step.hint.text(language)), "\(lesson.name) step \(number + 1):\n\(wrong)")
            #expect(!wrong.contains("✓ "))
            let right = learner.type(step.answer)
            #expect(right.contains("✓ " + step.done.text(language)), "\(lesson.name) step \(number + 1): '\(step.answer)' should pass:\n\(right)")
            if number + 1 < lesson.steps.count {
                #expect(right.contains(lesson.steps[number + 1].task.text(language)), "\(right)")
            }
        }
        // Every wrong answer ran: it was judged by its result, not refused as an error.
        #expect(!learner.runner.failed)
        #expect(learner.runner.lessonCoach?.isActive == false)
        let saved = try String(contentsOfFile: learner.folder + "/state/lessons", encoding: .utf8)
        #expect(saved == "done \(lesson.name)\n")
    }

    /// The exact words of a step: heading, explanation, task, a wrong try and its hint, a pass.
    @Test func aStepReadsAsWritten() throws {
        let learner = try Learner()
        #expect(learner.type("lesson percentage-points") == """
            Lesson 4 of \(Self.lessons.count): Percentage points and percent — step 1 of 3
            A poverty rate is a percentage. When it goes from 3.07 % to 1.86 %, it falls by 1.21 percentage points (pp); the fall is 39.4 % of where it started. compare gives both.
            Your turn: Compare Ninh Bình's rate between 2021 and 2023.

            """)
        #expect(learner.type("compare province=Ninh Bình year=2021..2022 rate") == """
            province    2021   2022   change (pp)   change %   per year (pp)
            Ninh Bình   3.07      –             –          –               –
            note: no row for 2022 in this range
            ✗ Your result is not the one asked for. Hint: compare province=ninh binh, a range of years 2021..2023, then the measure rate.

            """)
        // Another spelling, without accents, gives the same result and passes.
        let pass = learner.type("compare year=2021..2023 province=ninh binh rate")
        #expect(pass.hasPrefix("""
            province    2021   2023   change (pp)   change %   per year (pp)
            Ninh Bình   3.07   1.86         −1.21    −39.4 %           −0.60
            note: no row for 2022 in this range
            ✓ change (pp) is −1.21: the rate fell by 1.21 percentage points. Writing "fell by 1.21 %" would be wrong; the relative fall is −39.4 %.

            Lesson 4 of \(Self.lessons.count): Percentage points and percent — step 2 of 3
            """), "\(pass)")
    }

    @Test func theAnswerIsShownAfterTheThirdWrongTry() throws {
        let learner = try Learner(language: .vi)
        learner.type("lesson 1")
        #expect(!learner.type("count").contains("Đáp án"))
        #expect(!learner.type("count by year").contains("Đáp án"))
        #expect(learner.type("count").contains("Đáp án: datasets"))
    }

    /// help and explain can be typed during a lesson without counting as a try; an error is a try.
    @Test func lookingAroundIsNotATry() throws {
        let learner = try Learner()
        learner.type("lesson 2")
        #expect(!learner.type("help show").contains("✗"))
        #expect(!learner.type("explain show year=2022 province rate").contains("✗"))
        let error = learner.type("show yaer=2022 province rate")
        #expect(error.contains("✗ That statement did not run (the error above says why)."), "\(error)")
    }

    /// `lesson` alone resumes at the step where the learner stopped, in a later session.
    @Test func lessonAloneResumesWhereTheLearnerStopped() throws {
        let first = try Learner()
        first.type("lesson 4")
        #expect(first.type("compare province=Ninh Bình year=2021..2023 rate").contains("step 2 of 3"))
        #expect(first.type("lesson stop") == "lesson 'percentage-points' stopped at step 2; type lesson to go on\n")
        #expect(try String(contentsOfFile: first.folder + "/state/lessons", encoding: .utf8) == "current percentage-points 2\n")

        let later = try Learner(folder: first.folder)
        let resumed = later.type("lesson")
        #expect(resumed.hasPrefix("Lesson 4 of \(Self.lessons.count): Percentage points and percent — step 2 of 3\n"), "\(resumed)")
        #expect(later.type("compare province=Kon Tum year=2015..2017 rate").contains("✓ 26.11 % to 20.30 %"))
        let list = later.type("lesson list")
        #expect(list.contains("   4  percentage-points  Percentage points and percent  (at step 3 of 3)\n"), "\(list)")
    }

    @Test func anUnknownLessonNamesTheNearest() throws {
        let learner = try Learner()
        let text = learner.type("lesson percentage-pionts")
        #expect(text.contains("there is no lesson 'percentage-pionts'; the lessons are 1 to \(Self.lessons.count)"), "\(text)")
        #expect(text.contains("percentage-points"))
        #expect(learner.runner.failed)
    }

    /// A trainer's own lesson file runs without being built in.
    @Test func aLessonFileRuns() throws {
        let learner = try Learner()
        try """
        lesson: my-lesson
        title: Counting rows
        title.vi: Đếm dòng
        step
        say: count counts rows.
        say.vi: count đếm số dòng.
        task: Count the rows of reports.
        task.vi: Đếm số dòng của reports.
        answer: count
        wrong: count by year
        hint: one word.
        hint.vi: một từ.
        done: 14 rows.
        done.vi: 14 dòng.
        """.write(toFile: learner.folder + "/my.lesson", atomically: true, encoding: .utf8)
        #expect(learner.type("lesson my.lesson").hasPrefix("Lesson: Counting rows — step 1 of 1\n"))
        #expect(learner.type("count by year").contains("✗ Your result has 8 rows; the one asked for has 1 row."))
        #expect(learner.type("count").contains("✓ 14 rows.\nThe lesson is done."))
    }

    /// The example of docs/lessons.md is a lesson that runs as the document says.
    @Test func theDocumentedLessonRuns() throws {
        let document = try String(contentsOfFile: TestSession.repositoryRoot + "/docs/lessons.md", encoding: .utf8)
        let block = try #require(document.components(separatedBy: "```lesson\n").dropFirst().first?.components(separatedBy: "```").first)
        let lesson = try LessonFile.parse(block, file: "docs/lessons.md")
        let learner = try Learner()
        try block.write(toFile: learner.folder + "/ninh-binh.lesson", atomically: true, encoding: .utf8)
        #expect(learner.type("lesson ninh-binh.lesson").hasPrefix("Lesson: Ninh Bình's rate — step 1 of 1\n"))
        #expect(learner.type(lesson.steps[0].wrong).contains("✗ Your result has 3 rows; the one asked for has 2 rows. Hint: filter province=ninh binh"))
        // Another order of filters and columns, without accents: the same result passes.
        #expect(learner.type("show rate year province=ninh binh").contains("✓ 3.07 % in 2021 and 1.86 % in 2023.\nThe lesson is done."))
    }

    /// The lessons compiled into the program are the files in lessons/ (else run scripts/generate-builtin-data).
    @Test func everyBuiltInLessonIsCurrent() throws {
        let folder = TestSession.repositoryRoot + "/lessons"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".lesson") }.sorted()
        #expect(EmbeddedLessons.files.map(\.name) == files)
        for (name, text) in EmbeddedLessons.files {
            let onDisk = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(text + "\n" == onDisk, "\(name) changed: run scripts/generate-builtin-data")
        }
    }
}
