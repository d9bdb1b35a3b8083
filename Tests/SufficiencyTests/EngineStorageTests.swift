import XCTest
@testable import Sufficiency

/// The engine's containers: the event calendar's order decides every result, and the
/// queues and package lists must keep their elements through growth and reuse.
final class EngineStorageTests: XCTestCase {
    func testEventsComeOutInTimeThenKindThenSchedulingOrder() {
        var calendar = EventCalendar(firstDay: -30, lastDay: 200)
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

    func testAListIsAFirstInFirstOutQueueAndAStackThroughGrowth() {
        var list = List<Int32>(capacity: 4)
        var model: [Int32] = []
        for i in 0..<1000 {
            list.append(Int32(i))
            model.append(Int32(i))
            if i % 3 == 0 { list.removeFirst(); model.removeFirst() }
            if i % 5 == 0 && !model.isEmpty { XCTAssertEqual(list.removeLast(), model.removeLast()) }
            if i % 11 == 0 && !model.isEmpty { list[0] = -Int32(i); model[0] = -Int32(i) }
        }
        XCTAssertEqual(list.count, model.count)
        XCTAssertEqual((0..<list.count).map { list[$0] }, model)
        XCTAssertEqual(list.first, model.first)
        XCTAssertEqual(list.last, model.last)
        list.removeAll()
        XCTAssertTrue(list.isEmpty)
        XCTAssertNil(list.first)
    }

    func testRemovingASubrangeKeepsTheRestInOrder() {
        var list = List<Int32>(capacity: 4)
        for i in 0..<20 { list.append(Int32(i)) }
        list.removeFirst()
        list.removeSubrange(from: 2, to: 5)      // the later elements overlap the gap
        XCTAssertEqual((0..<list.count).map { list[$0] }, [1, 2] + (6..<20).map(Int32.init))
        list.insert(99, at: 2)
        list.insert(-1, at: 0)
        list.insert(100, at: list.count)
        XCTAssertEqual((0..<list.count).map { list[$0] }, [-1, 1, 2, 99] + (6..<20).map(Int32.init) + [100])
        for value in [99, -1, 100] as [Int32] {
            let i = (0..<list.count).first { list[$0] == value }!
            list.removeSubrange(from: i, to: i + 1)
        }
        list.removeSubrange(from: 3, to: 3)
        XCTAssertEqual(list.count, 16)
        list.removeSubrange(from: 0, to: list.count)
        XCTAssertTrue(list.isEmpty)
    }

    func testJaggedRowsKeepTheirOrderAndLengths() {
        let rows: [[Int32]] = [[3, 1], [], [7], [2, 2, 9]]
        let jagged = Jagged(rows)
        XCTAssertEqual(jagged.rowCount, 4)
        XCTAssertEqual((0..<4).map { Array(jagged.row($0)) }, rows)
    }

    func testASlabFreesItsElementsWhenItGoesAway() {
        final class Count { var value = 0 }
        struct Tracked: ~Copyable {
            let freed: Count
            deinit { freed.value += 1 }
        }
        let freed = Count()
        do {
            let slab = Slab(count: 3) { _ in Tracked(freed: freed) }
            XCTAssertEqual(slab.count, 3)
            XCTAssertEqual(freed.value, 0)
        }
        XCTAssertEqual(freed.value, 3)
    }

    func testElementsViewsReadTheLiveElementsInOrder() {
        var list = List<Int32>(capacity: 4)
        for i in 0..<10 { list.append(Int32(i)) }
        list.removeFirst()
        XCTAssertEqual(Array(list.elements), (1..<10).map(Int32.init))
        let slab = Slab([1.0, 2.0, 3.0])
        slab.elements[1] = 5
        XCTAssertEqual(slab[1], 5)
        XCTAssertEqual(Array(slab.elements), [1, 5, 3])
    }
}
