import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `sufficiency serve` prints the address to open, answers there with the bundled scenarios,
/// and stops cleanly on SIGTERM.
final class ServeCommandTests: XCTestCase {
    func testServePrintsItsAddressAnswersThereAndStopsOnSIGTERM() throws {
        let folder = try makeTemporaryFolder()
        let process = Process()
        process.executableURL = try Tool.executable()
        process.arguments = ["serve", "--port", "0", "--workspace", folder.appendingPathComponent("workspace").path]
        process.currentDirectoryURL = Repository.root
        let outURL = folder.appendingPathComponent("stdout.txt")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        process.standardOutput = outHandle
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        var line = ""
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, !line.hasSuffix("\n") {
            line = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            Thread.sleep(forTimeInterval: 0.05)
        }
        let pattern = try NSRegularExpression(pattern: #"^Sufficiency workbench: http://127\.0\.0\.1:([0-9]+)/\?token=([0-9a-f]{32})\n$"#)
        let match = try XCTUnwrap(pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)), line)
        let port = String(line[Range(match.range(at: 1), in: line)!])
        let token = String(line[Range(match.range(at: 2), in: line)!])
        XCTAssertNotEqual(port, "0")

        func fetch(_ path: String, token: String?) throws -> (Int, String) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            if let token { request.setValue(token, forHTTPHeaderField: "X-Sufficiency-Token") }
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var answer: (Int, String) = (0, "")
            URLSession.shared.dataTask(with: request) { data, response, _ in
                answer = ((response as? HTTPURLResponse)?.statusCode ?? 0, data.map { String(decoding: $0, as: UTF8.self) } ?? "")
                done.signal()
            }.resume()
            done.wait()
            return answer
        }
        let (refused, _) = try fetch("/", token: nil)
        XCTAssertEqual(refused, 401)
        let (status, home) = try fetch("/", token: token)
        XCTAssertEqual(status, 200)
        XCTAssertTrue(home.contains("<a class=\"scenario\" href=\"/scenarios/wiltshire-home-care\">"), home)

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        try outHandle.close()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(try contents(of: folder.appendingPathComponent("workspace")), ["runs", "scenarios"])
    }
}
