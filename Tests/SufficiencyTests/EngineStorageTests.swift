import XCTest
@testable import Sufficiency

/// The engine's containers: the event calendar's order decides every result, and the
/// queues and package lists must keep their elements through growth and reuse.
final class EngineStorageTests: XCTestCase {
    func testEventsComeOutInTimeThenKindThenSchedulingOrder() {
        var calendar = EventCalendar(firstDay: -30, lastDay: 200)
        defer { calendar.deallocate() }
        var expected: [Event] = []
        var state: UInt64 = 12345
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        var now = -30.0
        // Many ties in time, so kind and sequence decide; events for today and later days
        // interleaved with removals, as the engine posts them; enough to grow the pool.
        for sequence in 1...5000 {
            let time = min(200, now + Double(next() % 400) / 8)
            let event = Event(time: time, kind: Event.Kind(rawValue: UInt8(next() % 6))!,
                              sequence: UInt64(sequence), subject: Int32(sequence), stamp: 0)
            calendar.insert(event)
            expected.append(event)
            if sequence % 3 == 0 {
                let smallest = expected.min()!
                XCTAssertEqual(calendar.min()?.subject, smallest.subject)
                calendar.removeMin()
                expected.removeAll { $0.subject == smallest.subject }
                now = smallest.time
            }
        }
        XCTAssertEqual(calendar.count, expected.count)
        for event in expected.sorted() {
            XCTAssertEqual(calendar.min()?.subject, event.subject)
            calendar.removeMin()
        }
        XCTAssertNil(calendar.min())
        calendar.removeAll()
        calendar.insert(Event(time: -30, kind: .review, sequence: 1, subject: 7, stamp: 0))
        XCTAssertEqual(calendar.min()?.subject, 7)
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
        run.insert(99, at: 2)
        run.insert(-1, at: 0)
        run.insert(100, at: run.count)
        XCTAssertEqual((0..<run.count).map { run[$0] }, [-1, 1, 2, 99] + (6..<20).map(Int32.init) + [100])
        for value in [99, -1, 100] as [Int32] {
            let i = (0..<run.count).first { run[$0] == value }!
            run.removeSubrange(from: i, to: i + 1)
        }
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
