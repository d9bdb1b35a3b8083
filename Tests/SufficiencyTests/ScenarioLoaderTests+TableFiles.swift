import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// Providers and an option's contracts given as CSV files beside the scenario: read as the
    /// same list written in YAML would be, changed by `--set` like it, and their problems placed at
    /// their line and column in the CSV.
    @Suite struct TableFiles {
        /// The fixture's two providers, and its baseline option's two contracts, as CSV.
        static let providersCSV = """
            name,base_zone,zones,care_workers,pay_premium,fixed_capacity_hours
            Provider A,North,South,120,1.05,
            Provider B,East,all,40,,220

            """
        static let contractsCSV = """
            provider,route,zones,rate
            Provider B,strategic,Coast; North,23
            Provider A,approved,,

            """

        private static let providersYAML = """
            providers:
              - name: Provider A
                base_zone: North
                zones: [South]
                care_workers: 120
                pay_premium: 1.05
              - name: Provider B
                base_zone: East
                zones: all
                care_workers: 40
                fixed_capacity_hours: 220

            """
        private static let contractsYAML = """
                contracts:
                  - {provider: Provider B, route: strategic, zones: [Coast, North], rate: 23}
                  - {provider: Provider A, route: approved}

            """

        /// The fixture with its providers and its baseline option's contracts named as files.
        static let yaml = ScenarioFixture
            .replacing(providersYAML, with: "providers: {file: providers.csv}\n")
            .replacing(contractsYAML, with: "    contracts: {file: baseline-contracts.csv}\n")

        /// A fresh folder holding the two CSV files.
        private func folder(providers: String = providersCSV, contracts: String = contractsCSV) throws -> URL {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("tables-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(providers.utf8).write(to: folder.appendingPathComponent("providers.csv"))
            try Data(contracts.utf8).write(to: folder.appendingPathComponent("baseline-contracts.csv"))
            return folder
        }

        @Test func theFixtureNamesBothFiles() {
            #expect(Self.yaml != ScenarioFixture.yaml)
            #expect(Self.yaml.contains("providers: {file: providers.csv}"))
            #expect(Self.yaml.contains("contracts: {file: baseline-contracts.csv}"))
        }

        @Test func filesGiveTheSameScenarioAsTheListsWrittenInYAML() throws {
            let folder = try folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let fromFiles = try ScenarioLoader.load(yaml: Self.yaml, fileName: ScenarioFixture.fileName,
                                                    baseDirectory: folder).scenario
            let written = try ScenarioLoaderTests.load()
            #expect(fromFiles.providers == written.providers)
            #expect(fromFiles.options.map(\.contracts) == written.options.map(\.contracts))
            #expect(fromFiles.providers.count == 2 && fromFiles.options[0].contracts.count == 2)
        }

        @Test func theFilesAreInTheFingerprint() throws {
            let first = try folder()
            let second = try folder(providers: Self.providersCSV.replacingOccurrences(of: ",120,", with: ",121,"))
            defer { [first, second].forEach { try? FileManager.default.removeItem(at: $0) } }
            let a = try ScenarioLoader.load(yaml: Self.yaml, fileName: ScenarioFixture.fileName, baseDirectory: first)
            let b = try ScenarioLoader.load(yaml: Self.yaml, fileName: ScenarioFixture.fileName, baseDirectory: second)
            #expect(a.scenario.providers[0].careWorkers == 120 && b.scenario.providers[0].careWorkers == 121)
            #expect(a.sha256 != b.sha256)
        }

        @Test func overridesReachRowsReadFromAFile() throws {
            let folder = try folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let scenario = try ScenarioLoader.load(yaml: Self.yaml, fileName: ScenarioFixture.fileName, baseDirectory: folder,
                                                   overrides: ["providers[Provider B].care_workers=55",
                                                               "options[baseline].contracts[0].rate=24.5"]).scenario
            #expect(scenario.providers[1].careWorkers == 55)
            #expect(scenario.options[0].contracts[0].rate == 24.5)
        }

        @Test func everyProblemIsPlacedInTheCSVAtOnce() throws {
            let folder = try folder(providers: """
                name,base_zone,zones,care_workers,pay_premum
                Provider A,North,South,120,1.05
                Provider B,East,all,40,
                """, contracts: """
                provider,route,zones,rate
                Provider B,strategic,Coast; Nowhere,-23
                Provider A,approved,East,
                Provider A
                """)
            defer { try? FileManager.default.removeItem(at: folder) }
            let providers = folder.appendingPathComponent("providers.csv").path
            let contracts = folder.appendingPathComponent("baseline-contracts.csv").path
            #expect(ScenarioLoaderTests.problems(Self.yaml, baseDirectory: folder) == [
                "\(providers):1:35: providers: unknown column 'pay_premum'; did you mean 'pay_premium'?",
                "\(contracts):2:29: options[0].contracts[0].zones[1]: 'Nowhere' is not an area of option 'baseline' "
                    + "or a zone; expected one of: Coast, North, South, East.",
                "\(contracts):2:37: options[0].contracts[0].rate: -23 is not allowed; expected a positive rate in £ an hour.",
                "\(contracts):3:21: options[0].contracts[1].zones[0]: 'Provider A' does not serve 'East'; "
                    + "it serves North, South.",
                "\(contracts):4:1: options[0].contracts[2]: this row has 1 field but the header has 4 (provider,route,zones,rate).",
            ])
        }

        @Test func emptyAndMissingFilesAreReported() throws {
            let folder = try folder(providers: "", contracts: "provider,route\n")
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(ScenarioLoaderTests.problems(Self.yaml, baseDirectory: folder) == [
                "\(folder.appendingPathComponent("providers.csv").path):1:1: providers: the file is empty; expected a "
                    + "header line naming its columns, from: \(ScenarioLoader.providerColumns.joined(separator: ",")).",
                "\(folder.appendingPathComponent("baseline-contracts.csv").path):1:1: options[0].contracts: the file has "
                    + "a header but no rows; expected one row for each element of the list.",
            ])
            let missing = ScenarioLoaderTests.problems(Self.yaml)
            #expect(missing.count == 2)
            #expect(missing.first?.hasSuffix("providers.file: cannot read the providers file 'scenarios/providers.csv': no such file.") == true)
        }

        @Test func aProviderIsPlacedByItsBaseColumns() throws {
            let folder = try folder(providers: Self.providersCSV
                .replacingOccurrences(of: "fixed_capacity_hours\n", with: "fixed_capacity_hours,base_latitude,base_longitude\n")
                .replacingOccurrences(of: "1.05,\n", with: "1.05,,51.35,-2.1\n")
                .replacingOccurrences(of: ",220\n", with: ",220,,\n"))
            defer { try? FileManager.default.removeItem(at: folder) }
            let scenario = try ScenarioLoader.load(yaml: Self.yaml, fileName: ScenarioFixture.fileName,
                                                   baseDirectory: folder).scenario
            #expect(scenario.providers[0].base == .geographic(latitude: 51.35, longitude: -2.1))
            #expect(scenario.providers[1].base == nil)

            let grid = try self.folder(providers: Self.providersCSV
                .replacingOccurrences(of: "fixed_capacity_hours\n", with: "fixed_capacity_hours,base_easting,base_northing\n")
                .replacingOccurrences(of: "1.05,\n", with: "1.05,,390000,180000\n")
                .replacingOccurrences(of: ",220\n", with: ",220,,\n"))
            defer { try? FileManager.default.removeItem(at: grid) }
            #expect(ScenarioLoaderTests.problems(Self.yaml, baseDirectory: grid) == [
                "\(grid.appendingPathComponent("providers.csv").path):2:34: providers[0].base: the base is in a different "
                    + "coordinate system from the zones' centroids; use {latitude, longitude}.",
            ])
        }
    }
}
