import Engine
import PostgreSQL
import Remote
import Testing

@Suite(.enabled(if: TestServer.isConfigured, TestServer.skipped))
struct CatalogueTests {
    /// Tables of `public` by bare name, others with their schema, views too, columns typed as results are.
    @Test func tablesAndTheirColumns() throws {
        let connection = try TestServer.connect()
        try connection.execute("""
            DROP TABLE IF EXISTS catalogue_households CASCADE;
            CREATE TABLE catalogue_households ("Mã hộ" bigint, year smallint, "Tỷ lệ (%)" numeric(5,2), poor boolean,
                                               province varchar(40), surveyed date, income real);
            CREATE OR REPLACE VIEW catalogue_poor AS SELECT year, province FROM catalogue_households WHERE poor;
            CREATE SCHEMA IF NOT EXISTS solieu_ministry;
            DROP TABLE IF EXISTS solieu_ministry.reviews;
            CREATE TABLE solieu_ministry.reviews (household integer, note text);
            """)
        let tables = try connection.tables()
        #expect(tables.first { $0.name == "catalogue_households" } == RemoteTableInfo(name: "catalogue_households", columns: [
            RemoteColumnInfo(name: "Mã hộ", type: .integer), RemoteColumnInfo(name: "year", type: .integer),
            RemoteColumnInfo(name: "Tỷ lệ (%)", type: .decimal), RemoteColumnInfo(name: "poor", type: .boolean),
            RemoteColumnInfo(name: "province", type: .text), RemoteColumnInfo(name: "surveyed", type: .text),
            RemoteColumnInfo(name: "income", type: .decimal),
        ]))
        #expect(tables.first { $0.name == "catalogue_poor" }?.columns == [
            RemoteColumnInfo(name: "year", type: .integer), RemoteColumnInfo(name: "province", type: .text)])
        let reviews = tables.first { $0.schema == "solieu_ministry" }
        #expect(reviews == RemoteTableInfo(name: "reviews", columns: [
            RemoteColumnInfo(name: "household", type: .integer), RemoteColumnInfo(name: "note", type: .text)], schema: "solieu_ministry"))
        #expect(reviews?.datasetName == "solieu_ministry.reviews")
        #expect(tables.first { $0.name == "catalogue_households" }?.datasetName == "catalogue_households")
        // PostgreSQL's own schemas stay out; public comes before every other schema.
        #expect(!tables.contains { ["pg_catalog", "information_schema"].contains($0.schema ?? "") })
        let firstOther = tables.firstIndex { $0.schema != nil } ?? tables.count
        #expect(tables[firstOther...].allSatisfy { $0.schema != nil })
    }
}
