/// A fixed number of values in one allocation, read and written in place, freed when the
/// slab goes away.
///
/// The engine's per-run state lives in slabs rather than arrays: an element is
/// reached through a pointer with no copy-on-write check, reference counting or
/// bounds check (bounds are asserted in debug builds), so the hot path of an
/// event costs a few loads and stores. A slab cannot be copied, so exactly one owner
/// holds its memory and `deinit` gives it back; code that wants the elements' address
/// for a loop reads `base` while the owner keeps the slab alive.
struct Slab<Element: ~Copyable>: ~Copyable, @unchecked Sendable {
    /// The first element; valid while the slab lives.
    let base: UnsafeMutablePointer<Element>
    let count: Int

    /// `count` elements, element `i` made by `make(i)`.
    init(count: Int, _ make: (Int) -> Element) {
        base = .allocate(capacity: max(count, 1))
        for i in 0..<count { (base + i).initialize(to: make(i)) }
        self.count = count
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(i: Int) -> Element {
        @inline(__always)
        unsafeAddress {
            assert(i >= 0 && i < count, "Slab index \(i) outside 0..<\(count)")
            return UnsafePointer(base + i)
        }
        @inline(__always)
        nonmutating unsafeMutableAddress {
            assert(i >= 0 && i < count, "Slab index \(i) outside 0..<\(count)")
            return base + i
        }
    }

    /// The elements, for a loop that reads them through a local (indices are checked in
    /// debug builds); valid while the slab lives.
    @inline(__always)
    var elements: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// The address of element `i`, for code that reads and writes an element's fields in
    /// place; `i` is checked in debug builds, as the subscript checks it.
    @inline(__always)
    func pointer(_ i: Int) -> UnsafeMutablePointer<Element> {
        assert(i >= 0 && i < count, "Slab index \(i) outside 0..<\(count)")
        return base + i
    }

    /// The address of element `i`, the first of `n` the caller reads from it (a row); the
    /// whole row is checked in debug builds.
    @inline(__always)
    func pointer(_ i: Int, count n: Int) -> UnsafeMutablePointer<Element> {
        assert(i >= 0 && n >= 0 && i + n <= count, "Slab row \(i)..<\(i + n) outside 0..<\(count)")
        return base + i
    }
}

extension Slab where Element: Copyable {
    /// `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    /// A copy of `values`.
    init(_ values: [Element]) {
        base = .allocate(capacity: max(values.count, 1))
        count = values.count
        values.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { base.initialize(from: start, count: values.count) }
        }
    }

    /// Sets every element to `value`.
    @inline(__always)
    func fill(_ value: Element) {
        for i in 0..<count { base[i] = value }
    }
}
