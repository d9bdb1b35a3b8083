import CGSL
import XCTest
@testable import Sufficiency

/// `PSquare.add` must leave a workspace with exactly the bits `gsl_rstat_quantile_add` does: the
/// percentiles, and the checkpoints that store the workspaces, depend on it.
final class PSquareTests: XCTestCase {
    func testTheWorkspaceLayoutIsTheOneAssumed() {
        XCTAssertTrue(PSquare.layoutMatches)
    }

    /// Continuous, tied, signed-zero, constant and extreme series, for several probabilities:
    /// after every value the inlined update and GSL's hold the same bytes.
    func testSameBitsAsGSLOnRandomAndTiedSeries() {
        for seed in 1...120 {
            let stream = RandomStream(seed: UInt64(seed))
            let count = 1 + stream.uniformInt(seed % 10 == 0 ? 3_000 : 300)
            let levels = 1 + stream.uniformInt(6)
            let tieShare = seed % 3 == 0 ? 0 : stream.uniform()
            let values: [Double] = (0..<count).map { i in
                switch seed % 7 {
                case 0: return [0.0, -0.0][stream.uniformInt(2)]
                case 1: return 42
                case 2: return Double(i) * (seed % 2 == 0 ? 1 : -1)
                case 3: return stream.uniform() < 0.01 ? 1e300 : stream.gaussian(mean: 0, sd: 1e-300)
                default:
                    return stream.uniform() < tieShare ? Double(stream.uniformInt(levels)) - 2
                        : stream.lognormal(mean: 10, sd: 30) * (stream.uniform() < 0.3 ? -1 : 1)
                }
            }
            for p in [0.05, 0.25, 0.5, 0.75, 0.95, 0.001, 0.999] {
                let gsl = gsl_rstat_quantile_alloc(p)!
                defer { gsl_rstat_quantile_free(gsl) }
                let ours = UnsafeMutablePointer<gsl_rstat_quantile_workspace>.allocate(capacity: 1)
                defer { ours.deallocate() }
                // Zeroed like GSL's calloc, padding included, so the bytes can be compared.
                memset(ours, 0, MemoryLayout<gsl_rstat_quantile_workspace>.size)
                ours.pointee.p = p
                gsl_rstat_quantile_reset(ours)
                for (i, x) in values.enumerated() {
                    gsl_rstat_quantile_add(x, gsl)
                    PSquare.add(x, ours)
                    let same = memcmp(gsl, ours, MemoryLayout<gsl_rstat_quantile_workspace>.size) == 0
                    if !same {
                        XCTFail("seed \(seed), p \(p): workspaces differ after value \(i) (\(x))")
                        break
                    }
                }
                XCTAssertEqual(gsl_rstat_quantile_get(gsl).bitPattern, gsl_rstat_quantile_get(ours).bitPattern)
            }
        }
    }
}
