import CXLSXWriter

/// A failure of libxlsxwriter while building or saving a workbook, with what was being done and
/// the library's own description of the error.
public struct WorkbookError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What was being done, e.g. "writing cell C4 of sheet Headline".
    public let action: String
    /// libxlsxwriter's description of the error (`lxw_strerror`), or why it returned nothing.
    public let reason: String

    init(_ action: String, reason: String) {
        self.action = action
        self.reason = reason
    }

    init(_ action: String, error: lxw_error) {
        var reason = String(cString: lxw_strerror(error))
        if reason.hasSuffix(".") { reason.removeLast() }
        self.init(action, reason: reason)
    }

    public var description: String {
        "The Excel workbook could not be written: \(action) failed: \(reason)."
    }

    /// Throws when `error` is not `LXW_NO_ERROR`.
    static func check(_ error: lxw_error, _ action: @autoclosure () -> String) throws {
        if error != LXW_NO_ERROR { throw WorkbookError(action(), error: error) }
    }
}
