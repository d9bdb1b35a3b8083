// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sufficiency",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Sufficiency", targets: ["Sufficiency"]),
        .executable(name: "sufficiency", targets: ["sufficiency"]),
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
        .target(
            name: "Sufficiency",
            dependencies: [
                "CGSL",
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
            ]
        ),
        .testTarget(name: "SufficiencyTests", dependencies: ["Sufficiency", "CGSL"]),
        // Depends on the tool so `swift test` builds the binary these tests run.
        .testTarget(name: "CLITests", dependencies: ["sufficiency"]),
    ]
)
