import Foundation
import Testing
import Yams
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// Input that once crashed a run, hung the loader or was accepted as nonsense: data files
    /// outside the scenario's folder, enormous values, text that is not UTF-8, alias and merge
    /// bombs. Each is now refused with a message naming the file, line and key.
    @Suite struct BadInput {
        private func problems(replacing old: String, with new: String) -> [String] {
            ScenarioLoaderTests.problems(ScenarioFixture.replacing(old, with: new))
        }

        /// A new empty folder (the caller removes it).
        private func makeFolder() throws -> URL {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("bad-input-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return folder
        }

        private func fixture(caseloadFile path: String) -> String {
            ScenarioFixture.replacing("caseload:\n  entries:", with: "caseload:\n  file: \(path)\n  entries:")
        }

        // MARK: - Data files outside the scenario's folder

        @Test func dataFilesOutsideTheScenariosFolderAreRefusedBeforeTheyAreRead() throws {
            let folder = try makeFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let advice = "name a file in the scenario's folder (or a folder below it) by its path relative to the scenario."
            #expect(ScenarioLoaderTests.problems(fixture(caseloadFile: "/etc/passwd"), baseDirectory: folder) == [
                "scenarios/test.yaml:56:9: caseload.file: cannot read the caseload file '/etc/passwd': it is outside "
                    + "the scenario's folder (an absolute path); \(advice)",
            ])
            #expect(ScenarioLoaderTests.problems(fixture(caseloadFile: "data/../../etc/passwd"), baseDirectory: folder) == [
                "scenarios/test.yaml:56:9: caseload.file: cannot read the caseload file 'data/../../etc/passwd': it is "
                    + "outside the scenario's folder ('..' climbs above it); \(advice)",
            ])
        }

        @Test func aSymbolicLinkLeadingOutOfTheFolderIsRefused() throws {
            let outside = try makeFolder()
            let folder = try makeFolder()
            defer {
                try? FileManager.default.removeItem(at: outside)
                try? FileManager.default.removeItem(at: folder)
            }
            try Data("zone\nSouth\n".utf8).write(to: outside.appendingPathComponent("secret.csv"))
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("current.csv"),
                                                       withDestinationURL: outside.appendingPathComponent("secret.csv"))
            let problems = ScenarioLoaderTests.problems(fixture(caseloadFile: "current.csv"), baseDirectory: folder)
            #expect(problems.count == 1)
            #expect(problems.first?.hasPrefix("scenarios/test.yaml:56:9: caseload.file: cannot read the caseload file") == true)
            #expect(problems.first?.contains("it is a symbolic link to a file outside the scenario's folder") == true)
        }

        @Test func filesInAFolderBelowTheScenarioAreRead() throws {
            let folder = try makeFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let data = folder.appendingPathComponent("data", isDirectory: true)
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            try Data("zone,people\nSouth,4\n".utf8).write(to: data.appendingPathComponent("current.csv"))
            for path in ["data/current.csv", "./data/current.csv", "data/../data/current.csv"] {
                let scenario = try ScenarioLoader.load(yaml: fixture(caseloadFile: path), fileName: ScenarioFixture.fileName,
                                                       baseDirectory: folder).scenario
                #expect(scenario.caseload.entries.first == InitialCaseload.Entry(zone: 1, provider: nil, people: 4))
            }
        }

        @Test func aFolderNamedAsADataFileIsSaidToBeOne() throws {
            let folder = try makeFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(ScenarioLoaderTests.problems(fixture(caseloadFile: "."), baseDirectory: folder) == [
                "scenarios/test.yaml:56:9: caseload.file: cannot read the caseload file '\(folder.path)/.': it is a "
                    + "folder; name a CSV file.",
            ])
        }

        // MARK: - Text that is not UTF-8

        @Test func textThatIsNotUTF8IsPlacedAtItsFirstBadByte() {
            #expect(UTF8Text.decode(Data("zone\nCaf".utf8) + Data([0xE9, 0x0A])) == .failure(UTF8Text.Problem(
                line: 2, column: 4, message: "the file is not UTF-8 text: byte 0xE9 cannot be read as UTF-8 "
                    + "(Latin-1 or Windows-1252?); save the file as UTF-8.")))
            #expect(UTF8Text.decode(Data([0xFF, 0xFE, 0x7A, 0x00])) == .failure(UTF8Text.Problem(
                line: 1, column: 1, message: "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); "
                    + "save it as UTF-8.")))
            #expect(UTF8Text.decode(Data("a: 1\nb: \u{0}".utf8)) == .failure(UTF8Text.Problem(
                line: 2, column: 4, message: "the file is not text: it holds a NUL byte (binary data, or UTF-16 "
                    + "without a byte-order mark?); save it as UTF-8 text.")))
            #expect(UTF8Text.decode(Data("name: Café\n".utf8)) == .success("name: Café\n"))
        }

        @Test func aScenarioFileInLatin1NamesItsFileLineAndColumn() throws {
            let folder = try makeFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("latin.yaml").path
            let text = ScenarioFixture.replacing("A small county for tests", with: "A small café county")
            try text.data(using: .isoLatin1)!.write(to: URL(fileURLWithPath: path))
            do {
                _ = try ScenarioLoader.load(path: path)
                Issue.record("a Latin-1 scenario was loaded")
            } catch {
                #expect(error.issues.map(\.description) == [
                    "\(path):2:25: the file is not UTF-8 text: byte 0xE9 cannot be read as UTF-8 (Latin-1 or "
                        + "Windows-1252?); save the file as UTF-8.",
                ])
            }
        }

        @Test func aCaseloadFileInUTF16IsPlacedInThatFile() throws {
            let folder = try makeFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let csv = folder.appendingPathComponent("current.csv")
            try "zone\nSouth\n".data(using: .utf16)!.write(to: csv)
            #expect(ScenarioLoaderTests.problems(fixture(caseloadFile: "current.csv"), baseDirectory: folder) == [
                "\(csv.path):1:1: the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8.",
            ])
        }

        // MARK: - Enormous values

        @Test func referralRatesAreCappedAtAHundredThousandAWeek() {
            #expect(problems(replacing: "referrals_per_week: 40", with: "referrals_per_week: 1e9") == [
                "scenarios/test.yaml:26:23: demand.referrals_per_week: 1e9 is not allowed; expected a non-negative "
                    + "number of referrals a week, at most 100000.",
            ])
            // Within the cap at the start, but compounding past it.
            #expect(problems(replacing: "referrals_per_week: 40\n  growth: 0.03",
                             with: "referrals_per_week: 90000\n  growth: 0.5") == [
                "scenarios/test.yaml:26:3: demand: the referral rate would reach 243135 a week during the run (from "
                    + "90000 a week with its growth, seasonality and steps); it can be at most 100000 a week.",
            ])
        }

        @Test func aReplicationHoldsAtMostTenMillionPeople() {
            let yaml = ScenarioFixture.replacing("referrals_per_week: 40\n  growth: 0.03",
                                                 with: "referrals_per_week: 80000\n  growth: 0")
                .replacingOccurrences(of: "  years: 2\n", with: "  years: 5\n")
                .replacingOccurrences(of: "factor: 1.2}", with: "factor: 1}")
            #expect(ScenarioLoaderTests.problems(yaml) == [
                "scenarios/test.yaml:26:3: demand: a replication would hold up to 20880130 people (the caseload and "
                    + "80000 referrals a week over 1827 days); at most 10000000 fit in memory, so lower the referral "
                    + "rate or shorten the run.",
            ])
        }

        @Test func packagesCannotNeedMoreHoursThanAWeekHas() {
            #expect(problems(replacing: "mean: 13.3, sd: 8, minimum: 1, maximum: 60", with: "mean: 200, sd: 8, minimum: 1") == [
                "scenarios/test.yaml:35:50: demand.client_groups[0].package_hours.mean: 200 is not allowed; expected "
                    + "a positive mean in hours a week, at most 168.",
            ])
            #expect(problems(replacing: "minimum: 1, maximum: 60", with: "minimum: 1, maximum: 600") == [
                "scenarios/test.yaml:35:84: demand.client_groups[0].package_hours.maximum: 600 is not allowed; "
                    + "expected a non-negative maximum in hours a week (0 for none), at most 168.",
            ])
            #expect(problems(replacing: "client_group: older people, hours_per_week: 13}",
                             with: "client_group: older people, hours_per_week: 169}") == [
                "scenarios/test.yaml:57:100: caseload.entries[0].hours_per_week: 169 is not allowed; expected a "
                    + "positive number of hours a week, at most 168.",
            ])
        }

        @Test func theLimitIsNamedOnlyForValuesAboveIt() {
            #expect(problems(replacing: "labour_pool_per_week: 0.5", with: "labour_pool_per_week: -3") == [
                "scenarios/test.yaml:24:27: zones[2].labour_pool_per_week: -3 is not allowed; expected a non-negative "
                    + "number of people a week.",
            ])
            #expect(problems(replacing: "labour_pool_per_week: 0.5", with: "labour_pool_per_week: 3e5") == [
                "scenarios/test.yaml:24:27: zones[2].labour_pool_per_week: 3e5 is not allowed; expected a non-negative "
                    + "number of people a week, at most 100000.",
            ])
        }

        @Test func runsLastAtMostAHundredYears() throws {
            #expect(problems(replacing: "  years: 2\n", with: "  years: 101\n") == [
                "scenarios/test.yaml:5:10: calendar.years: 101 is not allowed; expected a positive whole number of "
                    + "years, at most 100.",
            ])
            #expect(problems(replacing: "  years: 2\n  period: week\n", with: "  days: 400001\n  period: quarter\n") == [
                "scenarios/test.yaml:5:9: calendar.days: 400001 is not allowed; expected a positive whole number of "
                    + "days, at most 400000.",
            ])
            #expect(problems(replacing: "  years: 2\n", with: "  years: 2\n  warm_up_days: 40000\n") == [
                "scenarios/test.yaml:6:17: calendar.warm_up_days: 40000 is not allowed; expected a non-negative whole "
                    + "number of days, at most 36525.",
            ])
            let longest = ScenarioFixture.replacing("  years: 2\n", with: "  days: 36525\n")
                .replacingOccurrences(of: "referrals_per_week: 40", with: "referrals_per_week: 1")
            #expect(try ScenarioLoaderTests.load(longest).calendar.horizonDays == 36_525)
        }

        /// A long run is allowed (a steady-state queue over a million customers), but not one
        /// reported in more periods than 100 years of weeks: each period holds a row per zone.
        @Test func longRunsAreReportedInAtMost5218Periods() throws {
            #expect(problems(replacing: "  years: 2\n", with: "  days: 36527\n") == [
                "scenarios/test.yaml:6:11: calendar.period: reporting by week over 36527 days makes 5219 periods; "
                    + "at most 5218 are allowed (100 years of weeks): report by a longer period or shorten the run.",
            ])
            let weeks = ScenarioFixture.replacing("  years: 2\n", with: "  days: 36525\n")
                .replacingOccurrences(of: "referrals_per_week: 40", with: "referrals_per_week: 1")
            #expect(try ScenarioLoaderTests.load(weeks).calendar.horizonDays == 36_525)
            let queue = ScenarioFixture.replacing("  years: 2\n  period: week\n", with: "  days: 400000\n  period: quarter\n")
                .replacingOccurrences(of: "referrals_per_week: 40", with: "referrals_per_week: 1")
                .replacingOccurrences(of: "growth: 0.03", with: "growth: 0")
            #expect(try ScenarioLoaderTests.load(queue).calendar.horizonDays == 400_000)
            #expect(problems(replacing: "  years: 2\n  period: week\n", with: "  days: 400000\n  period: month\n").count == 1)
        }

        @Test func runSettingsAndHeadcountsHaveCeilings() {
            #expect(problems(replacing: "replications: 50", with: "replications: 2000000") == [
                "scenarios/test.yaml:7:21: run.replications: 2000000 is not allowed; expected a whole number of "
                    + "replications, at least 1, at most 1000000.",
            ])
            #expect(problems(replacing: "threads: 2", with: "threads: 5000") == [
                "scenarios/test.yaml:7:43: run.threads: 5000 is not allowed; expected a non-negative whole number of "
                    + "threads (0: one per core), at most 1024.",
            ])
            #expect(problems(replacing: "care_workers: 120", with: "care_workers: 2000000") == [
                "scenarios/test.yaml:48:19: providers[0].care_workers: 2000000 is not allowed; expected a "
                    + "non-negative whole number of care workers, at most 1000000.",
            ])
        }

        @Test func numbersBeyondATrillionAreTooLargeWhateverTheKey() {
            #expect(problems(replacing: "reference_rate: 21", with: "reference_rate: 4e13") == [
                "scenarios/test.yaml:72:21: options[1].reference_rate: 4e13 is too large; expected a positive rate in "
                    + "£ an hour, no more than 1000000000000.",
            ])
        }

        @Test func weibullShapesBelowAHundredthAreRefused() {
            #expect(problems(replacing: "mean: 900, shape: 1.5", with: "mean: 900, shape: 0.001") == [
                "scenarios/test.yaml:43:106: demand.client_groups[1].tiers[0].duration.shape: 0.001 is not allowed; "
                    + "expected a Weibull shape of at least 0.01.",
            ])
        }

        @Test func dayOpportunitiesPlacementsUseAtMostSevenDaysAWeek() throws {
            let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("scenarios/wiltshire-day-opportunities.yaml")
            let text = try String(contentsOf: path, encoding: .utf8)
                .replacingOccurrences(of: "minimum: 0.5, maximum: 5}", with: "minimum: 0.5, maximum: 8}")
                .replacingOccurrences(of: "  per_week: 1.8 ", with: "  per_week: 2e5 ")
            let problems = ScenarioLoaderTests.problems(text)
            #expect(problems.count == 2)
            #expect(problems.first?.contains("groups[0].days_per_week.maximum: 8 is not allowed; expected a "
                                             + "non-negative maximum in days a week (0 for none), at most 7.") == true)
            #expect(problems.last?.contains("referrals.per_week: 2e5 is not allowed; expected a non-negative number "
                                            + "of people a week, at most 100000.") == true)
        }

        // MARK: - References and YAML tricks

        @Test func aFutureNeedsFuturesToChooseFrom() {
            #expect(problems(replacing: "prices:\n", with: "prices:\n  future: high inflation\n") == [
                "scenarios/test.yaml:9:11: prices.future: 'high inflation' is not allowed; expected the name of a "
                    + "future given under prices.futures (there are none).",
            ])
        }

        @Test func anUndefinedAliasIsNamed() {
            #expect(problems(replacing: "referrals_per_week: 40", with: "referrals_per_week: *rate") == [
                "scenarios/test.yaml:26:23: this is not valid YAML: found undefined alias '*rate' (no anchor '&rate' "
                    + "comes before it).",
            ])
        }

        @Test func aMergeBombIsStoppedAndReported() {
            var lines = ["defaults0: &defaults0 {rurality: rural}"]
            // 9⁴ = 6,561 merged mappings, but few enough values for the alias budget to let through.
            for i in 1...4 {
                lines.append("defaults\(i): &defaults\(i) {<<: [" + Array(repeating: "*defaults\(i - 1)", count: 9)
                    .joined(separator: ", ") + "]}")
            }
            let yaml = lines.joined(separator: "\n") + "\n"
                + ScenarioFixture.replacing("    rurality: rural\n", with: "    <<: *defaults4\n")
            let problems = ScenarioLoaderTests.problems(yaml)
            #expect(problems.contains("scenarios/test.yaml:19:5: zones[0].<<: the merge keys (<<) here bring in more "
                                      + "than 1000 mappings, counting merges within merges; write the values out or "
                                      + "merge fewer mappings."))
        }

        @Test func aValueWrittenWithAliasesIsShownCutShort() throws {
            var lines = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
            for i in 1...8 {
                lines.append("lol\(i): &lol\(i) [" + Array(repeating: "*lol\(i - 1)", count: 9).joined(separator: ", ") + "]")
            }
            let node = try #require(try Yams.compose(yaml: lines.joined(separator: "\n") + "\n"))
            let bomb = try #require(node.mapping?["lol8"])
            let text = SweepValue.flowText(bomb)
            #expect(text.hasSuffix("…"))
            #expect(text.utf8.count < SweepValue.flowLimit + 100)
        }
    }
}
