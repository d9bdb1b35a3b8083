import Foundation

/// SHA-256 (FIPS 180-4) of a byte string, used to fingerprint scenario files in manifests:
/// `SHA256Hasher` over the whole string at once.
///
/// Foundation on Linux has no CryptoKit, and this is bookkeeping rather than security, so a
/// small standard implementation lives in `SHA256Hasher`. swift-crypto's `SHA256` would do the
/// same, but it brings BoringSSL: building its `Crypto` product alone took 128 s of CPU time in
/// debug and 172 s in release (clean builds on 2026-12-07, the 2-core machine shared with other
/// builds, load average about 10), at least 2.5 minutes more on each CI run, which builds both.
public enum SHA256Digest {
    /// The 32-byte SHA-256 digest of `data`.
    public static func digest(of data: Data) -> [UInt8] {
        var hasher = SHA256Hasher()
        hasher.update(data)
        return hasher.digest()
    }

    /// The SHA-256 digest of `data` as 64 lowercase hexadecimal digits.
    public static func hex(of data: Data) -> String {
        SHA256Hasher.hex(of: data)
    }
}
