import Foundation
import XCTest

/// `sufficiency calibrate`: the files it writes from a package history, that a scenario including
/// its fragment validates, and how it refuses a bad file (every problem at its line and column,
/// exit 2, nothing written).
final class CalibrateCommandTests: XCTestCase {
    /// A package history over 60 weeks in the quick-start county's zones, from a fixed
    /// linear congruential sequence: 0–3 starts a day, durations 20–419 days, hours 5–24.
    private func packageFile() -> String {
        var state: UInt64 = 12_345
        func next(_ n: UInt64) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % n)
        }
        let zones = [("Riverside", "Riverside Care"), ("Hilltop", "Hilltop Homecare"), ("Marshes", "Marsh Carers")]
        var lines = ["provider,zone,package_id,person_id,client_group,start_date,end_date,hours_per_week,end_reason"]
        let first = Date(timeIntervalSince1970: 1_704_067_200) // 2024-01-01
        let last = 420
        func day(_ d: Int) -> String {
            let date = first.addingTimeInterval(Double(d) * 86_400)
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd"
            f.timeZone = TimeZone(identifier: "UTC")
            f.locale = Locale(identifier: "en_US_POSIX")
            return f.string(from: date)
        }
        var id = 0
        for d in 0..<last {
            for _ in 0..<next(4) {
                id += 1
                let (zone, provider) = zones[next(3)]
                let group = next(5) == 0 ? "learning disability" : "older people"
                let end = d + 20 + next(400)
                lines.append("\(provider),\(zone),P\(id),C\(id),\(group),\(day(d)),\(end < last ? day(end) : ""),"
                             + "\(5 + next(20)),\(end < last ? "died" : "")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The quick-start scenario without its demand and caseload, including the fragment instead.
    private func scenarioIncluding(_ fragment: String) throws -> String {
        let text = String(decoding: try Data(contentsOf: Repository.url("scenarios/quickstart.yaml")), as: UTF8.self)
        var kept: [Substring] = ["include: \(fragment)"]
        var skipping = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("demand:") || line.hasPrefix("caseload:") { skipping = true }
            else if let c = line.first, c != " ", c != "#" { skipping = false }
            if !skipping { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }

    /// `--check` replays the history through the calibrated scenario and writes the months beside
    /// the history's in replay.csv and fit.html.
    func testCheckReplaysTheHistory() throws {
        let folder = try makeTemporaryFolder()
        try write(packageFile(), to: "packages.csv", in: folder)
        let result = try runTool(["calibrate", "packages.csv", "--out", "calibration", "--check"], in: folder, expecting: 0)
        XCTAssert(result.stdout.contains("\nReplay: the history's referrals lie within the replications' band in "), result.transcript)
        let out = folder.appendingPathComponent("calibration")
        XCTAssertEqual(try contents(of: out), ["calibrated.yaml", "fit.csv", "fit.html", "manifest.json", "replay.csv"])
        let csv = String(decoding: try Data(contentsOf: out.appendingPathComponent("replay.csv")), as: UTF8.self)
        let rows = csv.split(separator: "\n")
        XCTAssertEqual(rows.first, "month,days,measure,history,mean,low,high,inside")
        // From the first start, 2 January 2024 (nobody starts on the 1st), to the last date in the
        // file: January 2024 (clipped to 30 days) to February 2025.
        XCTAssertEqual(rows.count, 1 + 2 * 14, csv)
        XCTAssert(rows[1].hasPrefix("2024-01-02,30,referrals,"), csv)
        XCTAssert(rows[2].hasPrefix("2024-01-02,30,in_care,"), csv)
        let html = String(decoding: try Data(contentsOf: out.appendingPathComponent("fit.html")), as: UTF8.self)
        XCTAssert(html.contains("<h2>Replay of the history</h2>"))
    }

    func testCalibrateWritesAFragmentAScenarioCanInclude() throws {
        let folder = try makeTemporaryFolder()
        try write(packageFile(), to: "packages.csv", in: folder)
        let result = try runTool(["calibrate", "packages.csv", "--out", "calibration"], in: folder, expecting: 0)
        XCTAssert(result.stdout.hasPrefix("Calibrated "), result.transcript)
        let out = folder.appendingPathComponent("calibration")
        XCTAssertEqual(try contents(of: out), ["calibrated.yaml", "fit.csv", "fit.html", "manifest.json"])
        let yaml = String(decoding: try Data(contentsOf: out.appendingPathComponent("calibrated.yaml")), as: UTF8.self)
        for key in ["demand:", "  referrals_per_week: ", "  growth: ", "  seasonality: [", "  client_groups:",
                    "    - name: \"learning disability\"", "    - name: \"older people\"", "caseload:"] {
            XCTAssert(yaml.contains("\n" + key), "calibrated.yaml lacks \(key):\n\(yaml)")
        }
        let csv = String(decoding: try Data(contentsOf: out.appendingPathComponent("fit.csv")), as: UTF8.self)
        XCTAssert(csv.hasPrefix("section,group,family,parameter,estimate,low,high,log_likelihood,aic,chosen\n"))
        for family in ["exponential", "gamma", "lognormal", "weibull"] {
            XCTAssert(csv.contains(",older people,\(family),mean,"), "fit.csv lacks the \(family) fit")
        }
        let html = String(decoding: try Data(contentsOf: out.appendingPathComponent("fit.html")), as: UTF8.self)
        XCTAssert(html.contains("<svg"))
        XCTAssertFalse(html.contains("http://") && html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))

        try write(scenarioIncluding("calibration/calibrated.yaml"), to: "county.yaml", in: folder)
        try runTool(["validate", "county.yaml"], in: folder, expecting: 0)

        // Calibrating again replaces the earlier output.
        try runTool(["calibrate", "packages.csv", "--out", "calibration", "--as-of", "2024-12-31"], in: folder, expecting: 0)
        XCTAssertEqual(try contents(of: folder), ["calibration", "county.yaml", "packages.csv"])
    }

    func testABadFileIsRefusedWithEveryProblemAndNothingWritten() throws {
        let folder = try makeTemporaryFolder()
        var lines = packageFile().split(separator: "\n").map(String.init)
        var fields = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[5] = "2024-13-01" // start_date
        lines[3] = fields.joined(separator: ",")
        lines[5] += ",extra"
        try write(lines.joined(separator: "\n") + "\n", to: "packages.csv", in: folder)
        let result = try runTool(["calibrate", "packages.csv", "--out", "calibration"], in: folder, expecting: 2)
        XCTAssert(result.stderr.contains("packages.csv:4:"), result.transcript)
        XCTAssert(result.stderr.contains("'2024-13-01' is not a date"), result.transcript)
        XCTAssert(result.stderr.contains("packages.csv:6:1: this row has 10 fields"), result.transcript)
        XCTAssert(result.stderr.contains("2 problems found in packages.csv; nothing was written."), result.transcript)
        XCTAssertEqual(try contents(of: folder), ["packages.csv"])
    }
}
