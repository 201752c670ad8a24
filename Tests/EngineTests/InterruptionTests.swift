import Foundation
import Testing
@testable import Engine

/// Long kernels stop at a block boundary once their stop request is raised from another thread. The request
/// (`InterruptionRequest`) is the kernel's own, so the other tests running at the same time are not stopped.
@Suite struct InterruptionTests {
    static let rows = 3_000_000
    static let income = Column(name: "income", storage: .decimal(ContiguousArray((0..<rows).map { Double(($0 &* 7919) % 100_003) })))
    static let province = Column(name: "province", storage: .text(DictionaryText(
        codes: .int8(ContiguousArray((0..<rows).map { Int8($0 % 63) })), dictionary: (0..<63).map { "p\($0)" })))

    /// Runs `work` over and over until it throws; raises the request from another thread after 20 ms.
    /// - Returns: whether the work threw `Interrupted`, and the seconds from the raise to the stop.
    func interrupt(_ work: () throws -> Void) -> (stopped: Bool, afterRaise: Double) {
        let request = InterruptionRequest()
        let raisedAt = LockedTime()
        let raiser = Thread {
            Thread.sleep(forTimeInterval: 0.02)
            raisedAt.set(Date())
            request.raise()
        }
        raiser.start()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            do {
                try request.during { try work() }
            } catch is Interrupted {
                return (true, Date().timeIntervalSince(raisedAt.get() ?? Date()))
            } catch {
                return (false, 0)
            }
        }
        return (false, 0)
    }

    @Test func aMedianByGroupStopsWhenAskedFromAnotherThread() throws {
        let grouping = try Grouping(keys: [Self.province], selection: .all(count: Self.rows))
        let (stopped, after) = interrupt { _ = try Self.income.aggregate(.median, grouping) }
        #expect(stopped)
        // A block is a few milliseconds even in a debug build; a generous bound for a loaded machine.
        #expect(after < 2, "stopped \(after) s after the request")
    }

    @Test func groupingMeansSortAndJoinStopToo() throws {
        #expect(interrupt { _ = try Grouping(keys: [Self.province], selection: .all(count: Self.rows)) }.stopped)
        let grouping = try Grouping(keys: [Self.province], selection: .all(count: Self.rows))
        #expect(interrupt { _ = try Self.income.aggregate(.mean, grouping) }.stopped)
        #expect(interrupt { _ = try Self.income.aggregate(.stddev, grouping) }.stopped)
        #expect(interrupt { _ = try Self.province.aggregate(.countDistinct, grouping) }.stopped)
        #expect(interrupt { _ = try Selection.all(count: Self.rows).sorted(by: [SortKey(Self.income)]) }.stopped)
        // Every left row matches one right row (the incomes are 0..<100,003).
        let distinct = Column(name: "income", storage: .decimal(ContiguousArray((0..<100_003).map(Double.init))))
        #expect(interrupt { _ = try hashJoin(left: [Self.income], right: [distinct], kind: .inner) }.stopped)
    }

    @Test func withoutARequestTheWorkFinishes() throws {
        let grouping = try Grouping(keys: [Self.province], selection: .all(count: 10_000))
        let counts = try Self.income.aggregate(.count, grouping)
        #expect(counts.count == 63)
        #expect(!InterruptionRequest().isRaised)
    }
}

/// A time one thread sets and another reads.
final class LockedTime: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Date?
    func set(_ value: Date) { lock.withLock { time = value } }
    func get() -> Date? { lock.withLock { time } }
}
