import Foundation

/// How `sufficiency serve` was started.
public struct WorkbenchSettings: Sendable {
    /// The address listened on: 127.0.0.1 unless `--host` says otherwise.
    public var host = "127.0.0.1"
    /// Whether `--host` was given: any Host header is then answered (the token still guards).
    public var hostGiven = false
    /// The port; 0 takes a free one.
    public var port = 8470
    /// The workspace folder, as given (relative to the working folder or absolute).
    public var workspace = "workspace"
    /// The bundled scenarios' folder, as given; nil means `scenarios` when there is one.
    public var scenarios: String?
    public var token = AccessToken()
    /// Runs that may wait for a worker; more are refused (503).
    public var maxQueued = 32
    /// Runs that may run at once.
    public var workers = 1
    /// The largest scenario upload, in bytes (5 MB).
    public var uploadLimit = 5 * 1_048_576

    public init() {}
}
