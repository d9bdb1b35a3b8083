import Foundation
import XCTest

extension XCTestCase {
    /// A new empty folder, deleted when the test ends.
    func makeTemporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sufficiency-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder.resolvingSymlinksInPath()
    }

    /// Writes `text` to `name` inside `folder` and returns its URL.
    @discardableResult
    func write(_ text: String, to name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Runs the tool, failing the test with the full transcript if it did not exit with `status`.
    @discardableResult
    func runTool(_ arguments: [String], in directory: URL = Repository.root, expecting status: Int32,
                 timeout: TimeInterval = 120, file: StaticString = #filePath, line: UInt = #line) throws -> ToolResult {
        let result = try Tool.run(arguments, in: directory, timeout: timeout)
        XCTAssertFalse(result.terminatedBySignal, "crashed:\n\(result.transcript)", file: file, line: line)
        XCTAssertEqual(result.status, status, "unexpected exit status:\n\(result.transcript)", file: file, line: line)
        return result
    }

    /// The names in `folder`, sorted, including hidden ones.
    func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }
}
