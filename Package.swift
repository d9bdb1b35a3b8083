// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sufficiency",
    // No unsafe flags here: SwiftPM refuses them in a package that others depend on by version.
    // The released binary's settings (static Swift runtime, no run-time exclusivity checks) are
    // passed by scripts/build-release.
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
        // Exact: the scenario loader's fast passes read libyaml through Yams' CYaml module, which
        // is not Yams' public API (Scenario/LibYAMLParser.swift); YamsInternalsTests fails, saying
        // what to check, when this pin moves.
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        // The workbench's HTTP server (`sufficiency serve`) and its tests' in-process client.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        // Zips of a run's results folder for the workbench's downloads.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // Reads the workbench's scenario uploads (multipart/form-data).
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
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
            ]
        ),
        // The local web workbench `sufficiency serve` starts: pages, a run queue, a workspace.
        .target(
            name: "SufficiencyWorkbench",
            dependencies: [
                "Sufficiency",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        .executableTarget(
            name: "sufficiency",
            dependencies: [
                "Sufficiency",
                "SufficiencyWorkbench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // Ordinary builds give it a small main that replays files; `scripts/fuzz` builds it with
        // `-sanitize=fuzzer,address -D SUFFICIENCY_FUZZING`, and libFuzzer provides main.
        .executableTarget(name: "SufficiencyFuzz", dependencies: ["Sufficiency"]),
        .testTarget(name: "SufficiencyTests", dependencies: ["Sufficiency", "CGSL"]),
        // Depends on the tool so `swift test` builds the binary these tests run.
        .testTarget(name: "CLITests", dependencies: ["sufficiency", "Sufficiency"]),
        .testTarget(
            name: "WorkbenchTests",
            dependencies: [
                "SufficiencyWorkbench",
                "Sufficiency",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
