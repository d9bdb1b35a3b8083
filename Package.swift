// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sufficiency",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Sufficiency", targets: ["Sufficiency"]),
        .executable(name: "sufficiency", targets: ["sufficiency"]),
        // The scenario loader's libFuzzer harness; `scripts/fuzz` builds and runs it.
        .executable(name: "sufficiency-fuzz", targets: ["SufficiencyFuzz"]),
    ],
    dependencies: [
        // Pinned to the versions this project's machines carry.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // libxlsxwriter, which writes results.xlsx (`run --xlsx`).
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "Sufficiency",
            dependencies: [
                "CGSL",
                "CXLSXWriter",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: [
                // Configuration and results arrays are read by one thread at a time;
                // dynamic exclusivity checks on them cost a tenth of run time.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
            ]
        ),
        .executableTarget(
            name: "sufficiency",
            dependencies: [
                "Sufficiency",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [
                // The Swift runtime and Foundation linked in: a released binary starts in half the
                // time (it resolves no Swift symbols at load) and runs on a machine, such as a
                // cluster node, that has GSL but no Swift toolchain.
                .unsafeFlags(["-static-stdlib"], .when(configuration: .release)),
            ],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        // Ordinary builds give it a small main that replays files; `scripts/fuzz` builds it with
        // `-sanitize=fuzzer,address -D SUFFICIENCY_FUZZING`, and libFuzzer provides main.
        .executableTarget(name: "SufficiencyFuzz", dependencies: ["Sufficiency"]),
        .testTarget(name: "SufficiencyTests", dependencies: ["Sufficiency", "CGSL"]),
        // Depends on the tool so `swift test` builds the binary these tests run.
        .testTarget(name: "CLITests", dependencies: ["sufficiency", "Sufficiency"]),
    ]
)
