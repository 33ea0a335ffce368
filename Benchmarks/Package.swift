// swift-tools-version: 6.1
// Benchmarks for grdp, in a package of their own so that `swift build` and `swift test`
// of the main package never build the benchmark harness (ordo-one/benchmark).
// Run from this folder: `swift package --disable-sandbox benchmark` (see ../BENCHMARKS.md).
import PackageDescription

let package = Package(
    name: "grdp-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named, so that the dependency does not take the checkout folder's name as its identity.
        .package(name: "grdp", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LeontiefBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "InputOutput", package: "grdp"),
                .product(name: "LinearAlgebra", package: "grdp"),
            ],
            path: "Benchmarks/LeontiefBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Monte Carlo throughput: whole engine runs of the default plan and a synthetic
        // 200-sector model, against numpy_montecarlo.py (see ../BENCHMARKS.md).
        .executableTarget(
            name: "MonteCarloBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Simulation", package: "grdp"),
                .product(name: "Scenarios", package: "grdp"),
                .product(name: "Datasets", package: "grdp"),
                .product(name: "InputOutput", package: "grdp"),
                .product(name: "LinearAlgebra", package: "grdp"),
                .product(name: "Sampling", package: "grdp"),
                "SyntheticModels",
            ],
            path: "Benchmarks/MonteCarloBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The synthetic 200-sector model, shared by the benchmark and synthetic-draws.
        .target(
            name: "SyntheticModels",
            dependencies: [
                .product(name: "Simulation", package: "grdp"),
                .product(name: "Scenarios", package: "grdp"),
                .product(name: "InputOutput", package: "grdp"),
                .product(name: "LinearAlgebra", package: "grdp"),
                .product(name: "Sampling", package: "grdp"),
            ],
            path: "Benchmarks/SyntheticModels"
        ),
        // Writes the synthetic model's draws for numpy_montecarlo.py --validate-draws.
        .executableTarget(
            name: "synthetic-draws",
            dependencies: ["SyntheticModels", .product(name: "Simulation", package: "grdp")],
            path: "Tools/SyntheticDraws"
        ),
        // One engine run of the synthetic model at a chosen sector count (scaling of run).
        .executableTarget(
            name: "synthetic-run",
            dependencies: ["SyntheticModels", .product(name: "Simulation", package: "grdp"), .product(name: "LinearAlgebra", package: "grdp")],
            path: "Tools/SyntheticRun"
        ),
        // Prints the OpenBLAS build and thread count grdp links against, for BENCHMARKS.md.
        .executableTarget(
            name: "blas-info",
            dependencies: [.product(name: "LinearAlgebra", package: "grdp")],
            path: "Tools/BLASInfo"
        ),
    ]
)
