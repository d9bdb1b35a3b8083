import CGSL

/// How a sweep chooses its points.
public enum SweepDesign: String, CaseIterable, Sendable, Codable {
    /// Every combination of the parameters' values (Cartesian product), first parameter slowest.
    case grid
    /// A Latin hypercube: `points` points, each parameter's range cut into `points` equal
    /// strata with exactly one point in each, the pairing shuffled by a generator seeded from
    /// the run's seed.
    case latinHypercube = "latin_hypercube"
    /// The first `points` points of GSL's Sobol low-discrepancy sequence.
    case sobol
    /// Saltelli's design for Sobol sensitivity indices: `points` base rows N of a
    /// 2k-dimensional Sobol sequence (k parameters) give matrices A and B, and each parameter
    /// i a matrix A_B^i (A with column i from B), N·(k + 2) points in all
    /// (`saltelli(baseRows:dimensions:)`).
    case saltelli

    /// Most parameters a Sobol design can have: GSL's `gsl_qrng_sobol` goes up to 40 dimensions.
    public static let sobolMaximumDimensions = 40

    /// The positions of a grid's points: for each point, the index into each parameter's
    /// values, `counts[j]` values for parameter `j`, in row-major order (the first parameter
    /// changes slowest, the last fastest).
    public static func gridIndices(counts: [Int]) -> [[Int]] {
        precondition(counts.allSatisfy { $0 >= 1 }, "SweepDesign.gridIndices: every count must be at least 1")
        var rows: [[Int]] = [[]]
        for count in counts {
            rows = rows.flatMap { row in (0..<count).map { row + [$0] } }
        }
        return counts.isEmpty ? [] : rows
    }

    /// The first `points` points of GSL's Sobol sequence in `dimensions` dimensions (1–40),
    /// each coordinate in [0, 1). GSL starts at (0.5, 0.5, …), then (0.75, 0.25, …).
    public static func sobol(points: Int, dimensions: Int) -> [[Double]] {
        precondition(dimensions >= 1 && dimensions <= sobolMaximumDimensions,
                     "SweepDesign.sobol: \(dimensions) dimensions; GSL's Sobol generator takes 1 to 40")
        GSL.configure()
        guard let generator = gsl_qrng_alloc(sufficiency_qrng_sobol(), UInt32(dimensions)) else {
            preconditionFailure("SweepDesign.sobol: GSL could not allocate a Sobol generator (out of memory)")
        }
        defer { gsl_qrng_free(generator) }
        var point = [Double](repeating: 0, count: dimensions)
        return (0..<points).map { _ in
            _ = point.withUnsafeMutableBufferPointer { gsl_qrng_get(generator, $0.baseAddress) }
            return point
        }
    }

    /// Most parameters a Saltelli design can have: it draws 2k dimensions of the Sobol sequence.
    public static let saltelliMaximumParameters = sobolMaximumDimensions / 2

    /// Saltelli et al.'s (2010) design for `dimensions` (k, 1–20) parameters from `baseRows`
    /// (N) points of GSL's Sobol sequence in 2k dimensions, each coordinate in [0, 1): row j's
    /// first k coordinates are row j of A, its last k row j of B. The points come in blocks of
    /// N: A, then B, then A_B^1, …, A_B^k, where A_B^i is A with column i taken from B, so
    /// N·(k + 2) points in all; `SobolIndices.estimate(saltelliOutputs:parameters:seed:)`
    /// takes the outputs in this order.
    public static func saltelli(baseRows: Int, dimensions: Int) -> [[Double]] {
        precondition(dimensions >= 1 && dimensions <= saltelliMaximumParameters,
                     "SweepDesign.saltelli: \(dimensions) parameters; a Saltelli design takes 1 to \(saltelliMaximumParameters)")
        let sequence = sobol(points: baseRows, dimensions: 2 * dimensions)
        let a = sequence.map { Array($0[0..<dimensions]) }
        let b = sequence.map { Array($0[dimensions...]) }
        return a + b + (0..<dimensions).flatMap { i in
            zip(a, b).map { rowA, rowB in
                var row = rowA
                row[i] = rowB[i]
                return row
            }
        }
    }

    /// A Latin hypercube of `points` points in `dimensions` dimensions, each coordinate in
    /// (0, 1): in every dimension, point `i` lies in stratum `perm[i]` of `points` equal strata,
    /// `perm` a random permutation (`gsl_ran_shuffle`), at a uniform position within it
    /// (`gsl_rng_uniform_pos`). The generator is seeded from `seed` alone, so the same seed
    /// gives the same design.
    public static func latinHypercube(points: Int, dimensions: Int, seed: UInt64) -> [[Double]] {
        precondition(points >= 1 && dimensions >= 1, "SweepDesign.latinHypercube: needs at least one point and dimension")
        let stream = RandomStream(seed: StreamSeed.derive(master: seed, replication: 0, purpose: .design))
        var design = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: points)
        var strata = [Int32](repeating: 0, count: points)
        for d in 0..<dimensions {
            for i in 0..<points { strata[i] = Int32(i) }
            strata.withUnsafeMutableBytes { bytes in
                gsl_ran_shuffle(stream.raw, bytes.baseAddress, points, MemoryLayout<Int32>.stride)
            }
            for i in 0..<points {
                design[i][d] = (Double(strata[i]) + stream.uniform()) / Double(points)
            }
        }
        return design
    }
}
