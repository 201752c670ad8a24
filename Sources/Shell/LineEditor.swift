import CEditLine
import Engine
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
        for binding in LineEditor.keyBindings { ceditline_bind(editor, binding.sequence, binding.command) }
        LineEditor.installInterruptHandler()
    }

    /// The editing keys as each common terminal sends them, and the libedit command each one runs.
    /// libedit knows only some of them by itself (xterm's `ESC[H`); tmux, screen, the Linux console and
    /// PuTTY send `ESC[1~`/`ESC[4~` for Home/End and rxvt `ESC[7~`/`ESC[8~`, which it would otherwise take
    /// as Escape followed by typed text (a stray `~`). Sequences are in libedit's `bind` notation.
    static let keyBindings: [(key: String, sequence: String, command: String)] = [
        ("Home", "\\e[H", "ed-move-to-beg"), ("Home", "\\eOH", "ed-move-to-beg"),
        ("Home", "\\e[1~", "ed-move-to-beg"), ("Home", "\\e[7~", "ed-move-to-beg"),
        ("End", "\\e[F", "ed-move-to-end"), ("End", "\\eOF", "ed-move-to-end"),
        ("End", "\\e[4~", "ed-move-to-end"), ("End", "\\e[8~", "ed-move-to-end"),
        ("Delete", "\\e[3~", "ed-delete-next-char"),
        // Word moves over Vietnamese words: Ctrl- and Alt-Left/Right (xterm), Ctrl-Left/Right (rxvt), as well as Alt-B/Alt-F.
        ("Ctrl-Left", "\\e[1;5D", "ed-prev-word"), ("Ctrl-Right", "\\e[1;5C", "em-next-word"),
        ("Ctrl-Left", "\\eOd", "ed-prev-word"), ("Ctrl-Right", "\\eOc", "em-next-word"),
        ("Alt-Left", "\\e[1;3D", "ed-prev-word"), ("Alt-Right", "\\e[1;3C", "em-next-word"),
    ]

    deinit {
        el_end(editor)
        history_end(history)
    }

    /// The prompt libedit shows, kept alive for its C callback.
    nonisolated(unsafe) static var promptText: UnsafeMutablePointer<CChar> = strdup("solieu> ")
    /// Ctrl-C interrupts the read (no SA_RESTART) and sets `Interruption`'s flag, which a running statement
    /// checks as it goes; it never ends the program.
    static func installInterruptHandler() {
        Interruption.clear()  // first: it makes the flag's cell, which the handler must not be the one to make
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interruption.raise() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started the program with SIGINT blocked (the mask is inherited); at the prompt
        // it must arrive, or Ctrl-C could not stop a statement.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    func read(prompt: String) -> Input {
        free(LineEditor.promptText)
        LineEditor.promptText = strdup(prompt)
        Interruption.clear()
        var count: Int32 = 0
        let line = el_gets(editor, &count)
        if Interruption.isRequested {
            Interruption.clear()
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
