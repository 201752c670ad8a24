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
    func run<T: NumericCell>(_ values: UnsafeBufferPointer<T>) -> Output
}

extension Column {
    /// Runs `kernel` over the column's values at their stored width.
    /// - Throws: `EngineError.typeMismatch` for a text column.
    @inline(__always)
    public func apply<K: NumericKernel>(_ kernel: K) throws -> K.Output {
        switch storage {
        case .integer(.int8(let a)): return a.withUnsafeBufferPointer { kernel.run($0) }
        case .integer(.int16(let a)): return a.withUnsafeBufferPointer { kernel.run($0) }
        case .integer(.int32(let a)): return a.withUnsafeBufferPointer { kernel.run($0) }
        case .integer(.int64(let a)): return a.withUnsafeBufferPointer { kernel.run($0) }
        case .decimal(let a): return a.withUnsafeBufferPointer { kernel.run($0) }
        case .boolean(let a): return a.withUnsafeBufferPointer { kernel.run($0) }
        case .text: throw EngineError.typeMismatch(column: name, expected: "numbers", actual: type)
        }
    }
}

extension Grouping {
    /// Calls `body(group, row)` for every selected row whose value is present, in selection order.
    @inline(__always)
    func forEachPresentRow(_ validity: ValidityBitmap?, _ body: (Int, Int) -> Void) {
        if isSingle {
            if let validity {
                selection.forEachRow { row in if validity.isPresent(row) { body(0, row) } }
            } else {
                selection.forEachRow { row in body(0, row) }
            }
            return
        }
        groupOfRow.withUnsafeBufferPointer { groups in
            var i = 0
            if let validity {
                selection.forEachRow { row in
                    if validity.isPresent(row) { body(Int(groups[i]), row) }
                    i += 1
                }
            } else {
                selection.forEachRow { row in
                    body(Int(groups[i]), row)
                    i += 1
                }
            }
        }
    }
}
