import XCTest
@testable import Sufficiency

final class StreamSeedTests: XCTestCase {
    /// Values computed independently (Python) from the algorithm in StreamSeed's documentation;
    /// a change here would silently change every published result.
    func testDerivationMatchesDocumentedAlgorithm() {
        XCTAssertEqual(StreamSeed.derive(master: 42, replication: 0, purpose: .demand), 0xDA9E_4B39_E4E2_761F)
        XCTAssertEqual(StreamSeed.derive(master: 42, replication: 7, purpose: .prices), 0x9634_EF90_1C46_FFF3)
        XCTAssertEqual(StreamSeed.derive(master: 0, replication: 0, purpose: .demand), 0xD300_120A_123B_195A)
        XCTAssertEqual(StreamSeed.derive(master: .max, replication: 123_456, purpose: .coverage),
                       0xB697_6824_5C6A_0ECE)
    }

    func testSeedsAreNonZeroAndDistinctInTheBitsMersenneTwisterUses() {
        // mt19937 reads only the low 32 bits, so those must differ for every stream of a run.
        var lowWords = Set<UInt32>()
        let replications = 50_000
        for replication in 0..<replications {
            for purpose in StreamPurpose.allCases {
                let seed = StreamSeed.derive(master: 20_250_131, replication: replication, purpose: purpose)
                XCTAssertNotEqual(seed, 0)
                lowWords.insert(UInt32(truncatingIfNeeded: seed))
            }
        }
        XCTAssertEqual(lowWords.count, replications * StreamPurpose.allCases.count)
    }

    func testPurposeRawValuesAreStable() {
        XCTAssertEqual(StreamPurpose.allCases.map(\.rawValue), Array(1...14))
        XCTAssertEqual(StreamPurpose.handBacks.rawValue, 5)
        XCTAssertEqual(StreamPurpose.coverage.rawValue, 10)
    }
}
