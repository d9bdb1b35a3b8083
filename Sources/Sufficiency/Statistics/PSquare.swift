import CGSL

/// GSL's streaming P² quantile update (`gsl_rstat_quantile_add`, Jain and Chlamtac) on a
/// `gsl_rstat_quantile_workspace`, inlined into the statistics step's loops.
///
/// `SummaryGrid` and `BandGrid` update three or five workspaces for every value of every cell
/// that keeps percentiles each replication, the costliest part of the statistics step; a call
/// into GSL per workspace cost more than the update. This is GSL 2.7's code step for step: the
/// same comparisons, the same floating-point operations in the same order (GSL's own build does
/// not contract them into fused multiply-adds), and GSL's `gsl_sort` for the first five heights,
/// so the workspace holds the same bits, `gsl_rstat_quantile_get` reads it as before, and a
/// checkpoint stores it unchanged. `PSquareTests` checks it against GSL on random and tied data.
enum PSquare {
    /// Byte offsets of the workspace's fields (checked against the imported layout in
    /// `checkLayout`).
    private static let heights = 8, positions = 48, desired = 72, increments = 112

    /// Whether the imported workspace has the layout the offsets above assume.
    static var layoutMatches: Bool {
        typealias W = gsl_rstat_quantile_workspace
        return MemoryLayout<W>.offset(of: \W.q) == heights && MemoryLayout<W>.offset(of: \W.npos) == positions
            && MemoryLayout<W>.offset(of: \W.np) == desired && MemoryLayout<W>.offset(of: \W.dnp) == increments
            && MemoryLayout<W>.offset(of: \W.n) == 152 && MemoryLayout<W>.size == 160
    }

    /// Adds `x` (not NaN) to workspace `w`, as `gsl_rstat_quantile_add(x, w)` does.
    @inline(__always)
    static func add(_ x: Double, _ w: UnsafeMutablePointer<gsl_rstat_quantile_workspace>) {
        let raw = UnsafeMutableRawPointer(w)
        let q = (raw + heights).assumingMemoryBound(to: Double.self)
        let n = w.pointee.n
        if n < 5 {
            q[Int(n)] = x
            w.pointee.n = n &+ 1
            return
        }
        if n == 5 { gsl_sort(q, 1, 5) }
        let npos = (raw + positions).assumingMemoryBound(to: Int32.self)
        let np = (raw + desired).assumingMemoryBound(to: Double.self)
        let dnp = (raw + increments).assumingMemoryBound(to: Double.self)

        // B1: the cell k with q[k] <= x < q[k + 1], widening the extremes.
        var k = -1
        if x < q[0] {
            q[0] = x
            k = 0
        } else if x >= q[4] {
            q[4] = x
            k = 3
        } else {
            for i in 0...3 where q[i] <= x && x < q[i &+ 1] {
                k = i
                break
            }
        }
        // GSL reports an error and leaves the workspace alone (only NaN gets here).
        if k < 0 { return }

        // B2: marker positions and desired positions.
        var i = k &+ 1
        while i <= 4 { npos[i] &+= 1; i &+= 1 }
        for j in 0..<5 { np[j] += dnp[j] }

        // B3: move markers 1–3 by the parabolic (else linear) formula.
        for i in 1...3 {
            let ni = Double(npos[i])
            let d = np[i] - ni
            if (d >= 1.0 && npos[i &+ 1] &- npos[i] > 1) || (d <= -1.0 && npos[i &- 1] &- npos[i] < -1) {
                let dsign = d > 0.0 ? 1 : -1
                let ds = Double(dsign)
                let qp1 = q[i &+ 1], qi = q[i], qm1 = q[i &- 1]
                let np1 = Double(npos[i &+ 1]), nm1 = Double(npos[i &- 1])
                // calc_psq
                let outer = ds / (np1 - nm1)
                let innerLeft = (ni - nm1 + ds) * (qp1 - qi) / (np1 - ni)
                let innerRight = (np1 - ni - ds) * (qi - qm1) / (ni - nm1)
                let qp = qi + outer * (innerLeft + innerRight)
                if qm1 < qp && qp < qp1 {
                    q[i] = qp
                } else {
                    q[i] = qi + ds * (q[i &+ dsign] - qi) / (Double(npos[i &+ dsign]) - ni)
                }
                npos[i] &+= Int32(truncatingIfNeeded: dsign)
            }
        }
        w.pointee.n = n &+ 1
    }
}
