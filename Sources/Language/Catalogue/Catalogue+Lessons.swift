/// `lesson`: the list, the heading of a step, the coach's verdict on a try, and the mistakes a trainer can
/// make in a `.lesson` file (docs/lessons.md). A lesson's own texts come from its file, which gives each in
/// both languages (`task:` and `task.vi:`).
extension Catalogue {
    // A lesson file's own text.
    /// A title, explanation, task, hint or closing line, as the lesson file writes it in each language.
    public static func lessonText(_ english: String, _ vietnamese: String) -> Message {
        Message(en: english, vi: vietnamese)
    }

    // The list and the steps.
    public static let lessonsHeading = Message(en: "Lessons (lesson N or its name starts one; lesson alone goes on where you stopped):",
                                               vi: "Các bài học (lesson N hoặc tên bài để bắt đầu; gõ lesson để học tiếp chỗ đang dừng):")

    public static func lessonAtStep(_ step: Int, of steps: Int) -> Message {
        Message(en: "(at step \(step) of \(steps))", vi: "(đang ở bước \(step)/\(steps))")
    }

    public static let lessonDone = Message(en: "(done)", vi: "(đã xong)")

    public static func lessonHeading(_ number: Int, of lessons: Int, _ title: String, step: Int, of steps: Int) -> Message {
        Message(en: "Lesson \(number) of \(lessons): \(title) — step \(step) of \(steps)",
                vi: "Bài \(number)/\(lessons): \(title) — bước \(step)/\(steps)")
    }

    /// The heading of a lesson read from a file, which has no number.
    public static func lessonFileHeading(_ title: String, step: Int, of steps: Int) -> Message {
        Message(en: "Lesson: \(title) — step \(step) of \(steps)", vi: "Bài học: \(title) — bước \(step)/\(steps)")
    }

    /// The statements a step runs before the learner's turn, so nothing changes unseen.
    public static func setupRun(_ statements: String) -> Message {
        Message(en: "(run for you: \(statements))", vi: "(đã chạy sẵn: \(statements))")
    }

    public static let yourTurn = Message(en: "Your turn: ", vi: "Đến lượt bạn: ")
    public static let noLessonUnderWay = Message(en: "no lesson is under way", vi: "không có bài học nào đang diễn ra")

    public static func lessonStopped(_ lesson: String, atStep step: Int) -> Message {
        Message(en: "lesson '\(lesson)' stopped at step \(step); type lesson to go on",
                vi: "đã dừng bài '\(lesson)' ở bước \(step); gõ lesson để học tiếp")
    }

    public static func unknownLesson(_ word: String, count: Int) -> Message {
        Message(en: "there is no lesson '\(word)'; the lessons are 1 to \(count)",
                vi: "không có bài học '\(word)'; các bài học được đánh số từ 1 đến \(count)")
    }

    // The verdict on a try.
    public static let hint = Message(en: "Hint: ", vi: "Gợi ý: ")

    public static func theAnswer(_ answer: String) -> Message {
        Message(en: "The answer: \(answer)", vi: "Đáp án: \(answer)")
    }

    public static func lessonFinished(_ number: Int, next: Message) -> Message {
        Message(en: "Lesson \(number) is done. Next: lesson \(number + 1) (\(next.en)).",
                vi: "Đã xong bài \(number). Bài tiếp theo: lesson \(number + 1) (\(next.vi)).")
    }

    public static let lessonFileFinished = Message(en: "The lesson is done. Type lesson list to see the lessons.",
                                                   vi: "Đã xong bài học. Gõ lesson list để xem các bài.")
    public static let tryDidNotRun = Message(en: "That statement did not run (the error above says why).",
                                             vi: "Câu lệnh đó không chạy được (lỗi ở trên nói vì sao).")
    public static let tryGaveNoTable = Message(en: "That statement gives no table; this step asks for one.",
                                               vi: "Câu lệnh đó không cho bảng; bước này cần một bảng.")

    public static func tryRowCount(_ rows: Int, asked: Int) -> Message {
        let counted = { (n: Int) in n == 1 ? "1 row" : "\(n) rows" }
        return Message(en: "Your result has \(counted(rows)); the one asked for has \(counted(asked)).",
                       vi: "Kết quả của bạn có \(rows) dòng; kết quả cần có \(asked) dòng.")
    }

    public static let tryWrongResult = Message(en: "Your result is not the one asked for.", vi: "Kết quả của bạn chưa đúng yêu cầu.")

    public static func tryWrongDataset(_ current: String?) -> Message {
        Message(en: "The current dataset is \(current ?? "none"), not the one asked for.",
                vi: "Bộ dữ liệu đang dùng là \(current ?? "không có"), chưa đúng yêu cầu.")
    }

    public static func fileNotWritten(_ path: String) -> Message {
        Message(en: "The file \(path) has not been written yet.", vi: "Tệp \(path) chưa được ghi.")
    }

    // A lesson's own mistakes: its file, its model answers.
    public static func lessonFileUnreadable(_ path: String) -> Message {
        Message(en: "cannot read the lesson file '\(path)' (it must exist and be UTF-8 text)",
                vi: "không đọc được tệp bài học '\(path)' (tệp phải có và là văn bản UTF-8)")
    }

    /// A mistake in a lesson file named with `lesson FILE`, with its place.
    public static func lessonFileWrong(_ failure: Message) -> Message {
        Message(en: "the lesson file is wrong: \(failure.en)", vi: "tệp bài học có lỗi: \(failure.vi)")
    }

    public static func modelAnswerFails(_ lesson: String, statement: String, _ reason: Message) -> Message {
        Message(en: "lesson '\(lesson)': its statement '\(statement)' does not run: \(reason.en)",
                vi: "bài '\(lesson)': câu lệnh '\(statement)' của bài không chạy được: \(reason.vi)")
    }

    public static func answerGivesNoTable(_ lesson: String, answer: String) -> Message {
        Message(en: "lesson '\(lesson)': the answer '\(answer)' gives no table; use check: dataset or check: file",
                vi: "bài '\(lesson)': đáp án '\(answer)' không cho bảng; hãy dùng check: dataset hoặc check: file")
    }

    public static func nextStepFails(_ reason: Message) -> Message {
        Message(en: "the next step cannot start: \(reason.en)", vi: "không bắt đầu được bước sau: \(reason.vi)")
    }

    // Mistakes in a .lesson file.
    public static let continuationWithoutText = Message(en: "a line starting with a space continues the text above, and there is none; remove the spaces",
                                                        vi: "dòng bắt đầu bằng dấu cách là phần tiếp của dòng trên, mà ở trên chưa có gì; hãy bỏ dấu cách")
    public static let keyOrStepExpected = Message(en: "expected 'key: text' or 'step', e.g. 'task: Show the rate of Ninh Bình'",
                                                  vi: "cần 'khoá: nội dung' hoặc 'step', ví dụ 'task: Hiển thị tỷ lệ của Ninh Bình'")

    public static func unknownLessonKey(_ key: String, inStep: Bool, allowed list: String) -> Message {
        Message(en: "unknown key '\(key)' \(inStep ? "in a step" : "before the first step"); the keys here are \(list)",
                vi: "không có khoá '\(key)' \(inStep ? "trong một bước" : "trước bước đầu tiên"); các khoá ở đây là \(list)")
    }

    public static func keyWithoutText(_ key: String) -> Message {
        Message(en: "'\(key):' has no text after it", vi: "'\(key):' không có nội dung phía sau")
    }

    public static func keyGivenTwice(_ key: String) -> Message {
        Message(en: "'\(key)' is given twice", vi: "'\(key)' được ghi hai lần")
    }

    public static func keyGivenTwiceInStep(_ key: String) -> Message {
        Message(en: "'\(key)' is given twice in this step; start the next step with a line 'step'",
                vi: "'\(key)' được ghi hai lần trong bước này; hãy bắt đầu bước sau bằng dòng 'step'")
    }

    public static func lessonKeyMissing(_ key: String) -> Message {
        Message(en: "the lesson has no '\(key):' line; the file starts with lesson:, title: and title.vi:",
                vi: "bài học thiếu dòng '\(key):'; tệp bắt đầu bằng lesson:, title: và title.vi:")
    }

    public static let lessonNameSpelling = Message(en: "a lesson's name is lower-case letters, digits and '-' (it is typed as lesson NAME), e.g. first-look",
                                                   vi: "tên bài học gồm chữ thường không dấu, chữ số và '-' (gõ là lesson TÊN), ví dụ first-look")
    public static let lessonWithoutSteps = Message(en: "the lesson has no step; add a line 'step' and its say:, task:, answer: …",
                                                   vi: "bài học chưa có bước nào; hãy thêm dòng 'step' và các khoá say:, task:, answer: …")

    public static func stepKeyMissing(_ key: String, required: String) -> Message {
        Message(en: "the step starting here has no '\(key):'; every step has \(required)",
                vi: "bước bắt đầu ở đây thiếu '\(key):'; mỗi bước cần \(required)")
    }

    public static func unknownCheck(_ check: String) -> Message {
        Message(en: "check is 'result', 'dataset' or 'file PATH', not '\(check)'",
                vi: "check là 'result', 'dataset' hoặc 'file ĐƯỜNG_DẪN', không phải '\(check)'")
    }

    /// Every message above once, with sample arguments: `Catalogue.all` lists them for the tests.
    static var lessonMessages: [Message] { [
        lessonText("Reading a rate", "Đọc một tỷ lệ"),
        lessonsHeading,
        lessonAtStep(2, of: 4),
        lessonDone,
        lessonHeading(3, of: 8, "Percentage points", step: 1, of: 4),
        lessonFileHeading("My lesson", step: 1, of: 2),
        setupRun("use gso"),
        yourTurn,
        noLessonUnderWay,
        lessonStopped("first-look", atStep: 2),
        unknownLesson("9", count: 8),
        hint,
        theAnswer("show province=Ninh Bình year=2023 rate"),
        lessonFinished(1, next: Catalogue.lessonText("Reading a rate", "Đọc một tỷ lệ")),
        lessonFileFinished,
        tryDidNotRun,
        tryGaveNoTable,
        tryRowCount(5, asked: 1),
        tryWrongResult,
        tryWrongDataset("gso"),
        fileNotWritten("out/q4.csv"),
        lessonFileUnreadable("my.lesson"),
        lessonFileWrong(errorAt("my.lesson:3:1", keyGivenTwice("title"))),
        modelAnswerFails("first-look", statement: "shw", notAVerb("shw")),
        answerGivesNoTable("first-look", answer: "use gso"),
        nextStepFails(noDatasetLoaded),
        continuationWithoutText,
        keyOrStepExpected,
        unknownLessonKey("titel", inStep: false, allowed: "lesson, title, title.vi"),
        keyWithoutText("task"),
        keyGivenTwice("title"),
        keyGivenTwiceInStep("task"),
        lessonKeyMissing("title.vi"),
        lessonNameSpelling,
        lessonWithoutSteps,
        stepKeyMissing("hint.vi", required: "say, say.vi, task"),
        unknownCheck("rows"),
    ] }
}
