import Engine
import Foundation

extension CSVReader {
    /// Turns a filled array into a column; for text, merges the chunks' dictionaries into one
    /// NFC-normalised dictionary and remaps the codes.
    static func buildColumn(name: String, filled: ColumnBuffers.Filled, validity: ValidityBitmap?, annotations: ColumnAnnotations,
                            interners: [TextInterner], firstRows: [Int]) -> Column {
        let storage: ColumnStorage
        switch filled {
        case .int8(let v): storage = .integer(.int8(v))
        case .int16(let v): storage = .integer(.int16(v))
        case .int32(let v): storage = .integer(.int32(v))
        case .int64(let v): storage = .integer(.int64(v))
        case .decimal(let v): storage = .decimal(v)
        case .boolean(let v): storage = .boolean(v)
        case .text(let codes):
            storage = .text(mergeDictionaries(codes, interners: interners, firstRows: firstRows, validity: validity))
        }
        return Column(name: name, storage: storage, validity: validity, annotations: annotations)
    }

    /// One dictionary for the whole column: each chunk's strings NFC-normalised and looked up in a shared
    /// map, so `Hòa Bình` typed in two normal forms is one value with one code.
    private static func mergeDictionaries(_ codes: ContiguousArray<Int32>, interners: [TextInterner],
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
        // Remap straight into the narrowest code width, each chunk on its own core.
        func remapped<T: FixedWidthInteger>(_: T.Type) -> ContiguousArray<T> {
            ContiguousArray<T>(unsafeUninitializedCapacity: max(codes.count, 1)) { out, initialised in
                let outBase = out.baseAddress!
                codes.withUnsafeBufferPointer { source in
                    DispatchQueue.concurrentPerform(iterations: interners.count) { chunk in
                        remaps[chunk].withUnsafeBufferPointer { remap in
                            for row in firstRows[chunk]..<firstRows[chunk + 1] {
                                let present = validity?.isPresent(row) ?? true
                                (outBase + row).initialize(to: present ? T(truncatingIfNeeded: remap[Int(source[row])]) : 0)
                            }
                        }
                    }
                }
                initialised = codes.count
            }
        }
        let buffer: IntegerBuffer
        if dictionary.count <= Int(Int8.max) + 1 {
            buffer = .int8(remapped(Int8.self))
        } else if dictionary.count <= Int(Int16.max) + 1 {
            buffer = .int16(remapped(Int16.self))
        } else {
            buffer = .int32(remapped(Int32.self))
        }
        return DictionaryText(codes: buffer, dictionary: dictionary)
    }
}
