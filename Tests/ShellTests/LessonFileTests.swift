import Engine
import Language
import Testing
@testable import Shell

/// The lesson file format: what it reads, and the place and words of each mistake.
@Suite struct LessonFileTests {
    static let minimal = """
    # a comment
    lesson: tiny
    title: Tiny
    title.vi: Nhỏ

    step
    setup: use reports
    say: First line
      and its continuation.
    say.vi: Dòng đầu
    task: Count.
    task.vi: Đếm.
    answer: count
    wrong: count by year
    hint: h
    hint.vi: g
    done: d
    done.vi: x
    """

    @Test func readsALesson() throws {
        let lesson = try LessonFile.parse(Self.minimal, file: "tiny.lesson")
        #expect(lesson == Lesson(name: "tiny", title: Message(en: "Tiny", vi: "Nhỏ"), steps: [
            LessonStep(setup: ["use reports"], explanation: Message(en: "First line and its continuation.", vi: "Dòng đầu"),
                       task: Message(en: "Count.", vi: "Đếm."), answer: "count", wrong: "count by year", check: .result,
                       hint: Message(en: "h", vi: "g"), done: Message(en: "d", vi: "x")),
        ]))
    }

    @Test func readsCRLFAndEveryCheck() throws {
        for (text, check) in [("check: dataset", LessonCheck.dataset), ("check: file out.csv", .file("out.csv")), ("check: result", .result)] {
            let source = Self.minimal.replacingOccurrences(of: "answer: count", with: "answer: count\n" + text).replacingOccurrences(of: "\n", with: "\r\n")
            #expect(try LessonFile.parse(source, file: "t.lesson").steps[0].check == check)
        }
    }

    func failure(_ text: String) -> LessonFile.Failure? {
        do { _ = try LessonFile.parse(text, file: "t.lesson"); return nil } catch let f as LessonFile.Failure { return f } catch { return nil }
    }

    @Test func mistakesSayWhereAndWhat() {
        #expect(failure(Self.minimal.replacingOccurrences(of: "hint.vi: g\n", with: ""))?.description
                == "t.lesson:6:1: the step starting here has no 'hint.vi:'; every step has say, say.vi, task, task.vi, answer, wrong, hint, hint.vi, done, done.vi")
        #expect(failure(Self.minimal.replacingOccurrences(of: "task: Count.", with: "tsak: Count."))?.description
                == "t.lesson:11:1: unknown key 'tsak' in a step; the keys here are answer, check, done, done.vi, hint, hint.vi, say, say.vi, setup, task, task.vi, wrong")
        #expect(failure(Self.minimal.replacingOccurrences(of: "answer: count", with: "answer: count\ncheck: rows 3"))?.description
                == "t.lesson:14:1: check is 'result', 'dataset' or 'file PATH', not 'rows 3'")
        #expect(failure(Self.minimal.replacingOccurrences(of: "lesson: tiny", with: "lesson: Tiny One"))?.description
                == "t.lesson:2:1: a lesson's name is lower-case letters, digits and '-' (it is typed as lesson NAME), e.g. first-look")
        #expect(failure(Self.minimal.replacingOccurrences(of: "done: d", with: "done:"))?.description == "t.lesson:17:6: 'done:' has no text after it")
        #expect(failure("  stray\nlesson: x")?.description
                == "t.lesson:1:1: a line starting with a space continues the text above, and there is none; remove the spaces")
        #expect(failure("lesson: x\ntitle: X\ntitle.vi: X\n")?.text(.vi) == "t.lesson:4:1: lỗi: bài học chưa có bước nào; hãy thêm dòng 'step' và các khoá say:, task:, answer: …")
    }
}

/// A learner's result is judged by its rows, not by how the statement was written.
@Suite struct ResultMatchTests {
    func result(_ columns: [Column]) throws -> ResultTable { ResultTable(table: try Table(name: "r", columns: columns)) }

    @Test func extraColumnsOtherOrderAndOtherNamesPass() throws {
        let model = try result([Column(name: "year", values: [.integer(2021), .integer(2023)]), Column(name: "mean(rate)", values: [.decimal(3.07), .decimal(1.86)])])
        let learner = try result([Column(name: "avg(rate)", values: [.decimal(1.86), .decimal(3.07)]),
                                  Column(name: "province", values: [.text("Ninh Bình"), .text("Ninh Bình")]),
                                  Column(name: "Year", values: [.integer(2023), .integer(2021)])])
        #expect(ResultMatch.matches(learner, model: model))
    }

    @Test func differentRowsFail() throws {
        let model = try result([Column(name: "year", values: [.integer(2021), .integer(2023)]), Column(name: "rate", values: [.decimal(3.07), .decimal(1.86)])])
        // The same values, paired otherwise: each column matches, the rows do not.
        let crossed = try result([Column(name: "year", values: [.integer(2021), .integer(2023)]), Column(name: "rate", values: [.decimal(1.86), .decimal(3.07)])])
        #expect(!ResultMatch.matches(crossed, model: model))
        let shorter = try result([Column(name: "year", values: [.integer(2021)]), Column(name: "rate", values: [.decimal(3.07)])])
        #expect(!ResultMatch.matches(shorter, model: model))
        let missing = try result([Column(name: "year", values: [.integer(2021), .integer(2023)])])
        #expect(!ResultMatch.matches(missing, model: model))
    }

    @Test func numbersCompareByValue() {
        #expect(ResultMatch.key(.integer(2021)) == ResultMatch.key(.decimal(2021)))
        #expect(ResultMatch.key(.decimal(0.1 + 0.2)) == ResultMatch.key(.decimal(0.3)))
        #expect(ResultMatch.key(.decimal(3.07)) != ResultMatch.key(.decimal(3.08)))
        #expect(ResultMatch.key(.text("1")) != ResultMatch.key(.integer(1)))
        #expect(ResultMatch.key(.missing) != ResultMatch.key(.text("")))
    }
}
