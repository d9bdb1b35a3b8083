import Foundation
import XCTest
@testable import Sufficiency

final class CalibrationTests: XCTestCase {
    private func history(_ packages: [PackageRecord]) -> PackageHistory {
        PackageHistory(packages: packages, file: "packages.csv",
                       latestDay: packages.map { max($0.start, $0.end ?? $0.start) }.max()!)
    }

    /// Over 100 histories of about 2,000 packages each, the 95% intervals of the referral rate,
    /// its growth, and the Weibull shape and mean duration each cover the truth in about 95 of
    /// them: between 89 and 99 (a binomial(100, 0.95) count falls there with probability 0.99).
    func testIntervalsCoverTheTruthAtTheStatedRate() throws {
        let truth = PackageHistorySimulator()
        var covered = ["rate": 0, "growth": 0, "shape": 0, "mean": 0, "january": 0]
        let samples = 100
        for seed in 1...samples {
            let fit = try Calibration.fit(history(truth.draw(seed: UInt64(seed))), asOf: truth.extractionDay)
            let referrals = fit.referrals
            if referrals.ratePerWeek.covers(truth.ratePerWeek) { covered["rate"]! += 1 }
            if referrals.growth.covers(truth.growth) { covered["growth"]! += 1 }
            if try XCTUnwrap(referrals.seasonality)[0].covers(truth.seasonality[0]) { covered["january"]! += 1 }
            let weibull = try XCTUnwrap(fit.groups[0].durations.first { $0.family == .weibull })
            if try XCTUnwrap(weibull.parameter("shape")).covers(truth.durationShape) { covered["shape"]! += 1 }
            if try XCTUnwrap(weibull.parameter("mean")).covers(truth.durationMean) { covered["mean"]! += 1 }
        }
        for (name, count) in covered.sorted(by: { $0.key < $1.key }) {
            XCTAssert((89...99).contains(count), "\(name): the 95% interval covered the truth in \(count) of \(samples) samples")
        }
    }

    /// A large history recovers every parameter closely, the Weibull is chosen by AIC over the
    /// other families, and the caseload is the packages open on the extraction date.
    func testLargeHistoryRecoversParametersAndChoosesWeibull() throws {
        var truth = PackageHistorySimulator()
        truth.ratePerWeek = 60
        let packages = truth.draw(seed: 7)
        let fit = try Calibration.fit(history(packages), asOf: truth.extractionDay)
        XCTAssertEqual(fit.referrals.ratePerWeek.value, 60, accuracy: 3)
        XCTAssertEqual(fit.referrals.growth.value, 0.06, accuracy: 0.03)
        // Three years of 6% growth on: the rate a scenario starting on the extraction date takes.
        XCTAssertEqual(fit.referrals.ratePerWeekAtAsOf.value, 60 * pow(1.06, 3), accuracy: 4)
        XCTAssert(fit.referrals.ratePerWeekAtAsOf.covers(60 * pow(1.06, 3)))
        let group = fit.groups[0]
        XCTAssertEqual(group.durations.map(\.family).first, .weibull)
        XCTAssertEqual(group.durations.count, 4)
        XCTAssertEqual(try XCTUnwrap(group.durations[0].parameter("shape")).value, 1.3, accuracy: 0.06)
        XCTAssertEqual(group.hours.first?.family, .lognormal)
        XCTAssertEqual(try XCTUnwrap(group.hours[0].parameter("mean")).value, 12, accuracy: 0.3)
        let open = packages.filter { $0.end == nil }.count
        XCTAssertEqual(fit.caseload.reduce(0) { $0 + $1.people }, open)
        XCTAssertEqual(group.open, open)
        XCTAssertEqual(Set(fit.caseload.map(\.zone)), ["Hilltop", "Riverside"])
        // The Kaplan–Meier band holds the curve, and the chosen fit stays near the curve.
        for point in group.kaplanMeier.points {
            XCTAssert(point.low <= point.survival && point.survival <= point.high)
        }
        let middle = group.kaplanMeier.points[group.kaplanMeier.points.count / 2]
        XCTAssertEqual(group.durations[0].survival(middle.time), middle.survival, accuracy: 0.03)
    }

    /// An as-of date before the extraction date leaves out later starts and censors packages
    /// ending after it.
    func testAsOfDateCensorsLaterEnds() throws {
        let truth = PackageHistorySimulator()
        let packages = truth.draw(seed: 3)
        let asOf = truth.firstDay + 2 * 364
        let fit = try Calibration.fit(history(packages), asOf: asOf)
        XCTAssertEqual(fit.packages, packages.filter { $0.start <= asOf }.count)
        let open = packages.filter { $0.start <= asOf && ($0.end ?? Int.max) > asOf }.count
        XCTAssertEqual(fit.groups[0].open, open)
        XCTAssertEqual(fit.referrals.weeks, 104)
    }

    /// Every kind of problem in a package file is reported at its line and column, at once.
    func testEveryProblemInAFileIsReportedAtItsLineAndColumn() throws {
        let text = """
        package_id,person_id,zone,client_group,start_date,end_date,hours_per_week,provider,colour
        P1,C1,Riverside,older people,2024-01-05,,10,Riverside Care,red
        P2,C2,Riverside,older people,2024-02-30,,10,Riverside Care,red
        P3,C3,Riverside,older people,2024-03-01,2024-02-01,10,Riverside Care,red
        P1,C4,Riverside,older people,2024-03-01,,10,Riverside Care,red
        P5,C5,Riverside,older people,2024-03-01,,ten,Riverside Care,red
        P6,C6,Riverside,older people,2024-03-01,,10
        P7,,Riverside,older people,2024-03-01,,10,Riverside Care,red

        """
        XCTAssertThrowsError(try PackageHistory.read(Data(text.utf8), file: "packages.csv")) { error in
            let lines = (error as! CalibrationError).description.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, 8, lines.joined(separator: "\n"))
            let expected = [
                "packages.csv:1:84: colour: 'colour' is not a column",
                "packages.csv:3:30: start_date: '2024-02-30' is not a date",
                "packages.csv:4:41: end_date: the package ends before it starts (2024-03-01)",
                "packages.csv:5:1: package_id: the package id 'P1' is also on line 2",
                "packages.csv:6:42: hours_per_week: 'ten' is not allowed",
                "packages.csv:7:1: this row has 7 fields; the header names 9 columns",
                "packages.csv:8:4: person_id: the person_id is empty",
                "7 problems found in packages.csv; nothing was written.",
            ]
            for (line, start) in zip(lines, expected) { XCTAssert(line.hasPrefix(start), "\(line)\ndoes not start with\n\(start)") }
        }
        let missing = "package_id,zone,start_date\nP1,Riverside,2024-01-01\n"
        XCTAssertThrowsError(try PackageHistory.read(Data(missing.utf8), file: "packages.csv")) { error in
            XCTAssert((error as! CalibrationError).description.hasPrefix(
                "packages.csv:1:1: the header lacks the columns person_id, client_group, end_date, hours_per_week, provider"))
        }
        let latin1 = Data("package_id,person_id\nP1,Jos".utf8) + Data([0xE9]) + Data("\n".utf8)
        XCTAssertThrowsError(try PackageHistory.read(latin1, file: "packages.csv")) { error in
            XCTAssert((error as! CalibrationError).description.hasPrefix("packages.csv:2:7: the file is not UTF-8 text: byte 0xE9"))
        }
    }

    /// Names from the file reach the fragment quoted, so a name cannot add YAML of its own, the
    /// fit report escaped, so it cannot add HTML, and fit.csv neutralised, so a spreadsheet
    /// does not run it as a formula.
    func testNamesAreQuotedInTheFragmentAndEscapedInTheReport() throws {
        var packages = PackageHistorySimulator().draw(seed: 5)
        for i in packages.indices { packages[i].clientGroup = "x\", share: 2}\n<script>alert(1)</script>" }
        let fit = try Calibration.fit(history(packages))
        let yaml = fit.fragment(source: "packages.csv")
        XCTAssert(yaml.contains(#"- name: "x\", share: 2}\n<script>alert(1)</script>""#), yaml)
        let html = fit.fitReport(source: "packages.csv")
        XCTAssertFalse(html.contains("<script>"))
        XCTAssert(html.contains("&lt;script&gt;"))
        for i in packages.indices { packages[i].zone = "=HYPERLINK(\"http://x\")" }
        let table = try Calibration.fit(history(packages)).fitTable()
        XCTAssert(table.contains("\nzone_share,\"'=HYPERLINK(\"\"http://x\"\")\",,referral_share,1,"), table)
    }
}
