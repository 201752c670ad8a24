import Dispatch
import Engine
import Foundation

/// Runs async gRPC work to completion for the synchronous `SQLConnection` methods.
///
/// The work runs with a task-executor preference for threads of its own, not the shared cooperative pool: a
/// caller that blocks a pool thread (a test, or the shell on a two-core machine, where the pool has two
/// threads) would otherwise be waiting for work that needs the very thread it holds.
final class BlockingBridge: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "solieu.spark-connect", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    /// Starts `body` on this executor without waiting for it (the client's connection loop).
    func start(_ body: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        Task(executorPreference: self) { await body() }
    }

    /// Runs `body` and blocks the calling thread until it returns or throws.
    ///
    /// Ctrl-C at the prompt (`Interruption`) cancels the work, which cancels the gRPC call, and Spark Connect
    /// stops an execution whose call is cancelled.
    /// - Throws: what `body` throws, or `Interrupted` when Ctrl-C stopped it.
    func wait<Result: Sendable>(_ body: @escaping @Sendable () async throws -> Result) throws -> Result {
        let done = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox<Result>()
        let task = Task(executorPreference: self) {
            do { outcome.set(.success(try await body())) } catch { outcome.set(.failure(error)) }
            done.signal()
        }
        var interrupted = false
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if !interrupted, Interruption.isRequested {
                interrupted = true
                task.cancel()
            }
        }
        if interrupted { throw Interrupted() }
        return try outcome.get()
    }
}

/// The result of one blocked-on call, handed from the task to the waiting thread.
private final class OutcomeBox<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: Swift.Result<Result, any Error>?

    func set(_ value: Swift.Result<Result, any Error>) {
        lock.lock()
        outcome = value
        lock.unlock()
    }

    func get() throws -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try outcome!.get()
    }
}
