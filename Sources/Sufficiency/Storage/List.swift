/// A growable sequence of plain values with a movable front: a list, a stack
/// or a first-in-first-out queue, without copy-on-write or reference counting.
///
/// Memory grows by doubling and is kept across `removeAll()`, so once a
/// replication has reached its largest size, later ones allocate nothing.
/// Elements must be trivial (no references). A list cannot be copied: its one owner
/// frees the memory when the list goes away.
struct List<Element>: ~Copyable, @unchecked Sendable {
    private(set) var storage: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    /// Index in `storage` of the first element.
    private(set) var head = 0
    /// Index in `storage` one past the last element.
    private(set) var tail = 0

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 4)
        storage = .allocate(capacity: self.capacity)
    }

    @inline(__always) var count: Int { tail - head }
    @inline(__always) var isEmpty: Bool { tail == head }

    subscript(i: Int) -> Element {
        @inline(__always)
        get {
            assert(i >= 0 && i < count, "List index \(i) outside 0..<\(count)")
            return storage[head + i]
        }
        @inline(__always)
        nonmutating set {
            assert(i >= 0 && i < count, "List index \(i) outside 0..<\(count)")
            storage[head + i] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if tail == capacity { makeRoom() }
        (storage + tail).initialize(to: value)
        tail += 1
    }

    /// The elements in order, for a loop that reads them through a local (indices are checked
    /// in debug builds); valid until the list next changes length or grows.
    @inline(__always)
    var elements: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: storage + head, count: count) }

    @inline(__always)
    var first: Element? { head < tail ? storage[head] : nil }

    @inline(__always)
    var last: Element? { head < tail ? storage[tail - 1] : nil }

    @inline(__always)
    mutating func removeFirst() {
        assert(head < tail, "removeFirst on an empty list")
        head += 1
        if head == tail { head = 0; tail = 0 }
    }

    @discardableResult @inline(__always)
    mutating func removeLast() -> Element {
        assert(head < tail, "removeLast on an empty list")
        tail -= 1
        let value = storage[tail]
        if head == tail { head = 0; tail = 0 }
        return value
    }

    /// Inserts `value` before the element at `index` (`index == count` appends).
    mutating func insert(_ value: Element, at index: Int) {
        assert(index >= 0 && index <= count, "List insert at \(index) outside 0...\(count)")
        append(value)
        var i = tail - 1
        while i > head + index {
            storage[i] = storage[i - 1]
            i -= 1
        }
        storage[head + index] = value
    }

    /// Removes the elements at `from..<to`, moving the later ones down (their order is kept).
    @inline(__always)
    mutating func removeSubrange(from: Int, to: Int) {
        assert(0 <= from && from <= to && to <= count, "removeSubrange \(from)..<\(to) outside 0...\(count)")
        if from == to { return }
        // Forward, element by element: the ranges may overlap, and elements are trivial.
        var i = head + from
        for j in (head + to)..<tail {
            storage[i] = storage[j]
            i += 1
        }
        tail -= to - from
        if head == tail { head = 0; tail = 0 }
    }

    @inline(__always)
    mutating func removeAll() {
        head = 0
        tail = 0
    }

    /// Slides the elements to the front, or doubles the storage when more than half is in use.
    private mutating func makeRoom() {
        if head > capacity / 2 {
            (storage).moveInitialize(from: storage + head, count: count)
        } else {
            let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: storage + head, count: count)
            storage.deallocate()
            storage = bigger
            capacity *= 2
        }
        tail -= head
        head = 0
    }

    deinit {
        storage.deallocate()
    }
}
