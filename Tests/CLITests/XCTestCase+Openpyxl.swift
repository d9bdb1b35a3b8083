import Foundation
import XCTest

extension XCTestCase {
    /// A Python 3 that can import openpyxl (Debian's python3-openpyxl, which CI installs through
    /// .ci/install-test-tools); without one the test is skipped, or fails where tools are required
    /// (`MissingTestTool`).
    func openpyxlPython() throws -> URL {
        for path in ["/usr/bin/python3", "/usr/local/bin/python3"] {
            let url = URL(fileURLWithPath: path)
            guard FileManager.default.isExecutableFile(atPath: path),
                  (try? runPython(url, ["-c", "import openpyxl"]).status) == 0 else { continue }
            return url
        }
        throw MissingTestTool.error("no python3 with openpyxl (Debian: apt-get install python3-openpyxl), so results.xlsx cannot be read back")
    }

    /// Runs `python ARGUMENTS`; its exit status and standard output and error together.
    func runPython(_ python: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-python-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
    }
}
