import Engine
@testable import PostgreSQL
import Remote
import Testing

/// What needs no server: how an address is shown, how cells are written for COPY and read from results.
@Suite struct AddressTests {
    @Test func displayNameNeverHoldsThePassword() throws {
        let address = try PostgresAddress("postgresql://an:s3cr%40t@127.0.0.1:5433/solieu?sslmode=disable")
        #expect(address.displayName == "postgresql://an@127.0.0.1:5433/solieu")
        #expect(address.password == "s3cr@t")
        #expect(address.scrubbed("failed for s3cr@t") == "failed for ***")
        let parameter = try PostgresAddress("postgres://an@db.example/solieu?password=hidden-one&application_name=x")
        #expect(parameter.displayName == "postgresql://an@db.example/solieu")
        #expect(parameter.password == "hidden-one")
        #expect(try PostgresAddress("postgresql://127.0.0.1:5432/solieu").displayName == "postgresql://127.0.0.1:5432/solieu")
    }

    @Test func anotherSchemeIsRefused() {
        let error = remoteError { _ = try PostgresAddress("mysql://an:secret@db/solieu") }
        #expect(error?.kind == .connect)
        #expect(error?.english == "'mysql://…@db/solieu' is not a PostgreSQL address: it starts with postgresql:// "
            + "(for example postgresql://an@127.0.0.1:5432/solieu).")
    }

    @Test func copyTextEscapes() throws {
        let column = Column(name: "t", type: .text, values: [.text("a\tb\nc\\d\re"), .missing, .text("\\N"), .text("Hà Nội")])
        let written = try (0..<4).map { row -> String in
            var bytes: [UInt8] = []
            try CopyText.append(column, row: row, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(written == ["a\\tb\\nc\\\\d\\re", "\\N", "\\\\N", "Hà Nội"])
        #expect([Double.nan, .infinity, -.infinity, 0.1, 1e-05, -0.0, 1e16].map(CopyText.number)
                == ["NaN", "Infinity", "-Infinity", "0.1", "1e-05", "-0.0", "1e+16"])
    }

    @Test func integersAreReadExactly() {
        func parse(_ text: String) -> Int64? {
            text.withCString { IntegerColumnBuilder.parse($0, length: text.utf8.count) }
        }
        #expect(parse("-9223372036854775808") == .min)
        #expect(parse("9223372036854775807") == .max)
        #expect(parse("9223372036854775808") == nil)
        #expect(parse("-9223372036854775809") == nil)
        #expect(parse("+17") == 17)
        #expect(parse("-") == nil)
        #expect(parse("") == nil)
        #expect(parse("12a") == nil)
    }

    @Test func statementTimeoutFromTheEnvironment() throws {
        #expect(try PostgresConnection.statementTimeout(from: [:]) == 300)
        #expect(try PostgresConnection.statementTimeout(from: ["SOLIEU_POSTGRES_TIMEOUT": " 600 "]) == 600)
        #expect(try PostgresConnection.statementTimeout(from: ["SOLIEU_POSTGRES_TIMEOUT": "0"]) == 0)
        #expect(throws: RemoteError.self) { try PostgresConnection.statementTimeout(from: ["SOLIEU_POSTGRES_TIMEOUT": "-1"]) }
    }
}
