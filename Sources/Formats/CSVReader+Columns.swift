import Engine
import Foundation

extension CSVReader {
    /// Turns a filled sink into a column: copies its buffer into the column's storage (then frees it),
    /// packs the presence bytes into a bitmap, and for text merges the chunks' dictionaries into one
    /// NFC-normalised dictionary, remapping codes.
    static func buildColumn(name: String, sink: ColumnSink, interners: [TextInterner], firstRows: [Int]) -> Column {
        let validity = sink.present.map { ValidityBitmap($0) }
        sink.present.map { $0.baseAddress.map { $0.deallocate() } }
        let storage: ColumnStorage
        switch sink.values {
        case .int8(let v): storage = .integer(.int8(adopt(v)))
        case .int16(let v): storage = .integer(.int16(adopt(v)))
        case .int32(let v): storage = .integer(.int32(adopt(v)))
        case .int64(let v): storage = .integer(.int64(adopt(v)))
        case .decimal(let v): storage = .decimal(adopt(v))
        case .boolean(let v): storage = .boolean(adopt(v))
        case .text(let codes):
            storage = .text(mergeDictionaries(codes, interners: interners, firstRows: firstRows, validity: validity))
            codes.baseAddress.map { $0.deallocate() }
        }
        return Column(name: name, storage: storage, validity: validity, annotations: sink.plan.annotations)
    }

    /// Copies a sink buffer into an array and frees the buffer.
    private static func adopt<T>(_ buffer: UnsafeMutableBufferPointer<T>) -> ContiguousArray<T> {
        let array = ContiguousArray(buffer)
        buffer.baseAddress.map { $0.deallocate() }
        return array
    }

    /// One dictionary for the whole column: each chunk's strings NFC-normalised and looked up in a shared
    /// map, so `Hòa Bình` typed in two normal forms is one value with one code.
    private static func mergeDictionaries(_ codes: UnsafeMutableBufferPointer<Int32>, interners: [TextInterner],
                                          firstRows: [Int], validity: ValidityBitmap?) -> DictionaryText {
        var dictionary: [String] = []
        var codeOf: [String: Int32] = [:]
        var remaps: [[Int32]] = []
        for interner in interners {
            remaps.append(interner.strings().map { raw in
                let text = raw.utf8.allSatisfy({ $0 < 0x80 }) ? raw : raw.precomposedStringWithCanonicalMapping
                if let code = codeOf[text] { return code }
                let code = Int32(dictionary.count)
                codeOf[text] = code
                dictionary.append(text)
                return code
            })
        }
        let chunkCount = interners.count
        let final = ContiguousArray<Int32>(unsafeUninitializedCapacity: codes.count) { out, initialised in
            let outBase = out.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let remap = remaps[chunk]
                for row in firstRows[chunk]..<firstRows[chunk + 1] {
                    let present = validity?.isPresent(row) ?? true
                    (outBase + row).initialize(to: present ? remap[Int(codes[row])] : 0)
                }
            }
            initialised = codes.count
        }
        return DictionaryText(codes: IntegerBuffer(codes: final, distinctCount: dictionary.count), dictionary: dictionary)
    }
}
