import Foundation
import XCTest

/// `sufficiency validate`: bundled scenarios pass; a broken scenario gets every problem at
/// once, each as FILE:LINE:COLUMN: key.path: message, with exit status 2.
final class ValidateCommandTests: XCTestCase {
    func testQuickstartScenarioIsValid() throws {
        try assertBundledScenarioIsValid("scenarios/quickstart.yaml")
    }

    func testWiltshireScenarioIsValid() throws {
        try assertBundledScenarioIsValid("scenarios/wiltshire-home-care.yaml")
    }

    /// The Torbay scenario, built from published figures, starts with nobody short (no warnings).
    func testTorbayScenarioIsValid() throws {
        try assertBundledScenarioIsValid("scenarios/torbay-home-care.yaml")
    }

    /// A day opportunities scenario's entry is shown a year and a round for each option, so a
    /// DPS and a framework with six-monthly rounds can be seen to be given the same chances.
    func testKentsEntryIsShownAYearAndARound() throws {
        let path = "scenarios/kent-day-opportunities-dps.yaml"
        let result = try runTool(["validate", path], in: Repository.root, expecting: 0)
        XCTAssertTrue(result.stdout.hasPrefix("\(path): valid."), result.transcript)
        XCTAssertEqual(Array(result.stdoutLines.dropFirst()), [
            "  framework: join chance 30% a year = 0.1628 a round of 182 days; resubmission chance 30% a year = "
                + "0.1628 a round; new applicants 4 a year = 1.993 a round.",
            "  dps: join chance 30% a year = 0.006812 a round of 7 days; resubmission chance 30% a year = 0.006812 "
                + "a round; new applicants 4 a year = 0.07666 a round.",
        ], result.transcript)
    }

    private func assertBundledScenarioIsValid(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: Repository.url(path).path),
                      "\(path) is missing from the repository", file: file, line: line)
        let result = try runTool(["validate", path], in: Repository.root, expecting: 0, file: file, line: line)
        XCTAssertTrue(result.stdout.hasPrefix("\(path): valid."), result.transcript, file: file, line: line)
        XCTAssertEqual(result.stdoutLines.dropFirst().first,
                       "Starting position (expected figures on the first day, the same for every option):",
                       result.transcript, file: file, line: line)
        XCTAssertEqual(result.stderr, "", result.transcript, file: file, line: line)
    }

    /// "Is my own county's starting position sufficient?" answered by `validate` alone: a county
    /// whose South zone starts 7% short gets the zone in the starting position's table and a
    /// warning naming it and the shortfall; the same county with enough capacity gets neither.
    func testValidateTellsWhetherTheStartingPositionIsSufficient() throws {
        let folder = try makeTemporaryFolder()
        try write(Self.county(betaCapacity: "139.5"), to: "short.yaml", in: folder)
        try write(Self.county(betaCapacity: "160"), to: "enough.yaml", in: folder)

        let short = try runTool(["validate", "short.yaml"], in: folder, expecting: 0)
        assertLines(Array(short.stdoutLines.dropFirst()), [
            "Starting position (expected figures on the first day, the same for every option):",
            "  caseload: 30 people (25 placed, 5 waiting); steady state 30 = 3 referrals a week × 10.0 mean weeks in care",
            "  workforce: 16 care workers, 0 vacancies (vacancy rate 0.0%)",
            "  zone    needed   placed  waiting  capacity    short  short %",
            "  North      150      150        0       200        0     0.0%",
            "  South      150      100       50       140       11     7.0%",
            "  (hours a week; capacity: placed hours the providers can deliver plus spare hours they could offer the "
                + "people waiting)",
            "  providers: none short of capacity",
            "warning: short.yaml:7:5: zones[1]: 'South' starts 7.0% short of capacity: its starting caseload needs "
                + "about 150 hours a week (100 placed, 50 waiting); its providers can deliver about 100 of the placed "
                + "hours and offer about 40 spare, so about 11 hours a week are unmet from the first week.",
        ], result: short)

        let enough = try runTool(["validate", "enough.yaml"], in: folder, expecting: 0)
        XCTAssertFalse(enough.stdout.contains("warning:"), enough.transcript)
        XCTAssertTrue(enough.stdout.contains("  providers: none short of capacity"), enough.transcript)
        XCTAssertTrue(enough.stdout.contains("  South      150      100       50       160        0     0.0%"),
                      enough.transcript)
    }

    private func assertLines(_ lines: [String], _ expected: [String], result: ToolResult,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssert(lines == expected, "\n" + result.transcript, file: file, line: line)
    }

    /// A county of two zones with exactly 10-hour packages lasting 10 weeks, 3 referrals a week.
    private static func county(betaCapacity: String) -> String {
        """
        name: Starting county
        calendar: {start: 2024-04-01, days: 120, period: month}
        run: {replications: 2, seed: 7}
        workforce: {dynamic: false}
        zones:
          - {name: North, referral_share: 0.5, labour_pool_per_week: 1}
          - {name: South, referral_share: 0.5, labour_pool_per_week: 1}
        demand:
          referrals_per_week: 3
          client_groups:
            - name: older people
              share: 1
              package_hours: {distribution: fixed, mean: 10}
              tiers:
                - {name: long-term, kind: long_term, share: 1, duration: {distribution: fixed, mean: 70}}
        providers:
          - {name: Alpha, base_zone: North, zones: [North], care_workers: 10, fixed_capacity_hours: 200}
          - {name: Beta, base_zone: South, zones: [South], care_workers: 6, fixed_capacity_hours: \(betaCapacity)}
        caseload:
          entries:
            - {zone: North, provider: Alpha, people: 15}
            - {zone: South, provider: Beta, people: 10}
            - {zone: South, people: 5}
        options:
          - name: spot
            rule: spot
            reference_rate: 22
            contracts: []

        """
    }

    func testEveryProblemInABrokenScenarioIsReportedWithFileLineAndColumn() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.broken, to: "broken.yaml", in: folder)

        let result = try runTool(["validate", "broken.yaml"], in: folder, expecting: 2)

        let expected = TestScenarioFiles.brokenProblems
            + ["\(TestScenarioFiles.brokenProblems.count) problems found in broken.yaml; nothing was run."]
        XCTAssertEqual(result.stderrLines, expected, result.transcript)
        XCTAssertFalse(result.stdout.contains("valid"), result.transcript)
        XCTAssertEqual(result.stdout, "", result.transcript)
    }

    func testProblemLinesFollowTheCompilerStyleFormat() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.broken, to: "broken.yaml", in: folder)

        let result = try runTool(["validate", "broken.yaml"], in: folder, expecting: 2)

        let problems = result.stderrLines.dropLast()
        XCTAssertGreaterThanOrEqual(problems.count, 5, result.transcript)
        let pattern = try NSRegularExpression(pattern: #"^broken\.yaml:[0-9]+:[0-9]+: [A-Za-z_][A-Za-z0-9_.\[\]]*: \S.*$"#)
        for line in problems {
            let range = NSRange(line.startIndex..., in: line)
            XCTAssertNotNil(pattern.firstMatch(in: line, range: range), "not FILE:LINE:COLUMN: key.path: message: \(line)")
        }
        XCTAssertTrue(result.stderr.contains("did you mean 'referrals_per_week'?"), result.transcript)
        XCTAssertTrue(result.stderr.contains("did you mean 'South'?"), result.transcript)
    }

    func testAnAbsolutePathIsQuotedAsGiven() throws {
        let folder = try makeTemporaryFolder()
        let url = try write(TestScenarioFiles.broken, to: "broken.yaml", in: folder)

        let result = try runTool(["validate", url.path], in: Repository.root, expecting: 2)

        XCTAssertEqual(result.stderrLines.first, "\(url.path):8:3: zones: the referral_share values add up to 0.9; "
                        + "they must add up to 1 (±0.001).", result.transcript)
    }

    func testABadSetValueIsReportedNamingTheSetArgument() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        let result = try runTool(["validate", "tiny.yaml", "--set", "demand.growth=lots"], in: folder, expecting: 2)

        XCTAssertEqual(result.stderrLines, [
            "--set demand.growth=lots: demand.growth: 'lots' is not allowed; expected a number greater than -1 "
                + "(annual growth; 0.03 = 3% a year).",
            "1 problem found in tiny.yaml; nothing was run.",
        ], result.transcript)
        XCTAssertEqual(result.stdout, "", result.transcript)
    }

    func testAMisspeltSetKeyGetsASuggestion() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        let result = try runTool(["validate", "tiny.yaml", "--set", "run.replicatons=3"], in: folder, expecting: 2)

        XCTAssertEqual(result.stderrLines.first,
                       "--set run.replicatons=3: run.replicatons: unknown key 'replicatons'; did you mean 'replications'?",
                       result.transcript)
    }

    func testAValidSetValueIsAccepted() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        let result = try runTool(["validate", "tiny.yaml", "--set", "run.replications=9"], in: folder, expecting: 0)

        XCTAssertTrue(result.stdout.hasPrefix("tiny.yaml: valid."), result.transcript)
        XCTAssertTrue(result.stdout.contains("9 replications"), result.transcript)
    }

    func testAMissingFileIsAProblemNotACrash() throws {
        let folder = try makeTemporaryFolder()

        let result = try runTool(["validate", "no-such-file.yaml"], in: folder, expecting: 2)

        XCTAssertTrue(result.stderr.contains("no-such-file.yaml"), result.transcript)
        XCTAssertEqual(result.stderrLines.last, "1 problem found in no-such-file.yaml; nothing was run.", result.transcript)
    }
}
