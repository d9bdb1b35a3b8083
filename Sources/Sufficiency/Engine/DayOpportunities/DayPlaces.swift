/// Free places a day at each provider, by support level and day of the week, and the
/// building's free places a day across levels.
///
/// A person attending `k` days a week (their days a week rounded up: half a day still takes
/// the place for the day) holds a place at their level on `k` of their provider's open days,
/// the days with most room. Free counts may go below zero for people already placed when the
/// run starts (the caseload is taken as it stands) until enough of them leave.
struct DayPlaces {
    let levels: Int
    /// Free places: `free[(p * (levels + 1) + l) * 7 + d]`; `l == levels` is the building.
    private(set) var free: [Int32] = []
    /// Each provider's open days.
    private(set) var open: [Weekdays] = []
    /// For each provider and level, the free place-days a week and the open days with room:
    /// `tally[(p * levels + l) * 2]` and `+ 1`, kept up to date by every change, so that
    /// choosing among providers (many times for each change) reads two numbers.
    private var tally: [Int] = []
    /// Whether each provider has room at some level on some day.
    private var anyRoom: [Bool] = []
    /// Whether each provider's building limits its places across levels (a change at one
    /// level then changes the room at every level).
    private var buildingLimits: [Bool] = []

    /// A level's places or a building's capacity when nothing limits it.
    static let unlimited = Int32.max / 4

    init(levels: Int) { self.levels = levels }

    var count: Int { open.count }

    mutating func removeAll() {
        free.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
        tally.removeAll(keepingCapacity: true)
        anyRoom.removeAll(keepingCapacity: true)
        buildingLimits.removeAll(keepingCapacity: true)
    }

    /// Recounts provider `p`'s room after a change at `level` (every level when the building
    /// is shared, or when `level` is nil).
    private mutating func recount(_ p: Int, after level: Int? = nil) {
        let days = open[p]
        let changed = buildingLimits[p] ? nil : level
        for l in changed.map({ $0...$0 }) ?? 0...(levels - 1) {
            var total = 0, daysWithRoom = 0
            for d in 0..<7 where days.contains(d) {
                let r = room(p, level: l, day: d)
                if r > 0 { total += Int(r); daysWithRoom += 1 }
            }
            tally[(p * levels + l) * 2] = total
            tally[(p * levels + l) * 2 + 1] = daysWithRoom
        }
        var some = false
        for l in 0..<levels where tally[(p * levels + l) * 2 + 1] > 0 { some = true; break }
        anyRoom[p] = some
    }

    /// Adds a provider with `byLevel` places a day at each level (nil: `shared` places a day for
    /// every level), within a building of `capacity` people a day, open on `days`.
    mutating func append(shared: Int, byLevel: [Int]?, capacity: Int?, days: Weekdays) {
        let building = Int32(clamping: min(capacity ?? Int(Self.unlimited), byLevel == nil ? shared : Int(Self.unlimited)))
        for l in 0...levels {
            let places = l == levels ? building : (byLevel.map { Int32(clamping: $0[l]) } ?? Self.unlimited)
            for d in 0..<7 { free.append(days.contains(d) ? places : 0) }
        }
        open.append(days)
        tally.append(contentsOf: repeatElement(0, count: levels * 2))
        anyRoom.append(false)
        buildingLimits.append(building < Self.unlimited)
        recount(open.count - 1)
    }

    @inline(__always) private func index(_ p: Int, _ l: Int, _ d: Int) -> Int { (p * (levels + 1) + l) * 7 + d }

    /// Places free for one more person at `level` on day `d` of provider `p`.
    @inline(__always) func room(_ p: Int, level: Int, day d: Int) -> Int32 {
        min(free[index(p, level, d)], free[index(p, levels, d)])
    }

    /// Free place-days a week at `level` with provider `p` if it has a place on at least `k`
    /// days (0 when it has not): the weight by which a provider with more room is more likely
    /// to be chosen.
    @inline(__always) func weight(_ p: Int, level: Int, days k: Int) -> Int {
        let t = (p * levels + level) * 2
        return tally[t + 1] >= k ? tally[t] : 0
    }

    /// Takes a place at `level` on the `k` open days of provider `p` with most room (the
    /// earliest in the week on ties), whether or not they have room; returns the days taken.
    mutating func take(_ p: Int, level: Int, days k: Int) -> Weekdays {
        var taken: UInt8 = 0
        let days = open[p]
        for _ in 0..<min(k, days.count) {
            var best = -1, bestRoom = Int32.min
            for d in 0..<7 where days.contains(d) && taken & (1 << UInt8(d)) == 0 {
                let r = room(p, level: level, day: d)
                if r > bestRoom { best = d; bestRoom = r }
            }
            taken |= 1 << UInt8(best)
            free[index(p, level, best)] -= 1
            free[index(p, levels, best)] -= 1
        }
        recount(p, after: level)
        return Weekdays(mask: taken)
    }

    /// Gives back the places at `level` on `days` of provider `p`.
    mutating func release(_ p: Int, level: Int, days: Weekdays) {
        for d in 0..<7 where days.contains(d) {
            free[index(p, level, d)] += 1
            free[index(p, levels, d)] += 1
        }
        recount(p, after: level)
    }

    /// Whether provider `p` has a free place on any day (worth offering to people waiting).
    @inline(__always) func hasRoom(_ p: Int) -> Bool { anyRoom[p] }
}
