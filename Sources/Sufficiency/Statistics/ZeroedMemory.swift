import Foundation

/// Zero-filled tables from `calloc`, for the statistics of every output cell.
///
/// The system hands large allocations over as pages that are zero already and maps each only
/// when it is first written, so a table sized for every cell costs nothing until it is used: a
/// run of one replication touches one row of the 16-row moments block, not 23 MB of it.
enum ZeroedMemory {
    /// `count` elements, every one all zero bits, which must be a valid value of `T` (0, 0.0).
    /// Release with `free(_:)`, not `deallocate()`.
    static func allocate<T: BitwiseCopyable>(_: T.Type, count: Int) -> UnsafeMutableBufferPointer<T> {
        precondition(count >= 0, "ZeroedMemory.allocate: count \(count) is negative")
        guard let raw = calloc(max(count, 1), MemoryLayout<T>.stride) else {
            preconditionFailure("ZeroedMemory.allocate: no memory for \(count) elements of \(T.self)")
        }
        return UnsafeMutableBufferPointer(start: raw.bindMemory(to: T.self, capacity: max(count, 1)), count: count)
    }

    /// Releases a table from `allocate(_:count:)`.
    static func free<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
        Foundation.free(buffer.baseAddress)
    }
}
