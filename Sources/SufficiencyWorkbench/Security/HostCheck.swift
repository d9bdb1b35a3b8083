import Foundation

/// Which `Host` headers (and `Origin`s) the workbench answers: by default only its own loopback
/// address with the port it listens on (`127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`), so a
/// page of another site whose name has been pointed at 127.0.0.1 (DNS rebinding) is refused
/// even before the token is checked. With `--host` given, any host name is answered (the token
/// still guards every request).
public struct HostCheck: Sendable {
    /// Whether `--host` was given: the workbench then answers whatever name it was reached by.
    public let anyHost: Bool
    /// The port the server listens on, once it does.
    let port: BoundPort

    /// Whether a request whose `Host` header is `authority` is answered.
    public func allows(authority: String?) -> Bool {
        guard let authority, !authority.isEmpty else { return false }
        if anyHost { return true }
        guard let port = port.value else { return false }
        return ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"].contains(authority.lowercased())
    }

    /// Whether a form posted from `origin` (the `Origin` header) comes from the workbench's own
    /// pages, reached at `authority`.
    public func allows(origin: String, authority: String?) -> Bool {
        guard let authority, allows(authority: authority) else { return false }
        return origin.lowercased() == "http://" + authority.lowercased()
    }
}

/// The port the server listens on, known once it has started (`--port 0` takes a free one).
public final class BoundPort: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?

    public init() {}

    public var value: Int? {
        lock.lock(); defer { lock.unlock() }
        return port
    }

    func set(_ value: Int) {
        lock.lock(); port = value; lock.unlock()
    }
}
