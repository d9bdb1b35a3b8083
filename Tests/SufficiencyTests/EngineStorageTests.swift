import XCTest
@testable import Sufficiency

/// The engine's containers: the event heap's order decides every result, and the
/// queues and package lists must keep their elements through growth and reuse.
final class EngineStorageTests: XCTestCase {
    func testEventsComeOutInTimeThenKindThenSchedulingOrder() {
        var queue = EventQueue(capacity: 16)
        defer { queue.deallocate() }
        var expected: [Event] = []
        var state: UInt64 = 12345
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        // Many ties in time, so kind and sequence decide; enough events to force growth.
        for sequence in 1...5000 {
            let event = Event(time: Double(next() % 200), kind: Event.Kind(rawValue: UInt8(next() % 6))!,
                              sequence: UInt64(sequence), subject: Int32(sequence), stamp: 0)
            queue.insert(event)
            expected.append(event)
            // Interleave removals, as the engine does.
            if sequence % 7 == 0 {
                let smallest = expected.min()!
                XCTAssertEqual(queue.removeMin().subject, smallest.subject)
                expected.removeAll { $0.subject == smallest.subject }
            }
        }
        XCTAssertEqual(queue.count, expected.count)
        for event in expected.sorted() {
            XCTAssertEqual(queue.removeMin().subject, event.subject)
        }
        XCTAssertNil(queue.min)
    }

    func testARunIsAFirstInFirstOutQueueAndAStackThroughGrowth() {
        var run = Run<Int32>(capacity: 4)
        defer { run.deallocate() }
        var model: [Int32] = []
        for i in 0..<1000 {
            run.append(Int32(i))
            model.append(Int32(i))
            if i % 3 == 0 { run.removeFirst(); model.removeFirst() }
            if i % 5 == 0 && !model.isEmpty { XCTAssertEqual(run.removeLast(), model.removeLast()) }
            if i % 11 == 0 && !model.isEmpty { run[0] = -Int32(i); model[0] = -Int32(i) }
        }
        XCTAssertEqual(run.count, model.count)
        XCTAssertEqual((0..<run.count).map { run[$0] }, model)
        XCTAssertEqual(run.first, model.first)
        XCTAssertEqual(run.last, model.last)
        run.removeAll()
        XCTAssertTrue(run.isEmpty)
        XCTAssertNil(run.first)
    }

    func testRemovingASubrangeKeepsTheRestInOrder() {
        var run = Run<Int32>(capacity: 4)
        defer { run.deallocate() }
        for i in 0..<20 { run.append(Int32(i)) }
        run.removeFirst()
        run.removeSubrange(from: 2, to: 5)      // the later elements overlap the gap
        XCTAssertEqual((0..<run.count).map { run[$0] }, [1, 2] + (6..<20).map(Int32.init))
        run.removeSubrange(from: 3, to: 3)
        XCTAssertEqual(run.count, 16)
        run.removeSubrange(from: 0, to: run.count)
        XCTAssertTrue(run.isEmpty)
    }

    func testJaggedRowsKeepTheirOrderAndLengths() {
        let rows: [[Int32]] = [[3, 1], [], [7], [2, 2, 9]]
        let jagged = Jagged(rows)
        defer { jagged.deallocate() }
        XCTAssertEqual(jagged.rowCount, 4)
        XCTAssertEqual((0..<4).map { Array(jagged.row($0)) }, rows)
    }
}
