extension Verb {
    static let lesson = Verb(
        name: "lesson", aliases: ["bai_hoc"], arguments: .raw,
        syntax: "lesson [N | NAME | FILE.lesson | list | stop]",
        summary: Message(en: "guided lessons at the prompt, from the first show to reading a rate correctly",
                         vi: "các bài học có hướng dẫn ngay tại dấu nhắc, từ lệnh show đầu tiên đến cách đọc đúng một tỷ lệ"),
        details: Message(
            en: "lesson lists the built-in lessons, or resumes the one under way; lesson N (or its name) starts one. Each step explains, asks for a statement and checks what it gives (any statement with the right result passes), with a hint after a wrong try and the answer after the third. Statements such as help and explain can be typed meanwhile. lesson stop leaves the lesson, keeping the place; lesson FILE.lesson runs a trainer's own lesson file (docs/lessons.md). Progress is kept in $XDG_STATE_HOME/solieu/lessons.",
            vi: "lesson liệt kê các bài học có sẵn, hoặc học tiếp bài đang dở; lesson N (hoặc tên bài) bắt đầu một bài. Mỗi bước giải thích, yêu cầu một câu lệnh và kiểm tra kết quả của nó (câu lệnh nào cho đúng kết quả cũng được), gợi ý sau lần gõ sai và đưa đáp án sau lần sai thứ ba. Trong lúc học vẫn gõ được help, explain. lesson stop tạm dừng bài và giữ chỗ đang học; lesson TỆP.lesson chạy bài học do giảng viên tự viết (docs/lessons.md). Tiến độ được lưu ở $XDG_STATE_HOME/solieu/lessons."),
        // `lesson list` shows the reader's own progress, which no example could reproduce.
        examples: [],
        action: { statement, session in
            let argument = statement.rawArgument ?? ("", statement.verb.span)
            guard let host = session.lessonHost else {
                throw LanguageError(Catalogue.lessonsNotAvailable, at: statement.verb.span)
            }
            return .text(try host(argument.text, argument.span))
        })
}
