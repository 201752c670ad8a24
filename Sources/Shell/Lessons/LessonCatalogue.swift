import Language

/// The built-in lessons, compiled into the program from lessons/*.lesson (`EmbeddedLessons`, written by
/// scripts/generate-builtin-data), in the order of their file names.
public enum LessonCatalogue {
    /// - Throws: `LessonFile.Failure` when a built-in file is wrong (a test reads every one).
    public static func builtIn() throws -> [Lesson] {
        try EmbeddedLessons.files.map { try LessonFile.parse($0.text, file: "lessons/" + $0.name) }
    }
}
