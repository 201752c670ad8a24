// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way (see docs/architecture.md):
//   solieu (executable) → Shell → Language → Engine, and Shell, Language → Formats → Engine;
//   Shell → CEditLine (the system's libedit); Formats → CExpat and ZIPFoundation (reading .xlsx), CXlsxWriter
//   (writing it); Formats → CStructuralScan (the SSE2 scan for field ends in quote-free CSV, in C for its
//   vector compares).
// Remote holds what every remote engine shares (SQLConnection); PostgreSQL → Remote, CLibPQ (the system's libpq).
// SparkConnect → Remote → Engine, and SparkConnect → ArrowIPC (Arrow stream bytes to engine columns) and gRPC.
// Engine knows nothing of files, terminals or the shell; Formats knows nothing of the shell.
let package = Package(
    name: "solieu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "solieu", targets: ["solieu"]),
        .executable(name: "solieu-households", targets: ["HouseholdGenerator"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "Formats", targets: ["Formats"]),
        .library(name: "Language", targets: ["Language"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/grpc/grpc-swift-2", exact: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", exact: "2.9.2"),
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
    ],
    targets: [
        .target(name: "Engine"),
        .systemLibrary(name: "CExpat", pkgConfig: "expat", providers: [.apt(["libexpat1-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "CStructuralScan"),
        .target(name: "Formats", dependencies: ["Engine", "CStructuralScan", "CExpat", "CXlsxWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "Remote", dependencies: ["Engine"]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "PostgreSQL", dependencies: ["Engine", "Remote", "CLibPQ"]),
        .target(name: "ArrowIPC", dependencies: ["Engine", "Remote"]),
        .target(
            name: "SparkConnect",
            dependencies: [
                "Remote", "Engine", "ArrowIPC",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]),
        .target(name: "Language", dependencies: ["Engine", "Formats", "Remote"]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "Shell", dependencies: ["Engine", "Formats", "Language", "CEditLine", "PostgreSQL", "SparkConnect", "Remote"]),
        .executableTarget(
            name: "solieu",
            dependencies: ["Engine", "Formats", "Language", "Shell", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "HouseholdGenerator",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "EngineTests", dependencies: ["Engine"]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "CStructuralScan", "Engine", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "DatasetTests", dependencies: ["Formats", "Engine"]),
        .testTarget(name: "LanguageTests", dependencies: ["Language", "Shell", "Formats", "Engine"]),
        .testTarget(name: "ArrowIPCTests", dependencies: ["ArrowIPC", "Remote", "Engine"], exclude: ["Fixtures"]),
        // Runs against a real Spark Connect server when SOLIEU_TEST_SPARK names one (scripts/test-spark).
        .testTarget(name: "SparkConnectTests", dependencies: ["SparkConnect", "Remote", "Engine", "Formats", .product(name: "GRPCCore", package: "grpc-swift-2")]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Language", "Formats", "Engine"]),
        .testTarget(name: "EngineAgreementTests", dependencies: ["PostgreSQL", "SparkConnect", "Remote", "Shell", "Language", "Engine"]),
        .testTarget(name: "PostgreSQLTests", dependencies: ["PostgreSQL", "Remote", "Shell", "Language", "Engine"]),
    ],
    swiftLanguageModes: [.v5]
)

