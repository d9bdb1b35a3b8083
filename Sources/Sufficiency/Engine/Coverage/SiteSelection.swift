/// Where added capacity would cover the most unmet need: a capacitated maximal-covering
/// location problem over candidate sites, with existing providers fixed (their shortfall is the
/// unmet need being covered).
///
/// The need a set of sites covers is the maximum flow from the sites (each offering
/// `capacity` hours a week) to the zones they reach within the standard (each needing its
/// unmet hours): no hour is counted twice. That function is monotone and submodular, so
/// choosing greedily — each time the site that adds the most — covers at least (1 − 1/e) ≈ 63%
/// of the best possible K sites. A swap pass then replaces a chosen site with an unchosen one
/// while that covers more. The chosen sites are reported in greedy order, each with what it adds.
public struct SiteSelection: Sendable {
    /// One chosen site.
    public struct Addition: Sendable, Equatable {
        public var site: Int
        /// Need it adds to what the sites before it cover (hours a week).
        public var marginalHours: Double
        /// Need covered by it and the sites before it (hours a week).
        public var cumulativeHours: Double
    }

    /// Unmet need by zone (hours a week).
    public let need: [Double]
    /// Zones each candidate reaches.
    public let reach: [[Int]]
    /// Hours a week each added site offers.
    public let capacity: Double
    /// The additions, in order.
    public private(set) var additions: [Addition] = []
    /// Swaps the improvement pass made.
    public private(set) var swaps = 0

    /// Chooses `count` sites (or every candidate, if fewer).
    public init(need: [Double], reach: [[Int]], capacity: Double, count: Int) {
        self.need = need
        self.reach = reach
        self.capacity = capacity
        var chosen: [Int] = []
        let k = min(count, reach.count)
        for _ in 0..<k {
            let base = covered(chosen)
            var best = -1, bestGain = 0.0
            for s in reach.indices where !chosen.contains(s) {
                let gain = covered(chosen + [s]) - base
                if best < 0 || gain > bestGain + 1e-9 { best = s; bestGain = gain }
            }
            chosen.append(best)
        }
        // Swap pass: replace a chosen site by an unchosen one while that covers more.
        var improved = true
        while improved && swaps < 100 {
            improved = false
            let current = covered(chosen)
            search: for i in chosen.indices {
                for s in reach.indices where !chosen.contains(s) {
                    var trial = chosen
                    trial[i] = s
                    if covered(trial) > current + 1e-9 {
                        chosen = trial
                        swaps += 1
                        improved = true
                        break search
                    }
                }
            }
        }
        // Report in greedy order within the chosen set, so marginal gains add up.
        var ordered: [Int] = []
        var total = 0.0
        while ordered.count < chosen.count {
            var best = -1, bestValue = 0.0
            for s in chosen where !ordered.contains(s) {
                let value = covered(ordered + [s])
                if best < 0 || value > bestValue + 1e-9 { best = s; bestValue = value }
            }
            ordered.append(best)
            additions.append(Addition(site: best, marginalHours: bestValue - total, cumulativeHours: bestValue))
            total = bestValue
        }
    }

    /// Total need covered.
    public var coveredHours: Double { additions.last?.cumulativeHours ?? 0 }

    /// Need the sites `sites` cover together: the maximum flow from them to the zones they reach.
    public func covered(_ sites: [Int]) -> Double {
        // Augmenting paths on the bipartite graph: site → zone edges are unbounded, so only the
        // sites' capacities and the zones' needs bind (Edmonds–Karp on a small graph).
        let zones = need.count
        var siteLeft = [Double](repeating: capacity, count: sites.count)
        var zoneLeft = need.map { max(0, $0) }
        var flow = [[Double]](repeating: [Double](repeating: 0, count: zones), count: sites.count)
        var total = 0.0
        while true {
            // Breadth-first search from sites with capacity left, through site → zone edges and
            // back along zone → site edges that carry flow, to a zone with need left.
            var fromSite = [Int](repeating: -2, count: sites.count)   // −1: a source
            var fromZone = [Int](repeating: -1, count: zones)
            var queue: [(isSite: Bool, index: Int)] = []
            for i in sites.indices where siteLeft[i] > 1e-12 { fromSite[i] = -1; queue.append((true, i)) }
            var end = -1
            var head = 0
            while head < queue.count && end < 0 {
                let node = queue[head]
                head += 1
                if node.isSite {
                    for z in reach[sites[node.index]] where fromZone[z] < 0 {
                        fromZone[z] = node.index
                        if zoneLeft[z] > 1e-12 { end = z; break }
                        queue.append((false, z))
                    }
                } else {
                    for i in sites.indices where fromSite[i] == -2 && flow[i][node.index] > 1e-12 {
                        fromSite[i] = node.index
                        queue.append((true, i))
                    }
                }
            }
            guard end >= 0 else { break }
            // The bottleneck along the path, then push it.
            var amount = zoneLeft[end]
            var z = end
            while true {
                let i = fromZone[z]
                if fromSite[i] == -1 { amount = min(amount, siteLeft[i]); break }
                amount = min(amount, flow[i][fromSite[i]])
                z = fromSite[i]
            }
            z = end
            zoneLeft[end] -= amount
            while true {
                let i = fromZone[z]
                flow[i][z] += amount
                if fromSite[i] == -1 { siteLeft[i] -= amount; break }
                flow[i][fromSite[i]] -= amount
                z = fromSite[i]
            }
            total += amount
        }
        return total
    }
}
