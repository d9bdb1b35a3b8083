import Foundation

/// A run's name in the workspace and in addresses: the UTC time it was asked for and six
/// random hexadecimal digits, e.g. `20261207-221530-3fa9c1`, so ids sort by time, and its folder
/// is made exclusively (`RunID.claim`): two runs never share one, and an id is never reused.
public struct RunID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let text: String

    /// `text` when it has the form of an id; nil for anything else (a climb, a stray name).
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 22, bytes[8] == UInt8(ascii: "-"), bytes[15] == UInt8(ascii: "-") else { return nil }
        for (i, b) in bytes.enumerated() where i != 8 && i != 15 {
            let digit = b >= 48 && b <= 57
            if i < 15 ? !digit : !(digit || (b >= 97 && b <= 102)) { return nil }
        }
        self.text = String(text)
    }

    public var description: String { text }
    public static func < (a: RunID, b: RunID) -> Bool { a.text < b.text }

    /// A new id whose folder in `runs` has been created by this call and no other: tries new
    /// random digits until `mkdir` makes a folder that did not exist.
    static func claim(in runs: URL, now: Date = Date()) throws -> RunID {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: now)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let tag = String(generator.next() & 0xFFFFFF, radix: 16)
            let id = RunID(stamp + "-" + String(repeating: "0", count: 6 - tag.count) + tag)!
            // mkdir fails when the folder exists: the id is someone else's.
            if mkdir(runs.appendingPathComponent(id.text).path, 0o755) == 0 { return id }
            if errno != EEXIST {
                throw WorkbenchError.cannotCreate(path: runs.appendingPathComponent(id.text).path,
                                                  reason: String(cString: strerror(errno)))
            }
        }
        throw WorkbenchError.cannotCreate(path: runs.path, reason: "no free run id after 100 tries")
    }
}
