/// A message in both languages the shell speaks.
///
/// Messages are written in the catalogue (`Catalogue` and its `Catalogue+…` files), never at the place that
/// shows them, so the Vietnamese shell has one place to read and review; `CatalogueTests` fails on a
/// `Message(en:` written anywhere else. A verb's help (`summary`, `details`) stays in its registry entry.
public struct Message: Sendable, Equatable {
    public var en: String
    public var vi: String

    public init(en: String, vi: String) {
        self.en = en
        self.vi = vi
    }

    public func text(_ language: Language) -> String { language == .vi ? vi : en }

    /// Text that reads the same in both languages: names, statements, figures and the marks between them
    /// (`rows = 62`, `rate 2015–2023: ▁▃▅`). Anything with a word of either language is a catalogue entry.
    public static func verbatim(_ text: String) -> Message { Message(en: text, vi: text) }

    /// Messages side by side (`province / year`), each language's texts joined with `separator`.
    public static func joined(_ parts: [Message], separator: String) -> Message {
        Message(en: parts.map(\.en).joined(separator: separator), vi: parts.map(\.vi).joined(separator: separator))
    }
}
