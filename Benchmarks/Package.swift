// swift-tools-version:6.1
// The benchmark suite: its own package, so ordo-one/benchmark (and its malloc
// interposer) stays out of the main build. Run from this folder with
//     swift package --disable-sandbox benchmark
// See README.md beside this file.
import PackageDescription

let package = Package(
    name: "SufficiencyBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Sufficiency", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The benchmark plugin discovers executable targets whose folder sits in a folder
        // named `Benchmarks`: this package's own folder.
        .executableTarget(
            name: "SufficiencyBenchmarks",
            dependencies: [
                .product(name: "Sufficiency", package: "Sufficiency"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "SufficiencyBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
