import Foundation
import Testing
@testable import Engine

/// The flag Ctrl-C's handler raises survives a storm of signals arriving while the interrupted thread reads
/// it. A flag kept in a stored `static var` did not: Swift's run-time exclusivity check saw the handler's
/// store begin inside the interrupted read and aborted the program (tests are built with that check on).
/// The handler here raises a flag of the test's own on SIGUSR1, so no other test's work is interrupted.
@Suite struct SignalSafeFlagTests {
    static let flag = SignalSafeFlag()

    @Test func aHandlerRaisingItWhileTheThreadReadsItDoesNotAbort() {
        // Made now, before any signal: the handler must not be the one to run the static's one-time set-up.
        SignalSafeFlagTests.flag.clear()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in SignalSafeFlagTests.flag.raise() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGUSR1, &action, nil)
        // Afterwards a signal still on its way is ignored, never the default action (which ends the process).
        defer { signal(SIGUSR1, SIG_IGN) }
        // The test runner's threads may block the signal; this one must take it.
        var unblock = sigset_t(), before = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGUSR1)
        pthread_sigmask(SIG_UNBLOCK, &unblock, &before)
        defer { pthread_sigmask(SIG_SETMASK, &before, nil) }

        let reader = pthread_self()
        let signals = 10_000
        let done = SignalSafeFlag()
        let sender = Thread {
            for _ in 0..<signals {
                pthread_kill(reader, SIGUSR1)
                usleep(20)
            }
            done.raise()
        }
        sender.start()
        var seen = 0
        while !done.isRaised {
            if SignalSafeFlagTests.flag.isRaised {
                seen += 1
                SignalSafeFlagTests.flag.clear()
            }
        }
        // Signals sent close together merge into one (more so on a busy machine), but they did arrive while
        // the loop read the flag, and the process is still here.
        #expect(seen > 0, "saw \(seen) of \(signals) signals")
    }
}
