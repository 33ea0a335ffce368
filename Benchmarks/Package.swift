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
        // Prints the OpenBLAS build and thread count grdp links against, for BENCHMARKS.md.
        .executableTarget(
            name: "blas-info",
            dependencies: [.product(name: "LinearAlgebra", package: "grdp")],
            path: "Tools/BLASInfo"
        ),
    ]
)
