import Foundation

/// A stream written by pyarrow (scripts/make-arrow-fixtures) and the values pyarrow reads back from it.
struct ArrowFixture {
    struct ExpectedColumn {
        let name: String
        /// pyarrow's name of the column's type, such as `int8`, `decimal128(20, 2)` or `large_string`.
        let arrowType: String
        /// Each cell as pyarrow's `to_pylist` gave it: numbers as their exact text, dates in ISO form, nil
        /// for a missing cell.
        let values: [Any?]
    }

    let bytes: [UInt8]
    let rows: Int
    let columns: [ExpectedColumn]

    static let folder: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent("\(name).arrows")))
    }

    init(_ name: String) throws {
        bytes = try ArrowFixture.bytes(name)
        let json = try Data(contentsOf: ArrowFixture.folder.appendingPathComponent("\(name).json"))
        let object = try JSONSerialization.jsonObject(with: json) as! [String: Any]
        rows = object["rows"] as! Int
        columns = (object["columns"] as! [[String: Any]]).map { column in
            ExpectedColumn(name: column["name"] as! String, arrowType: column["arrow"] as! String,
                           values: (column["values"] as! [Any]).map { $0 is NSNull ? nil : $0 })
        }
    }
}
