import Foundation
import Testing

/// A lesson at the real prompt, typed as a learner types it, in a pseudo-terminal: one wrong try, its hint,
/// the right answer, the next step; the place is kept for the next session.
@Suite(.serialized) struct LessonPromptTests {
    @Test func aLearnerTakesAStepWithOneWrongTry() throws {
        let state = NSTemporaryDirectory() + "solieu-lesson-prompt-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let environment = ["TERM": "xterm", "HOME": state, "XDG_STATE_HOME": state, "PATH": "/usr/bin:/bin"]
        let t = try PseudoTerminal(environment: environment)
        #expect(t.waitFor("reports> "))
        t.type("lesson 4" + PseudoTerminal.enter)
        #expect(t.waitFor("Your turn: Compare Ninh Bình's rate between 2021 and 2023."), "\(t.transcript)")
        var mark = t.mark
        // Wrong: the range stops at 2022.
        t.type("compare province=ninh binh year=2021..2022 rate" + PseudoTerminal.enter)
        #expect(t.waitFor("✗ Your result is not the one asked for. Hint: compare province=ninh binh, a range of years 2021..2023, then the measure rate.", after: mark),
                "\(t.transcript[mark...])")
        mark = t.mark
        t.type("compare year=2021..2023 province=ninh binh rate" + PseudoTerminal.enter)
        #expect(t.waitFor("✓ change (pp) is −1.21: the rate fell by 1.21 percentage points.", after: mark), "\(t.transcript[mark...])")
        #expect(t.waitFor("Lesson 4 of 9: Percentage points and percent — step 2 of 3", after: mark))
        #expect(t.waitFor("Your turn: Compare Kon Tum's rate between 2015 and 2017.", after: mark))
        t.type(PseudoTerminal.controlD)
        #expect(t.waitForExit() == 0)
        #expect(try String(contentsOfFile: state + "/solieu/lessons", encoding: .utf8) == "current percentage-points 2\n")

        // The next session goes on at step 2 when `lesson` is typed alone.
        let next = try PseudoTerminal(environment: environment)
        #expect(next.waitFor("reports> "))
        next.type("lesson" + PseudoTerminal.enter)
        #expect(next.waitFor("Lesson 4 of 9: Percentage points and percent — step 2 of 3"), "\(next.transcript)")
        next.type("quit" + PseudoTerminal.enter)
        #expect(next.waitForExit() == 0)
    }
}
