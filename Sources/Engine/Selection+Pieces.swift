extension Selection {
    /// Calls `body(position, row)` for the selected rows at `positions` (indices into this selection), in order.
    ///
    /// Parallel kernels give each piece a range of positions; the row is the table row behind each position.
    @inline(__always)
    public func forEachRow(at positions: Range<Int>, _ body: (Int, Int) -> Void) {
        switch self {
        case .all:
            for i in positions { body(i, i) }
        case .rows(let rows):
            rows.withUnsafeBufferPointer { r in for i in positions { body(i, Int(r[i])) } }
        }
    }

    /// Cuts `positions` into blocks of `Interruption.blockRows`, checking for Ctrl-C before each one.
    /// - Throws: `Interrupted` when Ctrl-C was pressed.
    @inline(__always)
    public static func forEachBlock(of positions: Range<Int>, _ body: (Range<Int>) -> Void) throws {
        var start = positions.lowerBound
        while start < positions.upperBound {
            try Interruption.checkpoint()
            let end = min(start + Interruption.blockRows, positions.upperBound)
            body(start..<end)
            start = end
        }
    }
}

extension Selection {
    /// The table row at `position` in this selection.
    @inline(__always)
    public func row(atPosition position: Int) -> Int32 {
        switch self {
        case .all: Int32(position)
        case .rows(let rows): rows[position]
        }
    }
}
