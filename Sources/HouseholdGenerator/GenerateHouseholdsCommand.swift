// SYNTHETIC DATA GENERATOR — solieu-households
//
// Writes a CSV of invented households for benchmarks and tests of solieu. The data are SYNTHETIC and NOT
// REAL: no household, district, income or poverty status in the output exists. The only real inputs are
// the 63 province names and one published GSO poverty rate per province (ProvinceBaseRates.swift), which
// set how poor each province's invented households tend to be. Never present the output as statistics.

import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct GenerateHouseholds: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solieu-households",
        abstract: "Write a CSV of SYNTHETIC households (not real data) for benchmarks and tests.",
        discussion: """
            The output is invented. No row describes a real household: districts are numbered \
            placeholders, and members, income, urban, ethnic_minority, poor and near_poor are drawn \
            from a made-up model. Only the 63 province names (pre-2025) and one published GSO \
            poverty rate per province (2016, preliminary; 2015 for Hồ Chí Minh) are real; they only make poorer provinces \
            produce more poor households. Use the data to test and time software, never as statistics.

            Columns: household_id, province, district, year (2016-2024), urban (0/1), \
            ethnic_minority (0/1), members (1-9), income (thousand VND per person per month, one \
            decimal), poor (0/1), near_poor (0/1, only when poor is 0).

            The same --seed and options always give byte-identical output, whatever the number of \
            threads.
            """)

    @Option(help: "Number of households to write.")
    var rows: Int = 1_000_000

    @Option(help: "Seed of the pseudo-random generator; the same seed gives the same file.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("File to write; '-' or no option writes to standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "Vietnamese Excel convention: ';' between fields and a decimal comma (1834,5).")
    var vietnamese = false

    @Option(help: .hidden)
    var blocksPerBatch: Int?

    func validate() throws {
        guard rows >= 0 else { throw ValidationError("--rows must be 0 or more.") }
        if let blocksPerBatch, blocksPerBatch < 1 {
            throw ValidationError("--blocks-per-batch must be 1 or more.")
        }
    }

    func run() throws {
        let model = HouseholdModel(provinces: provinceBaseRates)
        let labels = LabelTable(provinces: provinceBaseRates, model: model)
        let formatter = CSVRowFormatter(dialect: vietnamese ? .vietnameseExcel : .standard, labels: labels)
        let generator = BlockGenerator(
            rows: rows, seed: seed, model: model, formatter: formatter,
            blocksPerBatch: blocksPerBatch ?? 2 * Self.processorCount())
        // Output errors surface as "Error: cannot write …" with exit status 1 (not a usage error).
        let file = try OutputFile(path: output == "-" ? nil : output)
        try generator.run(to: file)
        try file.finish()
    }

    /// Online processors, to size a batch; the value changes speed only, never the output.
    static func processorCount() -> Int {
        max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }
}
