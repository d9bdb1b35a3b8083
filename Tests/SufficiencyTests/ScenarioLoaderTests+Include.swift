import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// `include:` shares a market between scenarios: the included files are the base, the
    /// scenario's own keys override them (mappings key by key, anything else whole), `--set`
    /// applies after; problems are placed in the file they are written in, and includes that
    /// cannot be followed are refused at their entry.
    @Suite struct Include {
        /// The fixture's market: its sections from `prices` to `caseload`.
        static let marketSections: String = {
            let yaml = ScenarioFixture.yaml
            let start = yaml.range(of: "prices:\n")!.lowerBound
            let end = yaml.range(of: "options:\n")!.lowerBound
            return String(yaml[start..<end])
        }()

        /// The market file: a workforce section (lines 1 to 3), then the fixture's market
        /// (`prices` on line 4, `zones` on line 7, North's labour pool on line 11).
        static let market = """
            workforce:
              annual_turnover: 0.25     # assumption: a calmer labour market than 2022/23
              visit_minutes: 40

            """ + marketSections

        /// The scenario file: the fixture with its market replaced by `include: market.yaml`
        /// on line 8 (`options` from line 9; the first option's `reference_rate` on line 13).
        static let scenario = ScenarioFixture.yaml.replacingOccurrences(of: marketSections,
                                                                         with: "include: market.yaml\n")

        /// A new folder holding `files` (paths relative to it), which the caller removes.
        private func folder(_ files: [String: String]) throws -> URL {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("include-\(UUID().uuidString)", isDirectory: true)
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            return folder
        }

        /// Loads `scenario.yaml` in `folder`.
        private func load(_ folder: URL, overrides: [String] = []) throws(ScenarioError) -> LoadedScenario {
            try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path, overrides: overrides)
        }

        /// The problems loading `scenario.yaml` in `folder` reports, with files named relative to the folder.
        private func problems(_ folder: URL, overrides: [String] = [],
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
            do {
                _ = try load(folder, overrides: overrides)
                Issue.record("expected the scenario to be rejected", sourceLocation: sourceLocation)
                return []
            } catch {
                return error.issues.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
            }
        }

        // MARK: - The merge rule

        @Test func theScenarioIsTheFixtureWithItsMarketIncluded() throws {
            let folder = try folder(["scenario.yaml": Self.scenario, "market.yaml": Self.market])
            defer { try? FileManager.default.removeItem(at: folder) }
            var scenario = try load(folder).scenario
            #expect(scenario.workforce.annualTurnover == 0.25)
            scenario.workforce = try ScenarioLoaderTests.load().workforce
            #expect(scenario == (try ScenarioLoaderTests.load()))
        }

        @Test func theScenarioOverridesMappingsKeyByKeyAndOtherValuesWhole() throws {
            let own = """
                workforce:
                  visit_minutes: 50
                prices:
                  nlw: {2024: 12.5}
                demand:
                  steps: [{from: 100, factor: 1.1}]

                """
            let folder = try folder(["scenario.yaml": Self.scenario + own, "market.yaml": Self.market])
            defer { try? FileManager.default.removeItem(at: folder) }
            let scenario = try load(folder).scenario
            // A value from the included file, and one the scenario overrides.
            #expect(scenario.workforce.annualTurnover == 0.25)
            #expect(scenario.workforce.visitMinutes == 50)
            // A nested mapping merged key by key: one year replaced, the other and `cost` kept.
            #expect(scenario.prices.nlw[2023] == 10.42)
            #expect(scenario.prices.nlw[2024] == 12.5)
            #expect(scenario.prices.cost.baseYear == 2022)
            // A list replaced whole, beside the section's other keys from the included file.
            #expect(scenario.demand.steps == [DemandStep(fromDay: 100, untilDay: nil, factor: 1.1)])
            #expect(scenario.demand.referralsPerWeek == 40)
            #expect(scenario.demand.clientGroups.count == 2)
        }

        @Test func laterIncludesOverrideEarlierOnesAndTheScenarioOverridesThemAll() throws {
            let changes = "workforce: {annual_turnover: 0.3, visit_minutes: 35}\nexits: {annual_hazard: 0.04}\n"
            let yaml = Self.scenario.replacingOccurrences(of: "include: market.yaml", with: "include: [market.yaml, changes.yaml]")
                + "workforce: {visit_minutes: 50}\n"
            let folder = try folder(["scenario.yaml": yaml, "market.yaml": Self.market, "changes.yaml": changes])
            defer { try? FileManager.default.removeItem(at: folder) }
            let scenario = try load(folder).scenario
            #expect(scenario.workforce.annualTurnover == 0.3)
            #expect(scenario.workforce.visitMinutes == 50)
            #expect(scenario.exits.annualHazard == 0.04)
        }

        @Test func aMergeKeyInTheScenarioOverridesLikeAKeyWrittenOut() throws {
            let folder = try folder(["scenario.yaml": Self.scenario + "workforce: {<<: {annual_turnover: 0.33}}\n",
                                     "market.yaml": Self.market])
            defer { try? FileManager.default.removeItem(at: folder) }
            let workforce = try load(folder).scenario.workforce
            #expect(workforce.annualTurnover == 0.33)
            #expect(workforce.visitMinutes == 40)
        }

        @Test func setChangesAValueFromTheIncludedFileAndNamesItselfWhenWrong() throws {
            let folder = try folder(["scenario.yaml": Self.scenario, "market.yaml": Self.market])
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(try load(folder, overrides: ["workforce.annual_turnover=0.4"]).scenario.workforce.annualTurnover == 0.4)
            #expect(problems(folder, overrides: ["workforce.annual_turnover=-1", "include=other.yaml"]) == [
                "--set include=other.yaml: include: the files a scenario includes cannot be changed by an override "
                    + "(they are read before overrides apply); write include in the scenario file.",
                "--set workforce.annual_turnover=-1: workforce.annual_turnover: -1 is not allowed; expected a "
                    + "non-negative annual hazard (0.291 = 29.1% a year).",
            ])
        }

        // MARK: - Where problems are reported

        @Test func problemsInBothFilesAreReportedTogetherEachInItsOwnFile() throws {
            let folder = try folder([
                "scenario.yaml": Self.scenario.replacingOccurrences(of: "reference_rate: 22.5", with: "reference_rate: -1"),
                "market.yaml": Self.market.replacingOccurrences(of: "labour_pool_per_week: 1.5", with: "labour_pool_per_week: -3")
                    .replacingOccurrences(of: "visit_minutes: 40", with: "visit_minutes: forty"),
            ])
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(problems(folder) == [
                "scenario.yaml:13:21: options[0].reference_rate: -1 is not allowed; expected a positive rate in £ an hour.",
                "market.yaml:3:18: workforce.visit_minutes: 'forty' is not allowed; expected a positive number of minutes.",
                "market.yaml:11:27: zones[0].labour_pool_per_week: -3 is not allowed; expected a non-negative number of "
                    + "people a week.",
            ])
        }

        @Test func aSyntaxErrorInTheIncludedFileIsPlacedThere() throws {
            let folder = try folder(["scenario.yaml": Self.scenario, "market.yaml": "workforce: {visit_minutes: 40\nzones: []\n"])
            defer { try? FileManager.default.removeItem(at: folder) }
            let problems = problems(folder)
            #expect(problems.count == 1)
            #expect(problems.first?.hasPrefix("market.yaml:2:6: this is not valid YAML:") == true)
        }

        @Test func nestedIncludesAndTheirCaseloadFilesAreFoundBesideTheFileThatNamesThem() throws {
            let county = "include: common.yaml\n" + Self.market.replacingOccurrences(
                of: "caseload:\n  entries:", with: "caseload:\n  file: current.csv\n  entries:")
            var files = ["scenario.yaml": Self.scenario.replacingOccurrences(of: "include: market.yaml",
                                                                             with: "include: markets/county.yaml"),
                         "markets/county.yaml": county,
                         "markets/common.yaml": "exits: {annual_hazard: 0.03}\n",
                         "markets/current.csv": "zone,people\nSouth,4\n"]
            let good = try folder(files)
            defer { try? FileManager.default.removeItem(at: good) }
            let loaded = try load(good)
            #expect(loaded.scenario.exits.annualHazard == 0.03)
            #expect(loaded.scenario.caseload.entries.first == InitialCaseload.Entry(zone: 1, provider: nil, people: 4))
            #expect(loaded.includedFiles.map { $0.path.replacingOccurrences(of: good.path + "/", with: "") }
                    == ["markets/county.yaml", "markets/common.yaml"])

            files["markets/current.csv"] = "zone,people\nSouth,-4\n"
            files["markets/county.yaml"] = county.replacingOccurrences(of: "file: current.csv", with: "file: ../../current.csv")
            let bad = try folder(files)
            defer { try? FileManager.default.removeItem(at: bad) }
            #expect(problems(bad) == [
                "markets/county.yaml:53:9: caseload.file: cannot read the caseload file '../../current.csv': it is "
                    + "outside the scenario's folder ('..' climbs above it); name a file in the scenario's folder (or a "
                    + "folder below it) by its path relative to this file.",
            ])
        }

        // MARK: - Includes that are refused

        @Test func aMissingFileIsRefusedAtItsEntry() throws {
            let folder = try folder(["scenario.yaml": Self.scenario])
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(problems(folder) == ["scenario.yaml:8:10: include: cannot include 'market.yaml': no such file."])
        }

        @Test func aFileOutsideTheScenariosFolderIsRefusedBeforeItIsRead() throws {
            let outside = try folder(["market.yaml": Self.market])
            let folder = try folder(["scenario.yaml": Self.scenario.replacingOccurrences(
                of: "include: market.yaml", with: "include: [../\(outside.lastPathComponent)/market.yaml, link.yaml]")])
            defer {
                try? FileManager.default.removeItem(at: folder)
                try? FileManager.default.removeItem(at: outside)
            }
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link.yaml"),
                                                       withDestinationURL: outside.appendingPathComponent("market.yaml"))
            #expect(problems(folder) == [
                "scenario.yaml:8:11: include[0]: cannot include '../\(outside.lastPathComponent)/market.yaml': it is "
                    + "outside the scenario's folder ('..' climbs above it); name a file in the scenario's folder (or a "
                    + "folder below it) by its path relative to the scenario.",
                "scenario.yaml:8:\(28 + outside.lastPathComponent.count): include[1]: cannot include 'link.yaml': it is "
                    + "a symbolic link to a file outside the scenario's folder; copy the file into the scenario's folder "
                    + "(or a folder below it).",
            ])
        }

        @Test func aCycleOfIncludesIsRefusedNamingTheChain() throws {
            let folder = try folder(["scenario.yaml": Self.scenario,
                                     "market.yaml": "include: prices.yaml\n" + Self.market,
                                     "prices.yaml": "include: [scenario.yaml]\n"])
            defer { try? FileManager.default.removeItem(at: folder) }
            let chain = "\(folder.path)/scenario.yaml includes \(folder.path)/market.yaml, which includes "
                + "\(folder.path)/prices.yaml, which includes \(folder.path)/scenario.yaml"
            #expect(problems(folder) == [
                "prices.yaml:1:11: include[0]: cannot include 'scenario.yaml': "
                    + chain.replacingOccurrences(of: folder.path + "/", with: "")
                    + "; a file cannot include itself, directly or through other files.",
            ])
        }

        @Test func anIncludeMustNameFilesOfScenarioSections() throws {
            let folder = try folder([
                "scenario.yaml": Self.scenario.replacingOccurrences(of: "include: market.yaml",
                                                                   with: "include: [list.yaml, empty.yaml, {file: x}]"),
                "list.yaml": "- zones\n", "empty.yaml": "# nothing yet\n",
            ])
            defer { try? FileManager.default.removeItem(at: folder) }
            let sections = "a mapping of scenario sections such as zones, demand and providers."
            #expect(problems(folder) == [
                "scenario.yaml:8:11: include[0]: cannot include 'list.yaml': it holds a list, not \(sections)",
                "scenario.yaml:8:22: include[1]: cannot include 'empty.yaml': it is empty; expected \(sections)",
                "scenario.yaml:8:34: include[2]: a mapping is not allowed; expected the name of a YAML file to include, "
                    + "relative to this file's folder.",
            ])
            let mapping = try self.folder(["scenario.yaml": Self.scenario.replacingOccurrences(
                of: "include: market.yaml", with: "include: {file: market.yaml}")])
            defer { try? FileManager.default.removeItem(at: mapping) }
            #expect(problems(mapping) == [
                "scenario.yaml:8:10: include: a mapping is not allowed; expected the name of a YAML file to include, or "
                    + "a list of them, relative to this file's folder.",
            ])
        }

        @Test func aScenarioIncludesAtMostSixteenFiles() throws {
            var files = ["scenario.yaml": Self.scenario.replacingOccurrences(of: "include: market.yaml", with: "include: 1.yaml")]
            for n in 1...ScenarioLimits.includedFiles + 1 { files["\(n).yaml"] = "include: \(n + 1).yaml\n" }
            let folder = try folder(files)
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(problems(folder) == [
                "16.yaml:1:10: include: cannot include '17.yaml': a scenario may include at most 16 files in all, "
                    + "counting the files they include; put the shared sections in fewer files.",
            ])
        }

        // MARK: - What else sees the included files

        @Test func theFingerprintCoversTheIncludedFilesBytes() throws {
            let folder = try folder(["scenario.yaml": Self.scenario, "market.yaml": Self.market])
            defer { try? FileManager.default.removeItem(at: folder) }
            let first = try load(folder)
            var fingerprint = Data(Self.scenario.utf8)
            fingerprint.append(0)
            fingerprint.append(Data(Self.market.utf8))
            #expect(first.sha256 == SHA256Digest.hex(of: fingerprint))
            // The same scenario file, over a market changed only in a comment.
            try Data((Self.market + "# revised\n").utf8).write(to: folder.appendingPathComponent("market.yaml"))
            #expect(try load(folder).sha256 != first.sha256)
        }

        @Test func anExperimentReadsTheMergedScenarioAndPlacesItsProblemsInTheirFiles() throws {
            let sweep = "sweep:\n  parameters:\n    - {path: workforce.annual_turnover, values: [0.2, -0.5]}\n"
            let folder = try folder(["scenario.yaml": Self.scenario, "market.yaml": Self.market + sweep])
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("scenario.yaml").path
            let experiment = try ExperimentFile.load(path: path, overrides: ["workforce.visit_minutes=44"])
            #expect(experiment.base.scenario.workforce.visitMinutes == 44)
            #expect(experiment.sweep?.parameters.map(\.path) == ["workforce.annual_turnover"])
            do {
                _ = try experiment.sweepPlan(experiment.sweep!, run: experiment.base.scenario.run)
                Issue.record("a sweep point with a negative turnover was accepted")
            } catch {
                #expect(error.issues.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") } == [
                    "market.yaml:57:55: sweep point 2, workforce.annual_turnover = -0.5: workforce.annual_turnover: -0.5 "
                        + "is not allowed; expected a non-negative annual hazard (0.291 = 29.1% a year).",
                ])
            }
        }

        @Test func theReportListsTheIncludedFilesAssumptionsAfterTheirNames() throws {
            let folder = try folder(["scenario.yaml": Self.scenario, "market.yaml": Self.market])
            defer { try? FileManager.default.removeItem(at: folder) }
            let loaded = try load(folder)
            let study = StudyRecord(scenario: loaded.scenario, fileText: Self.scenario, includedFiles: loaded.includedFiles)
            #expect(study.includedFiles == ["\(folder.path)/market.yaml"])
            #expect(study.assumptions == [
                "\(folder.path)/market.yaml: annual_turnover: 0.25     # assumption: a calmer labour market than 2022/23",
            ])
        }
    }
}
