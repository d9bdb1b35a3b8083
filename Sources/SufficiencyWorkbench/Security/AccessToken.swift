/// The secret in the workbench's printed address: 32 hexadecimal digits (128 bits) from the
/// system's random number generator, which every request must carry (`AccessGuard`), so that
/// another site open in the same browser, or another user of the machine, cannot drive it.
public struct AccessToken: Sendable, Equatable, CustomStringConvertible {
    public let text: String

    /// A new random token.
    public init() {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        text = String((0..<32).map { _ in digits[Int(generator.next() % 16)] })
    }

    /// A token given with `--token`; nil unless it is 16 to 128 letters, digits, `-` or `_`
    /// (it travels in a URL and a cookie unescaped).
    public init?(given: String) {
        guard (16...128).contains(given.utf8.count),
              given.utf8.allSatisfy({ AccessToken.allowed($0) }) else { return nil }
        text = given
    }

    public var description: String { text }

    /// Whether `candidate` is this token, comparing every byte whatever the first difference,
    /// so the time taken does not tell how much of a guess was right.
    public func matches(_ candidate: Substring?) -> Bool {
        guard let candidate else { return false }
        let a = Array(text.utf8), b = Array(candidate.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<a.count { difference |= a[i] ^ (i < b.count ? b[i] : 0) }
        return difference == 0
    }

    private static func allowed(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 45 || byte == 95
    }
}
