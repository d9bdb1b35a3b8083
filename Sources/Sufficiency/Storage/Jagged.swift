/// Rows of different lengths stored end to end in one slab (compressed rows):
/// the engine's per-zone and per-provider candidate lists, read without
/// touching a nested array's reference count. Its slabs free themselves.
struct Jagged<Element>: ~Copyable, @unchecked Sendable {
    /// Row `r` is `items[starts[r]..<starts[r + 1]]`.
    let starts: Slab<Int32>
    let items: Slab<Element>

    init(_ rows: [[Element]]) {
        var starts: [Int32] = [0]
        for row in rows { starts.append(starts[starts.count - 1] + Int32(row.count)) }
        self.starts = Slab(starts)
        items = Slab(rows.flatMap { $0 })
    }

    var rowCount: Int { starts.count - 1 }

    /// Row `r`'s elements.
    @inline(__always)
    func row(_ r: Int) -> UnsafeBufferPointer<Element> {
        let from = Int(starts[r])
        return UnsafeBufferPointer(start: items.base + from, count: Int(starts[r + 1]) - from)
    }
}
