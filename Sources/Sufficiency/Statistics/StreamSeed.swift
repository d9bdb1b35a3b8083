/// Derives the seed of one random-number stream from the run's master seed.
///
/// The derivation is a fixed, documented function of its three inputs and never changes between
/// releases, so a scenario run with the same master seed reproduces the same numbers:
///
/// 1. `key = mix64(master)` and `index = replication << 4 | purpose.rawValue`, where `mix64` is
///    the splitmix64 output function (add the golden-ratio increment 0x9E3779B97F4A7C15, then
///    xor-shift-multiply by 0xBF58476D1CE4E5B9 and 0x94D049BB133111EB).
/// 2. Low 32 bits: `fmix32(UInt32(index mod 2^32) ^ UInt32(key mod 2^32))`, where `fmix32` is
///    MurmurHash3's 32-bit finaliser.
/// 3. High 32 bits: the top half of `mix64(key ^ mix64(index))`, with its top bit set.
///
/// Why the split: GSL's mt19937 reads only the low 32 bits of its seed. Xor with a constant and
/// `fmix32` are both bijections on 32-bit words, so within one run every (replication, purpose)
/// pair with `replication < 2^28` gets a different mt19937 seed — no two streams can coincide,
/// which independent 64-bit hashing truncated to 32 bits would not guarantee (a birthday
/// collision is likely beyond about 65,000 streams). The high half keeps the full 64-bit seed
/// well mixed for generators that use it, and its top bit makes the result never 0 (mt19937
/// silently replaces seed 0 with its default seed 4357).
public enum StreamSeed {
    /// The seed for the stream used for `purpose` in replication `replication` (0-based).
    ///
    /// - Parameters:
    ///   - master: the run's master seed, any value.
    ///   - replication: 0-based replication index; must be non-negative. Streams are guaranteed
    ///     distinct for indices below 2^28 (268,435,456).
    ///   - purpose: what the stream is used for.
    /// - Returns: a non-zero 64-bit seed for `RandomStream(seed:)`.
    public static func derive(master: UInt64, replication: Int, purpose: StreamPurpose) -> UInt64 {
        precondition(replication >= 0, "StreamSeed.derive: replication index \(replication) is negative")
        let key = mix64(master)
        let index = UInt64(replication) << 4 | purpose.rawValue
        let low = fmix32(UInt32(truncatingIfNeeded: index) ^ UInt32(truncatingIfNeeded: key))
        let high = UInt32(truncatingIfNeeded: mix64(key ^ mix64(index)) >> 32) | 0x8000_0000
        return UInt64(high) << 32 | UInt64(low)
    }

    /// splitmix64's output function applied to `x + golden` (Steele, Lea and Flood 2014).
    static func mix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// MurmurHash3's 32-bit finaliser: a bijection on 32-bit words with good avalanche.
    static func fmix32(_ x: UInt32) -> UInt32 {
        var h = x
        h ^= h >> 16
        h &*= 0x85EB_CA6B
        h ^= h >> 13
        h &*= 0xC2B2_AE35
        h ^= h >> 16
        return h
    }
}
