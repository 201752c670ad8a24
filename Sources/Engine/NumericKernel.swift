/// A cell type a numeric kernel can read: every integer width, doubles, and booleans as 0/1.
public protocol NumericCell {
    var asDouble: Double { get }
    var asInt64: Int64 { get }
    static var isIntegral: Bool { get }
}

extension Int8: NumericCell {}
extension Int16: NumericCell {}
extension Int32: NumericCell {}
extension Int64: NumericCell {}
extension FixedWidthInteger where Self: SignedInteger {
    @inline(__always) public var asDouble: Double { Double(self) }
    @inline(__always) public var asInt64: Int64 { Int64(self) }
    public static var isIntegral: Bool { true }
}
extension Double: NumericCell {
    @inline(__always) public var asDouble: Double { self }
    @inline(__always) public var asInt64: Int64 { Int64(self) }
    public static var isIntegral: Bool { false }
}
extension Bool: NumericCell {
    @inline(__always) public var asDouble: Double { self ? 1 : 0 }
    @inline(__always) public var asInt64: Int64 { self ? 1 : 0 }
    public static var isIntegral: Bool { true }
}

/// A kernel written once, generically, and specialised by the compiler for each stored cell type.
/// (Swift closures cannot be generic, so kernels that must see values at their own width are types.)
public protocol NumericKernel {
    associatedtype Output
    /// - Throws: `Interrupted` when Ctrl-C stops the kernel at a block boundary.
    func run<T: NumericCell>(_ values: UnsafeBufferPointer<T>) throws -> Output
}

extension Column {
    /// Runs `kernel` over the column's values at their stored width.
    /// - Throws: `EngineError.typeMismatch` for a text column; `Interrupted` on Ctrl-C.
    @inline(__always)
    public func apply<K: NumericKernel>(_ kernel: K) throws -> K.Output {
        switch storage {
        case .integer(.int8(let a)): return try a.withUnsafeBufferPointer { try kernel.run($0) }
        case .integer(.int16(let a)): return try a.withUnsafeBufferPointer { try kernel.run($0) }
        case .integer(.int32(let a)): return try a.withUnsafeBufferPointer { try kernel.run($0) }
        case .integer(.int64(let a)): return try a.withUnsafeBufferPointer { try kernel.run($0) }
        case .decimal(let a): return try a.withUnsafeBufferPointer { try kernel.run($0) }
        case .boolean(let a): return try a.withUnsafeBufferPointer { try kernel.run($0) }
        case .text: throw EngineError.typeMismatch(column: name, expected: "numbers", actual: type)
        }
    }
}

extension Grouping {
    /// Calls `body(group, row)` for every selected row at `positions` (indices into the selection) whose value
    /// is present, in selection order.
    @inline(__always)
    func forEachPresentRow(at positions: Range<Int>, _ validity: ValidityBitmap?, _ body: (Int, Int) -> Void) {
        if isSingle {
            if let validity {
                selection.forEachRow(at: positions) { _, row in if validity.isPresent(row) { body(0, row) } }
            } else {
                selection.forEachRow(at: positions) { _, row in body(0, row) }
            }
            return
        }
        groupOfRow.withUnsafeBufferPointer { groups in
            if let validity {
                selection.forEachRow(at: positions) { i, row in if validity.isPresent(row) { body(Int(groups[i]), row) } }
            } else {
                selection.forEachRow(at: positions) { i, row in body(Int(groups[i]), row) }
            }
        }
    }

    /// Calls `body(group, row)` for every selected row at `positions` (all of them by default) whose value is
    /// present, in selection order, on the calling thread.
    /// - Throws: `Interrupted` on Ctrl-C (checked at every block of rows).
    @inline(__always)
    func forEachPresentRow(_ validity: ValidityBitmap?, in positions: Range<Int>? = nil, _ body: (Int, Int) -> Void) throws {
        try Selection.forEachBlock(of: positions ?? 0..<selection.count) { block in forEachPresentRow(at: block, validity, body) }
    }

    /// Partial aggregation: runs `partial` on each piece of the selected rows (positions in the selection) at
    /// once, on all cores, and returns the partial results in piece order, for the caller to merge.
    /// - Parameter perPieceCost: how many groups each partial holds; many groups mean fewer, larger pieces.
    func partials<P>(_ partial: (Range<Int>) throws -> P) throws -> [P] {
        let pieces = Parallel.aggregationPieces(selection.count, perPieceCost: groupCount)
        return try Parallel.mapThrowing(pieces.count) { try partial(pieces[$0]) }
    }
}
