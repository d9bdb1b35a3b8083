import Foundation
import Sufficiency
import XCTest

/// The questions a commissioner, a finance officer and a planner ask next, each answered by the
/// command the README gives for it ("Three questions, each answered by a command"): the commands
/// are read from the README, so the README cannot drift from what answers the question.
final class UserQuestionsTests: XCTestCase {
    static let heading = "### Three questions, each answered by a command"

    /// The commands in the README's section, as written.
    static func sectionCommands() throws -> [String] {
        let readme = try ReadmeCommandsTests.readme()
        guard let start = readme.range(of: heading) else {
            XCTFail("README.md has no section '\(heading)'")
            return []
        }
        let rest = readme[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return ReadmeCommandsTests.shellCommands(String(rest[..<end]))
    }

    /// The tool's arguments for each command in the README's section, in order.
    static func commands() throws -> [[String]] {
        try sectionCommands().map { command in
            let words = ReadmeCommandsTests.words(command)
            XCTAssertEqual(words.first, ".build/release/sufficiency", command)
            return Array(words.dropFirst())
        }
    }

    /// The README's command whose subcommand is `name`.
    func command(_ name: String) throws -> [String] {
        let found = try Self.commands().filter { $0.first == name }
        XCTAssertEqual(found.count, 1, "expected one '\(name)' command in the README's section '\(Self.heading)'")
        return try XCTUnwrap(found.first)
    }

    /// "Is our starting position sufficient?": `validate` tells the caseload against its steady
    /// state, the workforce and its vacancies, and each zone's shortfall, and still says valid.
    func testTheStartingPositionIsToldByValidate() throws {
        let result = try runTool(try command("validate"), expecting: 0)
        XCTAssertTrue(result.stdout.contains("scenarios/wiltshire-home-care.yaml: valid."), result.transcript)
        XCTAssertTrue(result.stdout.contains("caseload: 1800 people (1740 placed, 60 waiting); steady state 1916"),
                      result.transcript)
        XCTAssertTrue(result.stdout.contains("workforce: 1019 care workers, 145 vacancies (vacancy rate 12.5%)"),
                      result.transcript)
        // Every one of Wiltshire's fifteen zones has its row, and the first is short from the first week.
        XCTAssertTrue(result.stdout.contains("Salisbury                             1972     1904       68      1746      226    11.5%"),
                      result.transcript)
        XCTAssertTrue(result.stdout.contains("Southern Wiltshire "), result.transcript)
        XCTAssertTrue(result.stdout.contains("warning: scenarios/markets/wiltshire.yaml:173:5: zones[13]: 'Wilton' starts 13.0% short of capacity"),
                      result.transcript)
    }

    /// "What flat uplift keeps provider exits under 2 over five years in 90% of replications?":
    /// none in the range, with the best share reached and the year no uplift can change.
    func testTheUpliftQuestionIsAnsweredNoneWithTheReason() throws {
        let folder = try makeTemporaryFolder()
        let out = folder.appendingPathComponent("solved").path
        let result = try runTool(try command("solve") + ["--replications", "20", "--out", out], expecting: 1)
        let answer = result.stderr
        XCTAssertTrue(answer.contains("No options[flat 3%].uplift.rate from 0 to 0.5 meets the target"), result.transcript)
        XCTAssertTrue(answer.contains("provider_exits under flat 3% is below 2 over the whole run in at least 90% of replications"),
                      result.transcript)
        XCTAssertTrue(answer.contains("The best is at options[flat 3%].uplift.rate = 0.5"), result.transcript)
        XCTAssertTrue(answer.contains("What stops it:"), result.transcript)
        XCTAssertTrue(answer.contains("in 2023/24, at 1.05: no value of it changes what happens there"), result.transcript)
        // Both evaluations are on the record.
        let csv = try String(contentsOfFile: out + "/solve.csv", encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, 3, csv)
    }

    /// "Which zones lose coverage if a named provider leaves on a date?": `coverage` names the
    /// zones whose coverage lost is above 0 in zones.csv, and only those (Devizes, whose one
    /// provider within the standard leaves).
    func testTheZonesThatLoseCoverageAreNamedByCoverage() throws {
        let folder = try makeTemporaryFolder()
        let out = folder.appendingPathComponent("out")
        let result = try runTool(try command("coverage") + ["--replications", "4", "--out", out.path],
                                 expecting: 0, timeout: 300)
        let prefix = "Zones that lose coverage under option 2 ("
        let line = try XCTUnwrap(result.stdoutLines.first { $0.hasPrefix(prefix) }, result.transcript)
        let list = try XCTUnwrap(line.range(of: "): ")).upperBound
        let printed = line[list...].dropLast().components(separatedBy: "; ").map { entry -> String in
            guard let figure = entry.range(of: #" [0-9]+ \["#, options: .regularExpression) else { return entry }
            return String(entry[..<figure.lowerBound])
        }

        let zones = try CSVText(contentsOf: out.appendingPathComponent("zones.csv"))
        let column = { (name: String) in zones.header.firstIndex(of: name)! }
        let losing = zones.rows.filter {
            $0[column("option")] == "option 2" && $0[column("window")] == "horizon" && $0[column("zone")] != "all"
                && $0[column("measure")] == MeasureName.coverageLostHours && (Double($0[column("mean")]) ?? 0) > 0
        }.map { $0[column("zone")] }
        XCTAssertEqual(printed, losing, result.transcript)
        XCTAssertEqual(printed, ["Devizes"], result.transcript)
        // The table has the county's coverage lost for every option.
        XCTAssertTrue(result.stdoutLines.contains { $0.hasPrefix("Coverage lost (hours a week)") }, result.transcript)
    }
}
