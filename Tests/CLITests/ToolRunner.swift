import Foundation

/// What one run of the `sufficiency` binary did.
struct ToolResult {
    /// The arguments it was given (not including the executable).
    var arguments: [String]
    /// Exit status, or the signal number when `terminatedBySignal`.
    var status: Int32
    var terminatedBySignal: Bool
    var stdout: String
    var stderr: String

    /// Standard output split into lines, without a trailing empty line.
    var stdoutLines: [String] { Self.lines(stdout) }
    /// Standard error split into lines, without a trailing empty line.
    var stderrLines: [String] { Self.lines(stderr) }

    /// Everything about the run, for failure messages.
    var transcript: String {
        "sufficiency \(arguments.joined(separator: " "))\nexit status \(status)\(terminatedBySignal ? " (signal)" : "")\n"
            + "--- stdout ---\n\(stdout)--- stderr ---\n\(stderr)--- end ---"
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Runs the `sufficiency` executable built alongside the test bundle.
enum Tool {
    enum Failure: Error, CustomStringConvertible {
        case notFound(searched: [String])
        case timedOut(arguments: [String], seconds: TimeInterval)

        var description: String {
            switch self {
            case let .notFound(searched):
                return "The sufficiency executable was not found; looked in: \(searched.joined(separator: ", ")). "
                    + "Build it with `swift build --build-tests`."
            case let .timedOut(arguments, seconds):
                return "sufficiency \(arguments.joined(separator: " ")) did not finish within \(Int(seconds)) s; it was killed."
            }
        }
    }

    /// The folders the executable may be in, most likely first: beside the test executable or
    /// bundle (`.build/debug/` on Linux and macOS), then `.build/debug` under the repository.
    static var candidateFolders: [URL] {
        var folders: [URL] = []
        if let path = ProcessInfo.processInfo.environment["SUFFICIENCY_BUILD_DIR"] {
            folders.append(URL(fileURLWithPath: path, isDirectory: true))
        }
        let main = Bundle.main.bundleURL
        // Linux: the test bundle is an executable run directly, so the main bundle is its folder.
        folders.append(main)
        // macOS: xctest runs the .xctest bundle; the executable sits beside the bundle.
        folders.append(main.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let executable = Bundle.main.executableURL {
            folders.append(executable.deletingLastPathComponent())
        }
        let build = Repository.root.appendingPathComponent(".build", isDirectory: true)
        folders.append(build.appendingPathComponent("debug", isDirectory: true))
        folders.append(build.appendingPathComponent("release", isDirectory: true))
        return folders
    }

    /// The path of the built `sufficiency` executable.
    static func executable() throws -> URL {
        let fileManager = FileManager.default
        var searched: [String] = []
        for folder in candidateFolders {
            let candidate = folder.appendingPathComponent("sufficiency", isDirectory: false)
            searched.append(candidate.path)
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               fileManager.isExecutableFile(atPath: candidate.path) {
                return candidate.standardizedFileURL
            }
        }
        throw Failure.notFound(searched: searched)
    }

    /// Runs `sufficiency ARGUMENTS` in `directory`, capturing standard output and standard error
    /// (neither is a terminal) and killing it after `timeout` seconds.
    static func run(_ arguments: [String], in directory: URL = Repository.root,
                    timeout: TimeInterval = 120) throws -> ToolResult {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory

        // Files rather than pipes: no risk of a full pipe blocking the child.
        let captureFolder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sufficiency-cli-capture-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: captureFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: captureFolder) }
        let outURL = captureFolder.appendingPathComponent("stdout")
        let errURL = captureFolder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice

        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            try? outHandle.close()
            try? errHandle.close()
            throw Failure.timedOut(arguments: arguments, seconds: timeout)
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        return ToolResult(arguments: arguments, status: process.terminationStatus,
                          terminatedBySignal: process.terminationReason == .uncaughtSignal,
                          stdout: stdout, stderr: stderr)
    }
}
