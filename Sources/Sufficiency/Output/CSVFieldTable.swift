/// Runs of encoded CSV fields laid end to end in one byte array and read by index, so that a
/// row copies its run with no reference counting: summary.csv takes the zone, measure and unit
/// for each of ~100,000 rows from such a table.
struct CSVFieldTable: Sendable {
    /// Every entry's bytes, in entry order.
    private let bytes: [UInt8]
    /// Where each entry ends in `bytes`; entry `i` starts where entry `i − 1` ends.
    private let ends: [Int]
    /// Fields in each entry.
    let fieldsPerEntry: Int
    /// Bytes in the longest entry.
    let longestEntry: Int

    /// A table of `entries`, which must all hold the same number of fields.
    init(_ entries: [CSVFields]) {
        let fields = entries.first?.count ?? 0
        precondition(entries.allSatisfy { $0.count == fields }, "CSVFieldTable: entries differ in field count")
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for entry in entries {
            bytes += entry.bytes
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
        fieldsPerEntry = fields
        longestEntry = entries.map(\.bytes.count).max() ?? 0
    }

    /// Calls `body` with the table's entries readable in place.
    func withEntries<R>(_ body: (Entries) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { bytes in
            try ends.withUnsafeBufferPointer { ends in
                try body(Entries(bytes: bytes, ends: ends, fieldsPerEntry: fieldsPerEntry))
            }
        }
    }

    /// The entries of a table, valid only inside `withEntries`.
    struct Entries {
        fileprivate let bytes: UnsafeRawBufferPointer
        fileprivate let ends: UnsafeBufferPointer<Int>
        let fieldsPerEntry: Int

        /// Entry `i`'s bytes.
        @inline(__always)
        subscript(i: Int) -> UnsafeRawBufferPointer {
            let start = i == 0 ? 0 : ends[i - 1]
            return UnsafeRawBufferPointer(rebasing: bytes[start..<ends[i]])
        }
    }
}
