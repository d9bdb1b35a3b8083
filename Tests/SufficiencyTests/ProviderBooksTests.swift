import XCTest
@testable import Sufficiency

/// The providers' books: hours committed by route come back to exactly zero with the last
/// package, brokering's spare hours follow every change, packages and zones in use stay in
/// step, and hires stop at vacancies and room to recruit.
final class ProviderBooksTests: XCTestCase {
    private func books(providers: Int = 2, overcommit: Double = 1.1) -> ProviderBooks {
        let traits = ProviderBooks.Traits(baseZone: 0, payPremium: 1, fixedCapacityHours: .nan,
                                          recruitmentPerWeek: 1.5, exitHazardFactor: 1)
        return ProviderBooks(traits: Array(repeating: traits, count: providers),
                             reach: Array(repeating: 1, count: providers), overcommit: overcommit)
    }

    func testHoursByRouteComeBackToExactlyZeroAndSpareHoursFollow() {
        let books = books()
        books.open(0, workers: 10, at: 0)
        books.setCapacity(100, of: 0)
        XCTAssertEqual(books.spareHours[0], 100 * 1.1)
        // Sums of tenths are not exact in binary: the stocks must still end at zero, not 1e-17.
        books.commit(0.1, route: .spot, of: 0)
        books.commit(0.2, route: .framework, of: 0)
        books.commit(0.7, route: .legacy, of: 0)
        XCTAssertEqual(books[0].committed, 0.1 + 0.2 + 0.7, accuracy: 1e-12)
        XCTAssertEqual(books.spareHours[0], books.spare(0))
        books.commit(-0.1, route: .spot, of: 0)
        books.commit(-0.2, route: .framework, of: 0)
        books.commit(-0.7, route: .legacy, of: 0)
        XCTAssertEqual(books[0].committed.bitPattern, 0.0.bitPattern)
        XCTAssertEqual(books[0].spotHours.bitPattern, 0.0.bitPattern)
        XCTAssertEqual(books[0].contractedHours.bitPattern, 0.0.bitPattern)
        XCTAssertEqual(books[0].legacyHours.bitPattern, 0.0.bitPattern)
        XCTAssertEqual(books.spareHours[0], 100 * 1.1)
        XCTAssertTrue(books.hasSpare(0))

        books.setPrivateHours(110, of: 0)
        XCTAssertFalse(books.hasSpare(0), "private work took every spare hour")
        books.setPrivateHours(0, of: 0)
        books.close(0, at: 7)
        XCTAssertEqual(books.spareHours[0], -.infinity)
        XCTAssertFalse(books.hasSpare(0))
        XCTAssertEqual(books.exitDay[0], 7)
        XCTAssertTrue(books[0].exited)
    }

    func testRemovingAPackageMovesTheLastIntoItsPlace() {
        let books = books()
        XCTAssertEqual(books.addPackage(4, to: 1), 0)
        XCTAssertEqual(books.addPackage(9, to: 1), 1)
        XCTAssertEqual(books.addPackage(2, to: 1), 2)
        XCTAssertEqual(books.removePackage(4, at: 0, of: 1), 2, "the last package takes the place")
        XCTAssertEqual(Array(books.packages[1].elements), [2, 9])
        XCTAssertEqual(books.removePackage(9, at: 1, of: 1), -1, "the last package leaves no gap")
        XCTAssertEqual(Array(books.packages[1].elements), [2])
        XCTAssertTrue(books.packages[0].isEmpty)
    }

    func testZonesInUseStayAscending() {
        let books = books()
        for z in [3, 0, 5, 1] { books.noteZone(z, of: 0, present: true) }
        XCTAssertEqual(Array(books.zonesInUse[0].elements), [0, 1, 3, 5])
        books.noteZone(3, of: 0, present: false)
        books.noteZone(0, of: 0, present: false)
        XCTAssertEqual(Array(books.zonesInUse[0].elements), [1, 5])
        books.clear()
        XCTAssertTrue(books.zonesInUse[0].isEmpty)
    }

    func testHiresStopAtVacanciesAndWholeWorkersOfRoomToRecruit() {
        let books = books()
        books.open(0, workers: 10, at: 0)
        books[0].vacancies = 5
        books.buildRecruitRoom(0)
        books.buildRecruitRoom(0)
        XCTAssertEqual(books[0].recruitRoom, 3)
        XCTAssertTrue(books.isRecruiting(0))
        books.hire(0, applicants: 20)
        XCTAssertEqual(books[0].workers, 13)
        XCTAssertEqual(books[0].vacancies, 2)
        XCTAssertEqual(books[0].recruitRoom, 0)
        XCTAssertFalse(books.isRecruiting(0))
        // Room builds up to four weeks' worth (6 workers) and no further.
        for _ in 0..<10 { books.buildRecruitRoom(0) }
        XCTAssertEqual(books[0].recruitRoom, 6)
    }
}
