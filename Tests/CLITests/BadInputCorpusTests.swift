import Foundation
import XCTest

/// Scenarios broken on purpose (`Tests/Fixtures/bad-input`, written by
/// `scripts/make-bad-input-corpus.py`): syntax errors, wrong types, misspelt keys, missing
/// sections, negative, NaN and enormous values, shares that do not add up, names that refer to
/// nothing, wrong encodings, alias bombs, data files that are ragged, missing or outside the
/// scenario's folder, and included files that are missing, outside it, in a cycle or wrong. Each must be refused by `validate` and by `run` with exit status 2 and a
/// message naming the file, the line and the key, without crashing or writing results.
final class BadInputCorpusTests: XCTestCase {
    /// One line of `expected.tsv`.
    struct Case {
        /// The scenario file, relative to the corpus folder (the tool runs there).
        var file: String
        var status: Int32
        /// Texts standard error must contain: `FILE:LINE:`, the key path, the value.
        var texts: [String]
    }

    static let folder = Repository.url("Tests/Fixtures/bad-input")

    /// The cases of `expected.tsv`, in order.
    static func cases() throws -> [Case] {
        let manifest = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        return manifest.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(file: fields[0], status: Int32(fields[1]) ?? -1, texts: Array(fields.dropFirst(2)))
        }
    }

    func testTheManifestListsEveryScenarioInTheCorpus() throws {
        let cases = try Self.cases()
        XCTAssertGreaterThanOrEqual(cases.count, 80, "the corpus should hold at least 80 broken scenarios")
        let listed = Set(cases.map(\.file))
        XCTAssertEqual(listed.count, cases.count, "a scenario is listed twice in expected.tsv")
        let scenarios = try contents(of: Self.folder).filter { $0.hasSuffix(".yaml") }
        XCTAssertEqual(Set(scenarios), listed, "expected.tsv and the corpus folder disagree; run "
                       + "scripts/make-bad-input-corpus.py")
        for item in cases {
            XCTAssertEqual(item.status, 2, "\(item.file): a broken scenario exits with status 2")
            // The scenario, a data file it names, or a file it includes (kept under includes/).
            let place = item.texts.first ?? ""
            XCTAssertTrue(place.hasPrefix(item.file) || place.contains(".csv:") || place.hasPrefix("includes/"),
                          "\(item.file): the first expected text names where the problem is")
        }
    }

    func testValidateRefusesEveryCaseNamingFileLineAndKey() throws {
        for item in try Self.cases() {
            let result = try Tool.run(["validate", item.file], in: Self.folder, timeout: 30)
            check(result, against: item)
        }
    }

    func testRunRefusesEveryCaseBeforeWritingAnything() throws {
        let scratch = try makeTemporaryFolder()
        for item in try Self.cases() {
            let out = scratch.appendingPathComponent(item.file + "-results", isDirectory: true)
            let result = try Tool.run(["run", item.file, "--out", out.path], in: Self.folder, timeout: 30)
            check(result, against: item)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path),
                           "\(item.file): run wrote a results folder for a broken scenario")
        }
        // Nothing was written beside the corpus either (no default results folder).
        XCTAssertFalse(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent("results").path))
        XCTAssertEqual(try contents(of: scratch), [])
    }

    /// Exit status, no crash, and every expected text in standard error.
    private func check(_ result: ToolResult, against item: Case, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(result.terminatedBySignal, "\(item.file) crashed:\n\(result.transcript)", file: file, line: line)
        XCTAssertEqual(result.status, item.status, "\(item.file): unexpected exit status:\n\(result.transcript)",
                       file: file, line: line)
        XCTAssertFalse(result.stderr.isEmpty, "\(item.file): no message on standard error", file: file, line: line)
        for text in item.texts where !result.stderr.contains(text) {
            XCTFail("\(item.file): standard error does not contain '\(text)':\n\(result.transcript)", file: file, line: line)
        }
    }
}
