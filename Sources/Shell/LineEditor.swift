import CEditLine
import Foundation

/// The interactive line editor, on the system's libedit: Vietnamese text, history, Ctrl-R search, Tab
/// completion and Ctrl-C that clears the line instead of ending the session.
final class LineEditor {
    enum Input { case line(String), interrupted, endOfInput }

    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let completer: Completer
    /// Where the completion list is printed.
    private let output = FileHandle.standardOutput

    /// Sets a UTF-8 character locale; without one libedit silently drops every non-ASCII letter
    /// (`Ninh Bình` would become `Ninh Bnh`).
    static func prepareLocale() {
        let chosen = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? ""
        let upper = chosen.uppercased()
        if !(upper.contains("UTF-8") || upper.contains("UTF8")) {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    init(completer: Completer, entries: [String]) {
        LineEditor.prepareLocale()
        self.completer = completer
        editor = el_init("solieu", stdin, stdout, stderr)
        history = history_init()
        ceditline_history_set_size(history, 1000)
        ceditline_history_set_unique(history, 1)
        for entry in entries { ceditline_history_enter(history, entry) }
        ceditline_set_editor(editor, "emacs")
        ceditline_set_history(editor, history)
        ceditline_set_prompt(editor, { _ in LineEditor.promptText })
        ceditline_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
        ceditline_add_function(editor, "solieu-complete", "complete the word before the cursor", { editor, _ in
            guard let editor, let data = ceditline_client_data(editor) else { return ceditline_cc_error }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().completeWord()
        })
        ceditline_bind(editor, "^I", "solieu-complete")
        ceditline_bind(editor, "^R", "em-inc-search-prev")
        // Word moves over Vietnamese words with Alt-Left/Alt-Right as well as Alt-B/Alt-F.
        ceditline_bind(editor, "\\e[1;3D", "ed-prev-word")
        ceditline_bind(editor, "\\e[1;3C", "em-next-word")
        ceditline_bind(editor, "\\e[1;5D", "ed-prev-word")
        ceditline_bind(editor, "\\e[1;5C", "em-next-word")
        LineEditor.installInterruptHandler()
    }

    deinit {
        el_end(editor)
        history_end(history)
    }

    /// The prompt libedit shows, kept alive for its C callback.
    nonisolated(unsafe) static var promptText: UnsafeMutablePointer<CChar> = strdup("solieu> ")
    /// Set by SIGINT; read after libedit returns.
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0

    /// Ctrl-C interrupts the read (no SA_RESTART) and sets a flag; it never ends the program.
    static func installInterruptHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in LineEditor.interrupted = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    func read(prompt: String) -> Input {
        free(LineEditor.promptText)
        LineEditor.promptText = strdup(prompt)
        LineEditor.interrupted = 0
        var count: Int32 = 0
        let line = el_gets(editor, &count)
        if LineEditor.interrupted != 0 {
            LineEditor.interrupted = 0
            el_reset(editor)
            return .interrupted
        }
        guard let line, count > 0 else { return .endOfInput }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    func remember(_ entry: String) {
        ceditline_history_enter(history, entry)
    }

    /// Tab: replace the word before the cursor with the only candidate, or extend it to the candidates'
    /// shared beginning and list them.
    private func completeWord() -> UInt8 {
        guard let info = el_line(editor)?.pointee, let buffer = info.buffer else { return ceditline_cc_error }
        let before = String(decoding: UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                                                          count: info.cursor - info.buffer), as: UTF8.self)
        let completion = completer.complete(before)
        switch completion.candidates.count {
        case 0:
            return ceditline_cc_error
        case 1:
            var replacement = completion.candidates[0]
            if !replacement.hasSuffix("/") { replacement += " " }
            el_deletestr(editor, Int32(completion.replacing))
            el_insertstr(editor, replacement)
            return ceditline_cc_refresh
        default:
            let typed = String(before.suffix(completion.replacing))
            let shared = LineEditor.sharedPrefix(completion.candidates)
            if shared.count > typed.count, TextFolding.fold(shared).hasPrefix(TextFolding.fold(typed)) {
                el_deletestr(editor, Int32(completion.replacing))
                el_insertstr(editor, shared)
            }
            let list = completion.candidates.prefix(60).joined(separator: "   ")
            output.write(Data(("\n" + list + (completion.candidates.count > 60 ? "   …" : "") + "\n").utf8))
            return ceditline_cc_redisplay
        }
    }

    static func sharedPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let chars = Array(word)
            var n = 0
            while n < prefix.count && n < chars.count && prefix[n] == chars[n] { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }
}

import Engine
