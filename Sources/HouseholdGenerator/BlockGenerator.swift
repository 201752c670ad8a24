// SYNTHETIC DATA GENERATOR — the households it writes are invented, for benchmarks and tests only.
//
// Generates rows in fixed-size blocks on all cores and writes the blocks in order.
//
// Why blocks: each block gets its own random generator seeded from (seed, block index), so a block's
// bytes depend on nothing but the seed, the options and the block's position. Threads can then generate
// blocks in any order, and the file is byte-identical whatever the thread count or scheduling.
//
// Why double buffering: while one batch of blocks is being written by a serial writer queue, the next
// batch is generated into a second set of buffers, so disk and CPU work overlap.

import Dispatch

/// A reusable byte buffer large enough for one block of rows.
final class BlockBuffer: @unchecked Sendable {
    let bytes: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        bytes = .allocate(capacity: capacity)
    }

    deinit { bytes.deallocate() }
}

/// A write error seen by the writer queue. Only the serial writer queue sets it; the generating thread
/// reads it only after waiting for the writes that could have set it, so no lock is needed.
final class WriteFailure: @unchecked Sendable {
    var error: Error?
}

struct BlockGenerator {
    /// Rows per block. Part of the output format: a different block size gives a different (equally
    /// valid) data set for the same seed, so it is fixed rather than an option.
    static let rowsPerBlock = 65_536

    let rows: Int
    let seed: UInt64
    let model: HouseholdModel
    let formatter: CSVRowFormatter
    /// Blocks generated concurrently per batch. Changes speed and memory only, never the output.
    let blocksPerBatch: Int

    func run(to output: OutputFile) throws {
        try output.write(formatter.header())
        let blockCount = (rows + Self.rowsPerBlock - 1) / Self.rowsPerBlock
        guard blockCount > 0 else { return }

        let batchSize = max(1, min(blocksPerBatch, blockCount))
        let capacity = Self.rowsPerBlock * formatter.maximumRowBytes
        let bufferSets = (0..<2).map { _ in (0..<batchSize).map { _ in BlockBuffer(capacity: capacity) } }
        let writer = DispatchQueue(label: "solieu-households.writer")
        // One group and one failure slot per buffer set, so waiting on a set also publishes its error.
        let pendingWrites = [DispatchGroup(), DispatchGroup()]
        let failures = [WriteFailure(), WriteFailure()]

        var firstBlock = 0
        var batchNumber = 0
        while firstBlock < blockCount {
            let set = batchNumber % 2
            let buffers = bufferSets[set]
            pendingWrites[set].wait()          // the writer is done with this set from two batches ago
            if failures[set].error != nil { break }

            let blocksInBatch = min(batchSize, blockCount - firstBlock)
            let batchStart = firstBlock
            DispatchQueue.concurrentPerform(iterations: blocksInBatch) { offset in
                generateBlock(batchStart + offset, into: buffers[offset])
            }

            writer.async(group: pendingWrites[set]) {
                // Runs on the serial writer queue, the only place either slot is written.
                guard failures[0].error == nil, failures[1].error == nil else { return }
                do {
                    for buffer in buffers.prefix(blocksInBatch) {
                        try output.write(buffer.bytes, count: buffer.count)
                    }
                } catch {
                    failures[set].error = error
                }
            }
            firstBlock += blocksInBatch
            batchNumber += 1
        }
        writer.sync {}
        if let error = failures[0].error ?? failures[1].error { throw error }
    }

    /// Fills `buffer` with the rows of block `blockIndex` (ids are 1-based and continue across blocks).
    private func generateBlock(_ blockIndex: Int, into buffer: BlockBuffer) {
        let firstRow = blockIndex * Self.rowsPerBlock
        let rowCount = min(Self.rowsPerBlock, rows - firstRow)
        precondition(rowCount * formatter.maximumRowBytes <= buffer.capacity)
        var rng = Xoshiro256StarStar(seed: seed, blockIndex: UInt64(blockIndex))
        var writer = ByteWriter(base: buffer.bytes)
        for row in 0..<rowCount {
            let household = model.household(using: &rng)
            formatter.append(id: firstRow + row + 1, household, to: &writer)
        }
        buffer.count = writer.count
    }
}
