/// The future event list: events filed by day, each day sorted when the run reaches it.
///
/// Every event the engine keeps falls between the start of the warm-up and the horizon
/// (later ones are never queued), so a bucket per day covers them all. Filing an event
/// for a later day is a push onto that day's list; on reaching a day its few events
/// are sorted into the current day's buffer, and events filed for the current day are
/// inserted in order there. Order is (time, kind, sequence), which is unique, so events
/// come out exactly as from any priority queue, at a fraction of a heap's cost.
/// Nothing is allocated once the pool has grown to a run's largest event count; the
/// calendar cannot be copied, and frees its memory when it goes away.
struct EventCalendar: ~Copyable {
    private struct Node {
        var event: Event
        /// Next node filed for the same day, or −1.
        var next: Int32
    }

    /// Day (from the start) of bucket 0; the first day of the warm-up.
    private let firstDay: Int
    /// `days[d]`: first node filed for day `firstDay + d`, or −1.
    private let days: Slab<Int32>
    private var pool: UnsafeMutablePointer<Node>
    private var poolCapacity: Int
    private var poolCount = 0
    /// First free node in the pool, or −1.
    private var free: Int32 = -1
    /// The current day's events, sorted, from `currentHead` to `currentCount`.
    private var current: UnsafeMutablePointer<Event>
    private var currentCapacity: Int
    private var currentHead = 0
    private var currentCount = 0
    /// Bucket index of the current day.
    private var currentDay = 0
    /// Events queued.
    private(set) var count = 0

    /// An empty calendar for events from day `firstDay` through day `lastDay` (inclusive).
    init(firstDay: Int, lastDay: Int) {
        self.firstDay = firstDay
        days = Slab(repeating: -1, count: max(lastDay - firstDay + 1, 1))
        poolCapacity = 1024
        pool = .allocate(capacity: poolCapacity)
        currentCapacity = 64
        current = .allocate(capacity: currentCapacity)
    }

    @inline(__always)
    private func bucket(_ time: Double) -> Int {
        // ⌊time⌋ without a call to floor (exact: |time| is far below 2⁵³), which the compiler
        // left as a call for every event filed.
        var day = Int(time)
        if Double(day) > time { day -= 1 }
        let d = day - firstDay
        assert(d >= 0 && d < days.count, "event at day \(time) outside the calendar")
        return d
    }

    mutating func insert(_ event: Event) {
        count += 1
        let d = bucket(event.time)
        if d <= currentDay {
            insertCurrent(event)
            return
        }
        let node: Int32
        if free >= 0 {
            node = free
            free = pool[Int(node)].next
        } else {
            if poolCount == poolCapacity { growPool() }
            node = Int32(poolCount)
            poolCount += 1
        }
        pool[Int(node)] = Node(event: event, next: days[d])
        days[d] = node
    }

    /// The earliest event, if any (moving on to the next day with events when today's are done).
    @inline(__always)
    mutating func min() -> Event? {
        if currentHead == currentCount && !advance() { return nil }
        return current[currentHead]
    }

    /// Whether any event is queued (moving on to the next day with events when today's are
    /// done); if so, `earliest` is the one `min()` returns.
    @inline(__always)
    mutating func hasEvents() -> Bool {
        currentHead < currentCount || advance()
    }

    /// The earliest event; `hasEvents()` must have returned true since the last change.
    @inline(__always)
    var earliest: Event { current[currentHead] }

    /// Removes the earliest event; `min()` must have returned it.
    @inline(__always)
    mutating func removeMin() {
        assert(currentHead < currentCount, "removeMin without an event")
        currentHead += 1
        count -= 1
    }

    mutating func removeAll() {
        days.fill(-1)
        poolCount = 0
        free = -1
        currentHead = 0
        currentCount = 0
        currentDay = 0
        count = 0
    }

    /// Inserts `event` into the current day's sorted buffer (usually at or near its end).
    private mutating func insertCurrent(_ event: Event) {
        makeRoomInCurrent()
        // The first unread event after `event` (keys are unique, so there are no ties); a
        // binary search, because a busy day (thousands of referrals) holds thousands.
        var low = currentHead
        var high = currentCount
        while low < high {
            let middle = (low + high) / 2
            if event < current[middle] { high = middle } else { low = middle + 1 }
        }
        (current + low + 1).moveInitialize(from: current + low, count: currentCount - low)
        (current + low).initialize(to: event)
        currentCount += 1
    }

    /// Makes room for one more event at the end of the current day's buffer.
    private mutating func makeRoomInCurrent() {
        guard currentCount == currentCapacity else { return }
        if currentHead > 0 {
            // Slide the unread events to the front (the ranges may overlap; moving allows it).
            current.moveInitialize(from: current + currentHead, count: currentCount - currentHead)
            currentCount -= currentHead
            currentHead = 0
        } else {
            let bigger = UnsafeMutablePointer<Event>.allocate(capacity: currentCapacity * 2)
            bigger.moveInitialize(from: current, count: currentCount)
            current.deallocate()
            current = bigger
            currentCapacity *= 2
        }
    }

    /// Moves to the next day with events and sorts them into the current buffer.
    private mutating func advance() -> Bool {
        currentHead = 0
        currentCount = 0
        while true {
            currentDay += 1
            if currentDay >= days.count { currentDay = days.count; return false }
            var node = days[currentDay]
            if node < 0 { continue }
            days[currentDay] = -1
            while node >= 0 {
                let next = pool[Int(node)].next
                makeRoomInCurrent()
                (current + currentCount).initialize(to: pool[Int(node)].event)
                currentCount += 1
                pool[Int(node)].next = free
                free = node
                node = next
            }
            // Events were filed in any order; (time, kind, sequence) is unique, so any sort
            // gives the one order. A day usually holds a handful: those are sorted by
            // insertion here, without the general sort's setup.
            if currentCount <= 16 {
                var i = 1
                while i < currentCount {
                    let event = current[i]
                    var j = i
                    while j > 0 && event < current[j &- 1] {
                        current[j] = current[j &- 1]
                        j &-= 1
                    }
                    current[j] = event
                    i &+= 1
                }
            } else {
                var today = UnsafeMutableBufferPointer(start: current, count: currentCount)
                today.sort()
            }
            return true
        }
    }

    private mutating func growPool() {
        let bigger = UnsafeMutablePointer<Node>.allocate(capacity: poolCapacity * 2)
        bigger.moveInitialize(from: pool, count: poolCount)
        pool.deallocate()
        pool = bigger
        poolCapacity *= 2
    }

    deinit {
        pool.deallocate()
        current.deallocate()
    }
}
