import Foundation
import XCTest

/// A tool a test needs from the machine (openpyxl, chattr) that is missing. Where the tests
/// run with `SUFFICIENCY_TEST_TOOLS_REQUIRED=1` — `.ci/run` sets it, after installing them — the
/// test fails saying so; elsewhere it is skipped, saying so, so a developer's machine without
/// them still runs the rest.
struct MissingTestTool: Error, CustomStringConvertible {
    let description: String

    /// The error to throw for a missing tool: a skip, or a failure where tools are required.
    static func error(_ message: String) -> any Error {
        ProcessInfo.processInfo.environment["SUFFICIENCY_TEST_TOOLS_REQUIRED"] == "1"
            ? MissingTestTool(description: message + " (SUFFICIENCY_TEST_TOOLS_REQUIRED is set, as .ci/run sets it)")
            : XCTSkip(message)
    }
}
