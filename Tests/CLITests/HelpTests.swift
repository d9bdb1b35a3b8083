import Foundation
import XCTest

/// `--help` tells users what the tool can do and how to call it.
final class HelpTests: XCTestCase {
    func testTopLevelHelpListsTheSubcommands() throws {
        let result = try runTool(["--help"], expecting: 0)

        let lines = result.stdoutLines
        let subcommands = try XCTUnwrap(lines.firstIndex(of: "SUBCOMMANDS:"), result.transcript)
        let listed = lines[subcommands...].compactMap { line -> String? in
            line.hasPrefix("  ") && !line.hasPrefix("   ") ? line.split(separator: " ").first.map(String.init) : nil
        }
        XCTAssertTrue(listed.contains("run"), "run is not listed:\n\(result.stdout)")
        XCTAssertTrue(listed.contains("validate"), "validate is not listed:\n\(result.stdout)")
        XCTAssertTrue(result.stdout.contains("sufficiency run scenarios/"), "no example:\n\(result.stdout)")
    }

    func testRunHelpDescribesEveryOptionAndShowsAnExample() throws {
        let result = try runTool(["run", "--help"], expecting: 0)

        for option in ["--replications", "--seed", "--out", "--threads", "--set", "--quiet"] {
            XCTAssertTrue(result.stdout.contains("  \(option)"), "\(option) is not described:\n\(result.stdout)")
        }
        XCTAssertTrue(result.stdout.contains("Example"), "no examples heading:\n\(result.stdout)")
        XCTAssertTrue(result.stdout.contains("sufficiency run scenarios/"), "no example command:\n\(result.stdout)")
    }

    func testValidateHelpShowsAnExample() throws {
        let result = try runTool(["validate", "--help"], expecting: 0)

        XCTAssertTrue(result.stdout.contains("sufficiency validate scenarios/"), result.stdout)
        XCTAssertTrue(result.stdout.contains("--set"), result.stdout)
    }

    /// The scenario files the help's examples name are bundled with the tool.
    func testExamplesNameBundledScenarios() throws {
        var named: Set<String> = []
        for arguments in [["--help"], ["run", "--help"], ["validate", "--help"]] {
            let result = try runTool(arguments, expecting: 0)
            let regex = try NSRegularExpression(pattern: #"scenarios/[A-Za-z0-9_.-]+\.yaml"#)
            let text = result.stdout
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                named.insert(String(text[Range(match.range, in: text)!]))
            }
        }
        XCTAssertFalse(named.isEmpty)
        for path in named.sorted() {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Repository.url(path).path),
                          "the help names \(path), which is not in the repository")
        }
    }

    /// The examples the commands' help shows work as written: each `run`, `validate`, `sweep`,
    /// `solve` and `coverage` example (lines the help wraps joined again) runs at one replication
    /// into a temporary folder. Examples that continue a stopped run or run a shard are left
    /// to the interruption and shard tests.
    func testTheHelpsExamplesWorkAsWritten() throws {
        let folder = try makeTemporaryFolder()
        var checked = 0
        for subcommand in ["run", "validate", "sweep", "solve", "coverage"] {
            let help = try runTool([subcommand, "--help"], expecting: 0).stdoutLines
            let start = try XCTUnwrap(help.firstIndex(of: "Examples:"), "\(subcommand) --help has no examples")
            var examples: [String] = []
            for line in help[(start + 1)...] {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
                if line.hasPrefix("  sufficiency ") {
                    examples.append(line.trimmingCharacters(in: .whitespaces))
                } else if !examples.isEmpty {
                    examples[examples.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
                }
            }
            XCTAssertFalse(examples.isEmpty, "\(subcommand) --help shows no example")
            for example in examples where !example.contains("--resume") && !example.contains("--shard") {
                var arguments = Array(ReadmeCommandsTests.words(example).dropFirst())   // after "sufficiency"
                if subcommand != "validate" {
                    checked += 1
                    arguments = ReadmeCommandsTests.oneReplication(arguments, into: folder.appendingPathComponent("\(checked)"))
                }
                let result = try runTool(arguments, expecting: 0, timeout: 300)
                XCTAssertFalse(result.terminatedBySignal, "`\(example)` from \(subcommand) --help:\n\(result.transcript)")
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 8)
    }

    func testUnknownSubcommandIsAUsageError() throws {
        let result = try Tool.run(["simulate", "x.yaml"])
        XCTAssertNotEqual(result.status, 0, result.transcript)
        XCTAssertTrue(result.stderr.contains("simulate") || result.stderr.contains("Usage"), result.transcript)
    }
}
