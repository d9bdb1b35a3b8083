import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// A caseload CSV named by the scenario: read relative to the scenario's folder, fingerprinted,
    /// and its problems placed at their line and column in the CSV.
    @Suite struct CaseloadFile {
        /// A fresh folder holding `csv` as `current.csv`, and the fixture naming it.
        private func folder(with csv: String) throws -> URL {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("caseload-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(csv.utf8).write(to: folder.appendingPathComponent("current.csv"))
            return folder
        }

        private let yaml = ScenarioFixture.replacing("caseload:\n  entries:", with: "caseload:\n  file: current.csv\n  entries:")

        @Test func rowsComeBeforeInlineEntriesAndEmptyFieldsTakeDefaults() throws {
            let csv = "zone,provider,client_group,hours_per_week,people\r\n"
                + "North,Provider A,older people,12.5,3\r\n"
                + "\r\n"
                + "South,,,,\r\n"
                + "\"East\",\"Provider B\",learning disability,,2\r\n"
            let folder = try folder(with: csv)
            defer { try? FileManager.default.removeItem(at: folder) }
            let loaded = try ScenarioLoader.load(yaml: yaml, fileName: ScenarioFixture.fileName, baseDirectory: folder)
            #expect(loaded.scenario.caseload.entries == [
                InitialCaseload.Entry(zone: 0, provider: 0, people: 3, clientGroup: 0, hoursPerWeek: 12.5),
                InitialCaseload.Entry(zone: 1, provider: nil, people: 1, clientGroup: nil, hoursPerWeek: nil),
                InitialCaseload.Entry(zone: 2, provider: 1, people: 2, clientGroup: 1, hoursPerWeek: nil),
                InitialCaseload.Entry(zone: 0, provider: 0, people: 120, clientGroup: 0, hoursPerWeek: 13),
                InitialCaseload.Entry(zone: 1, provider: nil, people: 10, clientGroup: nil, hoursPerWeek: nil),
            ])
            var fingerprint = Data(yaml.utf8)
            fingerprint.append(0)
            fingerprint.append(Data(csv.utf8))
            #expect(loaded.sha256 == SHA256Digest.hex(of: fingerprint))
        }

        @Test func columnsMayComeInAnyOrderAndOnlyZoneIsRequired() throws {
            let folder = try folder(with: "people,zone\n4,South\n")
            defer { try? FileManager.default.removeItem(at: folder) }
            let scenario = try ScenarioLoader.load(yaml: yaml, fileName: ScenarioFixture.fileName,
                                                   baseDirectory: folder).scenario
            #expect(scenario.caseload.entries.first == InitialCaseload.Entry(zone: 1, provider: nil, people: 4))
        }

        @Test func unreadableRowsNameTheFileLineColumnValueAndExpectation() throws {
            let folder = try folder(with: """
                zone,provider,client_group,hours_per_week,people
                North,Provider A,older people,lots,3
                South,Provider X,,,
                East,Provider A,,,2
                North,Provider A,,,-1
                North,Provider A

                """)
            defer { try? FileManager.default.removeItem(at: folder) }
            let csv = folder.appendingPathComponent("current.csv").path
            #expect(ScenarioLoaderTests.problems(yaml, baseDirectory: folder) == [
                "\(csv):2:31: hours_per_week: 'lots' is not allowed; expected a positive number of hours a week.",
                "\(csv):3:7: provider: 'Provider X' is not a provider; did you mean 'Provider A'?",
                "\(csv):4:6: provider: 'Provider A' does not serve 'East'; it serves North, South.",
                "\(csv):5:20: people: -1 is not allowed; expected a non-negative whole number of people.",
                "\(csv):6:1: this row has 2 fields but the header has 5 (zone,provider,client_group,hours_per_week,people).",
            ])
        }

        /// Days in care, in the file or inline, reach the entry; waiting people cannot have them.
        @Test func daysInCareAreReadForPlacedPeopleOnly() throws {
            let folder = try folder(with: "zone,provider,days_in_care\nNorth,Provider A,400\nSouth,Provider A,\n")
            defer { try? FileManager.default.removeItem(at: folder) }
            let inline = yaml.replacingOccurrences(of: "client_group: older people, hours_per_week: 13}",
                                                   with: "client_group: older people, hours_per_week: 13, days_in_care: 35.5}")
            let entries = try ScenarioLoader.load(yaml: inline, fileName: ScenarioFixture.fileName, baseDirectory: folder)
                .scenario.caseload.entries
            #expect(entries.map(\.daysInCare) == [400, nil, 35.5, nil])
            let bad = try self.folder(with: "zone,provider,days_in_care\nNorth,,10\nNorth,Provider A,-2\n")
            defer { try? FileManager.default.removeItem(at: bad) }
            let waiting = inline.replacingOccurrences(of: "{zone: South, people: 10}", with: "{zone: South, people: 10, days_in_care: 3}")
            let csv = bad.appendingPathComponent("current.csv").path
            #expect(ScenarioLoaderTests.problems(waiting, baseDirectory: bad) == [
                "scenarios/test.yaml:59:47: caseload.entries[1].days_in_care: people waiting are not in care yet; "
                    + "give days_in_care only with a provider.",
                "\(csv):2:8: days_in_care: people waiting are not in care yet; give days_in_care only with a provider.",
                "\(csv):3:18: days_in_care: -2 is not allowed; expected a non-negative number of days.",
            ])
        }

        @Test func headersMustNameKnownColumnsIncludingZone() throws {
            let folder = try folder(with: "provder,hours\nProvider A,3\n")
            defer { try? FileManager.default.removeItem(at: folder) }
            let csv = folder.appendingPathComponent("current.csv").path
            #expect(ScenarioLoaderTests.problems(yaml, baseDirectory: folder) == [
                "\(csv):1:1: provder: unknown column 'provder'; did you mean 'provider'?",
                "\(csv):1:1: zone: missing required column 'zone'.",
                "\(csv):1:9: hours: unknown column 'hours'; did you mean 'hours_per_week'?",
            ])
        }

        @Test func emptyFilesAndUnclosedQuotesAreReported() throws {
            let empty = try folder(with: "")
            defer { try? FileManager.default.removeItem(at: empty) }
            #expect(ScenarioLoaderTests.problems(yaml, baseDirectory: empty) == [
                "\(empty.appendingPathComponent("current.csv").path):1:1: the file is empty; expected a header line: "
                    + "zone,provider,client_group,hours_per_week,people,days_in_care.",
            ])
            let unclosed = try folder(with: "zone\n\"North\n")
            defer { try? FileManager.default.removeItem(at: unclosed) }
            #expect(ScenarioLoaderTests.problems(yaml, baseDirectory: unclosed) == [
                "\(unclosed.appendingPathComponent("current.csv").path):2:1: a quoted field starts here but its "
                    + "closing quote (\") is missing.",
            ])
        }

        @Test func aMissingFileIsNamedRelativeToTheScenariosFolder() {
            #expect(ScenarioLoaderTests.problems(yaml) == [
                "scenarios/test.yaml:56:9: caseload.file: cannot read the caseload file 'scenarios/current.csv': "
                    + "no such file.",
            ])
        }

        /// A last line that ends in a separator, with no line break after it, ends with an empty field.
        @Test func aSeparatorAtTheEndOfTheFileEndsWithAnEmptyField() {
            #expect(CSVTable(text: "a,b\nc,").records == [
                CSVTable.Record(fields: [CSVTable.Field(text: "a", line: 1, column: 1),
                                         CSVTable.Field(text: "b", line: 1, column: 3)], line: 1),
                CSVTable.Record(fields: [CSVTable.Field(text: "c", line: 2, column: 1),
                                         CSVTable.Field(text: "", line: 2, column: 3)], line: 2),
            ])
        }

        @Test func csvFieldsKeepTheirLineAndColumn() {
            let table = CSVTable(text: "a, \"b,\"\"c\"\"\"\n\"multi\nline\",x\n")
            #expect(table.records == [
                CSVTable.Record(fields: [CSVTable.Field(text: "a", line: 1, column: 1),
                                         CSVTable.Field(text: "b,\"c\"", line: 1, column: 4)], line: 1),
                CSVTable.Record(fields: [CSVTable.Field(text: "multi\nline", line: 2, column: 1),
                                         CSVTable.Field(text: "x", line: 3, column: 7)], line: 2),
            ])
        }
    }

    /// The "did you mean" suggestions.
    @Suite struct Suggestions {
        @Test func editDistanceCountsSwapsOfNeighboursAsOneEdit() {
            #expect(DidYouMean.editDistance("kitten", "sitting") == 3)
            #expect(DidYouMean.editDistance("from", "form") == 1)
            #expect(DidYouMean.editDistance("", "abc") == 3)
            #expect(DidYouMean.editDistance("same", "same") == 0)
        }

        @Test func suggestsTheClosestNameWithinTwoEditsOrByPrefix() {
            let keys = ScenarioLoader.demandKeys
            #expect(DidYouMean.suggestion(for: "referals_per_week", among: keys) == "referrals_per_week")
            #expect(DidYouMean.suggestion(for: "GROWTH", among: keys) == "growth")
            #expect(DidYouMean.suggestion(for: "client", among: keys) == "client_groups")
            #expect(DidYouMean.suggestion(for: "colour", among: keys) == nil)
            // Short words need to be closer.
            #expect(DidYouMean.suggestion(for: "ab", among: ["id"]) == nil)
            #expect(DidYouMean.suggestion(for: "ib", among: ["id"]) == "id")
        }

        /// The banded distance agrees with the full table wherever the distance is within the
        /// limit, and says "further" everywhere else (every pair of short words over "abc").
        @Test func theDistanceUpToALimitAgreesWithTheFullTable() {
            var words = [""], longest = [""]
            for _ in 1...4 {
                longest = longest.flatMap { word in ["a", "b", "c"].map { word + $0 } }
                words += longest
            }
            for a in words {
                for b in words {
                    let exact = DidYouMean.editDistance(a, b)
                    for limit in 0...3 {
                        #expect(DidYouMean.editDistance(Array(a), Array(b), atMost: limit) == (exact <= limit ? exact : nil),
                                "\(a) \(b) \(limit)")
                    }
                }
            }
        }

        /// Two long names that differ (a zone tens of thousands of characters long, named wrong)
        /// get no suggestion, without a table of their lengths' product (which for two
        /// 20,000-character names took 3 GB and nearly two minutes).
        @Test func longNamesAreComparedOnlyNearTheDiagonal() {
            let zone = String(repeating: "A", count: 50_000)
            #expect(DidYouMean.suggestion(for: String(repeating: "B", count: 50_000), among: [zone]) == nil)
            #expect(DidYouMean.suggestion(for: zone + "x", among: [zone, "A"]) == zone)
            #expect(DidYouMean.suggestion(for: "Ax" + zone.dropFirst(2), among: [zone]) == zone)
        }
    }
}
