import Language

/// One built-in lesson: a title and steps, each asking the learner for one statement.
/// Read from a `.lesson` file in lessons/ (see docs/lessons.md) by `LessonFile`.
public struct Lesson: Sendable, Equatable {
    /// The name `lesson NAME` takes (e.g. `first-look`).
    public var name: String
    public var title: Message
    public var steps: [LessonStep]
}

/// One step: what is explained, what the learner is asked for, the model answer and how a try is judged.
public struct LessonStep: Sendable, Equatable {
    /// Statements run before the step is asked (e.g. `use reports`), so each step starts from a known state.
    public var setup: [String]
    public var explanation: Message
    public var task: Message
    /// A statement that gives the right result; the check compares the learner's result with its result.
    public var answer: String
    /// A statement that gives a wrong result, for the tests and for trainers reading the file.
    public var wrong: String
    public var check: LessonCheck
    /// Said after a wrong try.
    public var hint: Message
    /// Said when the step is passed: what the result means.
    public var done: Message
}

/// How a learner's try is judged: by what it gives, never by its spelling.
public enum LessonCheck: Sendable, Equatable {
    /// The learner's result holds the model answer's result: the same rows under the model's columns
    /// (matched by name, or by their values when named otherwise); row order and extra columns do not matter.
    case result
    /// After the statement, the current dataset is the one the model answer makes current.
    case dataset
    /// After the statement, the file exists (relative to the session's folder), e.g. after `export`.
    case file(String)
}
