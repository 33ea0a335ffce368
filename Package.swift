// swift-tools-version: 6.1
// grdp — GRDP growth simulation engine: input-output (Leontief) model, growth
// accounting, an estimated baseline forecast and Monte Carlo over policy levers.
// Every target, what it holds and what it may import (layers point down only):
// docs/ARCHITECTURE.md. Charts (SVG, Foundation only) sits under Reporting.
import PackageDescription

let package = Package(
    name: "grdp",
    products: [
        .executable(name: "grdp", targets: ["grdp"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "Spreadsheets", targets: ["Spreadsheets"]),
        .library(name: "InputOutput", targets: ["InputOutput"]),
        .library(name: "Growth", targets: ["Growth"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .library(name: "Sampling", targets: ["Sampling"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
        .library(name: "Forecasting", targets: ["Forecasting"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "Sensitivity", targets: ["Sensitivity"]),
        .library(name: "Exploration", targets: ["Exploration"]),
        .library(name: "Charts", targets: ["Charts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CBLASLapack",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "LinearAlgebra", dependencies: ["CBLASLapack"]),
        .target(name: "Spreadsheets", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "InputOutput", dependencies: ["Spreadsheets", "LinearAlgebra"]),
        .target(name: "Sampling", dependencies: ["LinearAlgebra"]),
        .target(name: "TOML"),
        .target(name: "Scenarios", dependencies: ["TOML", "Sampling", "LinearAlgebra"]),
        .target(name: "Growth", dependencies: ["InputOutput", "Spreadsheets", "LinearAlgebra"]),
        .target(name: "Datasets", dependencies: ["Growth", "InputOutput", "LinearAlgebra"]),
        .target(name: "Forecasting", dependencies: ["Scenarios", "Datasets", "LinearAlgebra", "Sampling"]),
        .target(name: "Simulation", dependencies: ["Scenarios", "Datasets", "Forecasting", "Growth", "InputOutput", "LinearAlgebra", "Sampling"]),
        .target(name: "Sensitivity", dependencies: ["Sampling", "LinearAlgebra"]),
        .target(name: "Exploration", dependencies: ["Simulation", "Sensitivity", "Sampling", "LinearAlgebra"]),
        .target(name: "Charts"),
        .systemLibrary(name: "CZlibStream", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCryptoDigest", providers: [.apt(["libssl-dev"])]),
        .target(
            name: "Reporting",
            dependencies: ["Simulation", "Forecasting", "Exploration", "Sensitivity", "Scenarios", "Sampling", "Datasets", "Growth", "InputOutput",
                           "LinearAlgebra", "Charts", "CZlibStream", "CCryptoDigest", .product(name: "Mustache", package: "swift-mustache")]),
        .target(
            name: "ForecastStore",
            dependencies: ["Reporting", "Forecasting", "TOML", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "GRDPCommands",
            dependencies: [
                "LinearAlgebra", "Spreadsheets", "InputOutput", "Growth", "Datasets", "Sampling", "Scenarios", "Forecasting", "Simulation", "Reporting", "Exploration", "Sensitivity", "ForecastStore", "TOML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "grdp", dependencies: ["GRDPCommands", "LinearAlgebra"]),
        .target(name: "TestSupport", dependencies: ["InputOutput", "LinearAlgebra", .product(name: "ZIPFoundation", package: "ZIPFoundation")], path: "Tests/TestSupport"),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "TestSupport"]),
        .testTarget(name: "SpreadsheetsTests", dependencies: ["Spreadsheets", "TestSupport"]),
        .testTarget(name: "InputOutputTests", dependencies: ["TestSupport", "InputOutput", "Spreadsheets", "LinearAlgebra"]),
        .testTarget(name: "SamplingTests", dependencies: ["Sampling", "LinearAlgebra"]),
        .testTarget(name: "TOMLTests", dependencies: ["TOML", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "TOML", "Sampling"]),
        .testTarget(name: "GrowthTests", dependencies: ["TestSupport", "Growth", "InputOutput", "Spreadsheets", "LinearAlgebra"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Growth", "InputOutput", "LinearAlgebra"]),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "Scenarios", "Datasets", "Sampling"]),
        .testTarget(name: "SensitivityTests", dependencies: ["Sensitivity", "Sampling"]),
        .testTarget(name: "ExplorationTests", dependencies: ["Exploration", "Simulation", "Sensitivity", "Scenarios", "Sampling", "TestSupport", "InputOutput", "LinearAlgebra"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Charts", "Simulation", "Scenarios", "Datasets"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "SimulationTests", dependencies: ["TestSupport", "Simulation", "Scenarios", "Sampling", "InputOutput", "Datasets", "LinearAlgebra"]),
        .testTarget(name: "ForecastStoreTests", dependencies: ["ForecastStore", "Reporting", "Forecasting", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "GRDPCommandsTests", dependencies: ["GRDPCommands", "grdp", "InputOutput", "LinearAlgebra", "Reporting", "Scenarios", "Simulation", "TestSupport"]),
    ]
)
