import CGSL
import XCTest
@testable import Sufficiency

final class QueueTheoryTests: XCTestCase {
    func testTextbookMMThree() {
        // λ = 2, mean service 1, c = 3: P(wait) = 4/9, Wq = 4/9, Lq = 8/9.
        let r = QueueTheory.erlangC(arrivalRate: 2, meanService: 1, servers: 3)
        XCTAssertEqual(r.probabilityWait, 4.0 / 9, accuracy: 1e-12)
        XCTAssertEqual(r.meanWait, 4.0 / 9, accuracy: 1e-12)
        XCTAssertEqual(r.meanQueueLength, 8.0 / 9, accuracy: 1e-12)
    }

    func testMMOneInOtherTimeUnits() {
        // M/M/1 with ρ = 0.5 and mean service 2 weeks: P(wait) = ρ, Wq = ρ·s/(1 − ρ) = 2 weeks,
        // Lq = ρ²/(1 − ρ) = 0.5.
        let r = QueueTheory.erlangC(arrivalRate: 0.25, meanService: 2, servers: 1)
        XCTAssertEqual(r.probabilityWait, 0.5, accuracy: 1e-12)
        XCTAssertEqual(r.meanWait, 2, accuracy: 1e-12)
        XCTAssertEqual(r.meanQueueLength, 0.5, accuracy: 1e-12)
    }

    func testManyServersIsStableAndMatchesPoissonForm() {
        // Offered load 200 on 220 servers: A^c and c! overflow, the recursion must not.
        let r = QueueTheory.erlangC(arrivalRate: 10, meanService: 20, servers: 220)
        XCTAssertTrue(r.probabilityWait.isFinite && r.probabilityWait > 0 && r.probabilityWait < 1)
        XCTAssertTrue(r.meanWait.isFinite && r.meanWait > 0)
        XCTAssertEqual(r.meanQueueLength, 10 * r.meanWait, accuracy: 1e-12)
        // Independent route: Erlang B = P(X = c) / P(X ≤ c) for X ~ Poisson(A), from GSL.
        let b = gsl_ran_poisson_pdf(220, 200) / gsl_cdf_poisson_P(220, 200)
        let c = 220 * b / (220 - 200 * (1 - b))
        XCTAssertEqual(r.probabilityWait, c, accuracy: 1e-10)
        XCTAssertEqual(r.meanWait, c * 20 / 20, accuracy: 1e-9)
    }

    func testNoArrivalsMeansNoWaiting() {
        let r = QueueTheory.erlangC(arrivalRate: 0, meanService: 3, servers: 2)
        XCTAssertEqual(r.probabilityWait, 0)
        XCTAssertEqual(r.meanWait, 0)
        XCTAssertEqual(r.meanQueueLength, 0)
    }

    func testMMInfinityMeanIsLoad() {
        XCTAssertEqual(QueueTheory.mmInfinityMeanInSystem(arrivalRate: 3, meanService: 4), 12)
        XCTAssertEqual(QueueTheory.mmInfinityMeanInSystem(arrivalRate: 0.5, meanService: 52), 26)
    }
}
