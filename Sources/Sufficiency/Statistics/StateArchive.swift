import Foundation

/// The exact bytes of streaming statistics' state, so a run stopped part way can be saved and
/// continued later with results identical to the last bit to an uninterrupted run's.
///
/// Sections are raw memory (doubles, integers, GSL quantile workspaces), each preceded by its
/// length in bytes, so a reader that expects a different layout fails instead of misreading.
/// Not portable between machines of different byte order; checkpoints are for resuming on the
/// machine (or cluster) that wrote them. Public only as the type `ResumableJob`s write to.
public struct StateArchive {
    private(set) var data = Data()

    /// Appends the bytes of `buffer`.
    mutating func append<T>(_ buffer: UnsafeBufferPointer<T>) {
        var length = UInt64(buffer.count * MemoryLayout<T>.stride)
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(contentsOf: UnsafeRawBufferPointer(buffer))
    }

    mutating func append<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
        append(UnsafeBufferPointer(buffer))
    }

    mutating func append<T>(_ array: [T]) {
        array.withUnsafeBufferPointer { append($0) }
    }

    mutating func append(_ value: Int) {
        append([value])
    }
}

/// Reads a `StateArchive`'s sections back, in the order they were appended.
public struct StateArchiveReader {
    private let data: Data
    private var offset = 0

    init(_ data: Data) { self.data = data }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == data.count }

    /// Fills `buffer` from the next section, which must be exactly its size.
    mutating func read<T>(into buffer: UnsafeMutableBufferPointer<T>) throws(CheckpointError) {
        let bytes = try section(expected: buffer.count * MemoryLayout<T>.stride)
        if bytes.isEmpty { return }
        _ = bytes.copyBytes(to: UnsafeMutableRawBufferPointer(buffer))
    }

    /// The next section as an array of `T`.
    mutating func readArray<T>(of type: T.Type) throws(CheckpointError) -> [T] {
        let bytes = try section(expected: nil)
        guard bytes.count % MemoryLayout<T>.stride == 0 else { throw .damaged("a section has a partial value") }
        var array = [T]()
        array.reserveCapacity(bytes.count / MemoryLayout<T>.stride)
        bytes.withUnsafeBytes { raw in
            for i in 0..<(bytes.count / MemoryLayout<T>.stride) {
                array.append(raw.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.stride, as: T.self))
            }
        }
        return array
    }

    mutating func readInt() throws(CheckpointError) -> Int {
        let values = try readArray(of: Int.self)
        guard values.count == 1 else { throw .damaged("a count has \(values.count) values") }
        return values[0]
    }

    private mutating func section(expected: Int?) throws(CheckpointError) -> Data {
        guard offset + 8 <= data.count else { throw .damaged("it ends early") }
        var length: UInt64 = 0
        withUnsafeMutableBytes(of: &length) { _ = data.copyBytes(to: $0, from: (data.startIndex + offset)..<(data.startIndex + offset + 8)) }
        offset += 8
        // A length is bounded by the bytes left before it is used, so no length traps.
        guard length <= UInt64(data.count - offset) else { throw .damaged("a section of \(length) bytes runs past its end") }
        let count = Int(length)
        if let expected, expected != count {
            throw .damaged("a section holds \(count) bytes where \(expected) were expected")
        }
        let bytes = data.subdata(in: (data.startIndex + offset)..<(data.startIndex + offset + count))
        offset += count
        return bytes
    }
}
