import Foundation

/// SHA-256 (FIPS 180-4) of a byte string, used to fingerprint scenario files in manifests:
/// `SHA256Hasher` over the whole string at once.
///
/// Foundation on Linux has no CryptoKit, and this is bookkeeping rather than security, so a
/// small standard implementation lives in `SHA256Hasher`.
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
