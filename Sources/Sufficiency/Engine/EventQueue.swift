/// The future event list: a binary min-heap of events in one growable buffer.
///
/// Events are unique in (time, kind, sequence), so the order they come out in
/// is fully determined whatever the heap's internal layout. Insertion and
/// removal move events by plain copies along one root-to-leaf path; nothing is
/// allocated once the buffer has grown to a run's largest event count.
struct EventQueue {
    private var heap: UnsafeMutablePointer<Event>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        heap = .allocate(capacity: self.capacity)
    }

    /// The earliest event, if any.
    @inline(__always)
    var min: Event? { count > 0 ? heap[0] : nil }

    @inline(__always)
    mutating func insert(_ event: Event) {
        if count == capacity { grow() }
        // Sift up: move parents down until `event`'s place is found.
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            if !(event < heap[parent]) { break }
            heap[i] = heap[parent]
            i = parent
        }
        heap[i] = event
    }

    /// Removes and returns the earliest event; the queue must not be empty.
    @inline(__always)
    mutating func removeMin() -> Event {
        assert(count > 0, "removeMin on an empty event queue")
        let top = heap[0]
        count -= 1
        if count > 0 {
            let last = heap[count]
            // Sift down: move the smaller child up until `last`'s place is found.
            var i = 0
            while true {
                var child = 2 * i + 1
                if child >= count { break }
                if child + 1 < count && heap[child + 1] < heap[child] { child += 1 }
                if !(heap[child] < last) { break }
                heap[i] = heap[child]
                i = child
            }
            heap[i] = last
        }
        return top
    }

    mutating func removeAll() {
        count = 0
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Event>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: heap, count: count)
        heap.deallocate()
        heap = bigger
        capacity *= 2
    }

    func deallocate() {
        heap.deallocate()
    }
}
