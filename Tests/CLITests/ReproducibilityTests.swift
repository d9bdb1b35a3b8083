import Foundation
import XCTest

/// The same scenario and seed give byte-identical CSV files whatever the number of threads.
final class ReproducibilityTests: XCTestCase {
    static let csvFiles = ["summary.csv", "replications.csv", "comparison.csv", "providers.csv"]

    func testThreadCountDoesNotChangeTheResults() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        var outputs: [String: [String: Data]] = [:]
        for threads in ["1", "2", "3"] {
            try runTool(["run", "tiny.yaml", "--seed", "5", "--replications", "6", "--threads", threads,
                         "--out", "t\(threads)", "--quiet"], in: folder, expecting: 0)
            outputs[threads] = try files(in: folder.appendingPathComponent("t\(threads)"))
        }
        for name in Self.csvFiles {
            let one = try XCTUnwrap(outputs["1"]?[name])
            XCTAssertFalse(one.isEmpty)
            XCTAssertEqual(outputs["2"]?[name], one, "\(name) differs between --threads 1 and --threads 2")
            XCTAssertEqual(outputs["3"]?[name], one, "\(name) differs between --threads 1 and --threads 3")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("t2/manifest.json")))
        XCTAssertEqual((manifest as? [String: Any])?["threads"] as? Int, 2)
    }

    func testTheSameSeedRepeatsAndAnotherSeedDiffers() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        for (out, seed) in [("a", "5"), ("b", "5"), ("c", "6")] {
            try runTool(["run", "tiny.yaml", "--seed", seed, "--replications", "3", "--out", out, "--quiet"],
                        in: folder, expecting: 0)
        }
        let a = try files(in: folder.appendingPathComponent("a"))
        let b = try files(in: folder.appendingPathComponent("b"))
        let c = try files(in: folder.appendingPathComponent("c"))
        for name in Self.csvFiles {
            XCTAssertEqual(a[name], b[name], "\(name) differs between two runs with seed 5")
        }
        XCTAssertNotEqual(a["replications.csv"], c["replications.csv"], "seeds 5 and 6 gave identical replications")
    }

    private func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in Self.csvFiles {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }
}
