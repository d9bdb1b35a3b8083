/// The names a request may use for a place in the workspace: a scenario's name, a run's id, a
/// file's path in a results folder. Each part is letters, digits, `.`, `-` and `_`, not
/// starting with `.` (so never `..`, nor a hidden folder); anything else, percent-encoded
/// climbs (`%2e%2e`, `%2f`) among them once decoded, is refused before a path is formed.
enum SafeName {
    /// Whether `name` is one part of a path the workbench may form: 1 to 100 bytes.
    static func isPart(_ name: some StringProtocol) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...100).contains(bytes.count), bytes[0] != UInt8(ascii: ".") else { return false }
        return bytes.allSatisfy { b in
            (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
        }
    }

    /// The parts of a relative path taken from a request, percent-decoded, each checked with
    /// `isPart`; nil when any part is refused or there are more than 8.
    static func relativeParts(_ raw: [Substring]) -> [String]? {
        guard !raw.isEmpty, raw.count <= 8 else { return nil }
        var parts: [String] = []
        for part in raw {
            guard let decoded = String(part).removingPercentEncoding, isPart(decoded) else { return nil }
            parts.append(decoded)
        }
        return parts
    }
}
