/// The people waiting for a package: one first-come-first-served queue per zone and class
/// (handed back, priority, others), each with a lower bound on its packages' hours so a
/// provider with less spare is not offered the queue at all.
///
/// An entry names a person's slot and their stamp when queued. A person placed, moved or gone
/// since has another stamp, so their entry is stale: scans skip stale entries and drop them as
/// they pass (live ones keep their order), rather than searching a queue on every placement.
/// The queues are sized once for the zones and emptied, not freed, between runs.
struct WaitingQueues: ~Copyable {
    /// A person's slot and their stamp when queued.
    typealias Entry = (person: Int32, stamp: UInt32)

    /// Queue classes in the order they are offered capacity: handed back, priority, others.
    static let classes = 3

    /// The queues, zone × class (`index(zone:queueClass:)`).
    let entries: Slab<List<Entry>>
    /// For each queue, at most the smallest package (hours a week) of anyone live in it.
    let minHours: Slab<Double>

    /// Empty queues for `zones` zones.
    init(zones: Int) {
        entries = Slab(count: zones * WaitingQueues.classes) { _ in List<Entry>(capacity: 64) }
        minHours = Slab(repeating: .infinity, count: zones * WaitingQueues.classes)
    }

    /// Queues: zones × classes.
    var count: Int { entries.count }

    /// The queue of class `queueClass` (0: handed back, 1: priority, 2: others) in `zone`.
    @inline(__always)
    static func index(zone: Int, queueClass: Int) -> Int { zone &* classes &+ queueClass }

    /// Queue `q`.
    subscript(q: Int) -> List<Entry> {
        @inline(__always) unsafeAddress { UnsafePointer(entries.pointer(q)) }
        @inline(__always) nonmutating unsafeMutableAddress { entries.pointer(q) }
    }

    /// The address of queue `q`, for a scan that drops stale entries as it reads.
    @inline(__always)
    func pointer(_ q: Int) -> UnsafeMutablePointer<List<Entry>> { entries.pointer(q) }

    /// Puts `entry`, whose package is `hours` a week, at the back of queue `q`.
    @inline(__always)
    func append(_ entry: Entry, hours: Double, to q: Int) {
        entries[q].append(entry)
        minHours[q] = min(minHours[q], hours)
    }

    /// Someone live in queue `q` now needs `hours` a week: the bound follows it down.
    @inline(__always)
    func noteHours(_ hours: Double, in q: Int) {
        minHours[q] = min(minHours[q], hours)
    }

    /// Empties every queue for a new run, keeping their memory.
    func removeAll() {
        for q in 0..<entries.count { entries[q].removeAll() }
        minHours.fill(.infinity)
    }

    /// Stops with a message unless every live entry (`isLive`) is in its person's queue
    /// (`queueOf`), no person has two, there are `waiting` of them, and no live package is
    /// below its queue's bound (`hoursOf`, hours a week). `day` names the moment in messages.
    func verify(waiting: Int, day: Double, isLive: (Entry) -> Bool, queueOf: (Int32) -> Int,
                hoursOf: (Int32) -> Double) {
        var live = 0
        var seen = Set<Int32>()
        for q in 0..<entries.count {
            let queue = entries[q].elements
            for entry in queue where isLive(entry) {
                live += 1
                precondition(queueOf(entry.person) == q,
                             "person in slot \(entry.person) is waiting in queue \(q), not their own, at day \(day)")
                precondition(seen.insert(entry.person).inserted,
                             "person in slot \(entry.person) is waiting twice at day \(day)")
                precondition(hoursOf(entry.person) >= minHours[q],
                             "queue \(q)'s smallest package is below its bound \(minHours[q]) at day \(day)")
            }
        }
        precondition(live == waiting, "\(live) live queue entries but \(waiting) people waiting at day \(day)")
    }
}
