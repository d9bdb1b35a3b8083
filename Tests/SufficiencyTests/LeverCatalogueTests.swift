import Foundation
import Testing
@testable import Sufficiency

/// The levers a form offers for a scenario: each is a `--set` that, at the value shown, leaves
/// the scenario as it is, and whose limits are the loader's own.
@Suite struct LeverCatalogueTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")
    /// Every bundled scenario (the market files they include are not scenarios on their own).
    static let bundled: [String] = (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path))?
        .filter { $0.hasSuffix(".yaml") }.sorted() ?? []
    static func path(_ file: String) -> String { scenarios.appendingPathComponent(file).path }

    /// Wiltshire home care with a provider exit and a demand shock whose zones need quoting.
    static func wiltshireWithEvents() throws -> (LoadedScenario, [Lever]) {
        let yaml = try String(contentsOfFile: path("wiltshire-home-care.yaml"), encoding: .utf8) + """

        events:
          - {date: 2025-04-01, kind: provider_exit, provider: HTLAH West, options: [option 2]}
          - {date: 2025-10-01, kind: demand_shock, referrals_factor: 1.3, zones: ["Chippenham, Corsham & Calne", Wilton]}

        """
        let loaded = try ScenarioLoader.load(yaml: yaml, fileName: "wiltshire-events.yaml", baseDirectory: scenarios)
        return (loaded, LeverCatalogue.levers(for: loaded, yaml: yaml, baseDirectory: scenarios))
    }


    @Test func everyBundledScenarioIsCovered() {
        #expect(Self.bundled.count >= 10)
    }

    /// Setting every lever to the value shown loads the same scenario.
    @Test(arguments: bundled) func shownValuesLoadTheSameScenario(file: String) throws {
        let original = try ScenarioLoader.load(path: Self.path(file)).scenario
        let levers = try LeverCatalogue.levers(path: Self.path(file))
        #expect(levers.contains { $0.setPath == "run.replications" })
        #expect(levers.contains { $0.setPath == "run.seed" })
        #expect(levers.contains { $0.label == "Referral growth" })
        #expect(levers.contains { $0.label == "Uplift rule" })
        let overrides = levers.map { "\($0.setPath)=\($0.value)" }
        let all = try? ScenarioLoader.load(path: Self.path(file), overrides: overrides).scenario
        guard all != original else { return }
        for lever in levers {
            let text = "\(lever.setPath)=\(lever.value)"
            let scenario = try ScenarioLoader.load(path: Self.path(file), overrides: [text]).scenario
            #expect(scenario == original, "--set \(text) changed \(file)")
        }
    }

    @Test func shownValuesOfEventsLoadTheSameScenario() throws {
        let (loaded, levers) = try Self.wiltshireWithEvents()
        let yaml = try String(contentsOfFile: Self.path("wiltshire-home-care.yaml"), encoding: .utf8)
        let overrides = levers.map { "\($0.setPath)=\($0.value)" }
        #expect(levers.contains { $0.setPath == "events[0].date" && $0.kind == .date && $0.value == "2025-04-01" })
        #expect(levers.contains { $0.setPath == "events[0].provider" && $0.value == "HTLAH West" })
        // The events written back as one YAML value, quoted where they must be.
        let events = try #require(levers.first { $0.setPath == "events" })
        #expect(events.value.contains("\"Chippenham, Corsham & Calne\""))
        // Applied to the file without events, the lever's value gives the same events.
        let rebuilt = try ScenarioLoader.load(yaml: yaml, fileName: "wiltshire-events.yaml",
                                              baseDirectory: Self.scenarios, overrides: overrides)
        #expect(rebuilt.scenario == loaded.scenario)
    }

    /// The levers users argue about, at the key paths `--set` takes.
    @Test func wiltshireHomeCareHasTheContestedLevers() throws {
        let levers = try LeverCatalogue.levers(path: Self.path("wiltshire-home-care.yaml"))
        let byPath = Dictionary(levers.map { ($0.setPath, $0) }, uniquingKeysWith: { first, _ in first })
        let rate = try #require(byPath["options[option 2].uplift.table.framework.2025"])
        #expect(rate.value == "0.0537")
        #expect(rate.kind == .number)
        #expect(rate.group == "option 2")
        #expect(rate.minimum == nil)   // above -1: no smallest value
        #expect(byPath["options[option 2].uplift"]?.kind == .text)
        #expect(byPath["options[option 1].uplift.staff_weight"]?.value == "0.7")
        #expect(byPath["options[option 1].uplift.staff_weight"]?.maximum == "1")
        let turnover = try #require(byPath["workforce.annual_turnover"])
        #expect(turnover.value == "0.291")
        #expect(turnover.minimum == "0")
        #expect(byPath["demand.growth"]?.value == "0.03")
        #expect(byPath["demand.growth"]?.maximum == "1")
        #expect(byPath["providers[HTLAH West].recruitment_per_week"]?.value == "1.5")
        #expect(byPath["providers[HTLAH West].recruitment_per_week"]?.maximum == "100000")
        #expect(byPath["run.replications"]?.value == "400")
        #expect(byPath["run.replications"]?.minimum == "1")
        #expect(byPath["run.replications"]?.maximum == "1000000")
        #expect(byPath["run.seed"]?.value == "20230401")
        #expect(byPath["run.seed"]?.maximum == "18446744073709551615")
        #expect(byPath["events"]?.value == "[]")
    }

    /// A key the file leaves out is shown at its default, and setting it adds the key.
    @Test func leftOutKeysShowTheirDefaults() throws {
        let levers = try LeverCatalogue.levers(path: Self.path("quickstart.yaml"))
        let passThrough = try #require(levers.first { $0.setPath == "workforce.pay_pass_through" })
        #expect(passThrough.value == "0")
        let original = try ScenarioLoader.load(path: Self.path("quickstart.yaml")).scenario
        let changed = try ScenarioLoader.load(path: Self.path("quickstart.yaml"),
                                              overrides: ["workforce.pay_pass_through=0.5"]).scenario
        #expect(changed.workforce.payPassThrough == 0.5)
        #expect(changed != original)
    }

    @Test func dayOpportunitiesLeversAreTheirOwn() throws {
        let levers = try LeverCatalogue.levers(path: Self.path("kent-day-opportunities-dps.yaml"))
        let paths = Set(levers.map(\.setPath))
        #expect(paths.contains("referrals.growth"))
        #expect(!paths.contains("workforce.annual_turnover"))
        #expect(levers.contains { $0.setPath.hasPrefix("options[") && $0.setPath.contains(".rates.") })
    }

    // MARK: - Limits

    /// The value just beyond a limit: the next whole number for whole numbers, the next day for
    /// dates, a little more (or less) for numbers.
    static func beyond(_ limit: String, _ kind: Lever.Kind, above: Bool) -> String {
        switch kind {
        case .integer:
            if above, let value = UInt64(limit), value == UInt64.max { return "18446744073709551616" }
            return String(Int(limit)! + (above ? 1 : -1))
        case .date:
            let date = ISODate.parse(limit)!
            return CSVFormat.date(ISODate.adding(days: above ? 1 : -1, to: date))
        default:
            let value = Double(limit)!
            let step = max(abs(value) * 1e-9, 1e-6)
            return String(above ? value + step : value - step)
        }
    }

    /// Each lever's minimum and maximum are accepted; a value just beyond either is refused
    /// with a problem at the lever's key, as `run` and `validate` refuse it (exit status 2).
    static func checkLimits(_ levers: [Lever], load: ([String]) throws -> LoadedScenario) {
        for lever in levers {
            for (limit, above) in [(lever.minimum, false), (lever.maximum, true)] {
                guard let limit else { continue }
                #expect(throws: Never.self, "\(lever.setPath)=\(limit) is refused") {
                    _ = try load(["\(lever.setPath)=\(limit)"])
                }
                let outside = beyond(limit, lever.kind, above: above)
                do {
                    _ = try load(["\(lever.setPath)=\(outside)"])
                    Issue.record("\(lever.setPath)=\(outside) is accepted")
                } catch let error as ScenarioError {
                    let key = lever.setPath.split(separator: ".").last.map(String.init) ?? lever.setPath
                    #expect(error.issues.contains { $0.keyPath.hasSuffix(key) && $0.origin?.hasPrefix("--set") == true },
                            "\(lever.setPath)=\(outside): \(error)")
                } catch {
                    Issue.record("\(lever.setPath)=\(outside): \(error)")
                }
            }
        }
    }

    @Test(arguments: bundled) func limitsAreTheLoaders(file: String) throws {
        let levers = try LeverCatalogue.levers(path: Self.path(file))
        #expect(levers.contains { $0.minimum != nil || $0.maximum != nil })
        Self.checkLimits(levers) { try ScenarioLoader.load(path: Self.path(file), overrides: $0) }
    }

    @Test func eventDatesAreLimitedToTheRun() throws {
        let (_, levers) = try Self.wiltshireWithEvents()
        let date = try #require(levers.first { $0.setPath == "events[0].date" })
        #expect(date.minimum == "2023-04-01")
        #expect(date.maximum == "2028-03-31")
        let yaml = try String(contentsOfFile: Self.path("wiltshire-home-care.yaml"), encoding: .utf8)
        let events = try #require(levers.first { $0.setPath == "events" })
        Self.checkLimits([date]) {
            try ScenarioLoader.load(yaml: yaml, fileName: "wiltshire-events.yaml", baseDirectory: Self.scenarios,
                                    overrides: ["events=\(events.value)"] + $0)
        }
    }

    // MARK: - Command line

    /// The words a POSIX shell makes of `command`.
    static func shellWords(_ command: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '%s\\0' " + command]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    @Test func commandLineSurvivesTheShell() throws {
        let overrides: [(path: String, value: String)] = [
            ("options[option 2].uplift.table.framework.2025", "0.06"),
            ("options[it's \"flat\"].uplift.rate", "0.03"),
            ("description", "costs $HOME `date` \\ * ; | & > it's"),
            ("run.replications", "20"),
        ]
        let command = CommandLineText.command(scenarioPath: "my scenarios/wiltshire's.yaml", overrides: overrides)
        #expect(command.hasPrefix("sufficiency run 'my scenarios/wiltshire'\\''s.yaml' --set "))
        #expect(command.hasSuffix(" --set run.replications=20"))
        let words = try Self.shellWords(command)
        #expect(words == ["sufficiency", "run", "my scenarios/wiltshire's.yaml"]
                + overrides.flatMap { ["--set", "\($0.path)=\($0.value)"] })
        let sweep = CommandLineText.command(scenarioPath: "scenarios/quickstart.yaml", overrides: [], subcommand: "sweep")
        #expect(sweep == "sufficiency sweep scenarios/quickstart.yaml")
    }

    /// A lever's `--set` written by the command line reaches the scenario.
    @Test func commandLineOverridesLoad() throws {
        let levers = try LeverCatalogue.levers(path: Self.path("wiltshire-home-care.yaml"))
        let rate = try #require(levers.first { $0.setPath.hasSuffix("uplift.table.framework.2025") })
        let command = CommandLineText.command(scenarioPath: Self.path("wiltshire-home-care.yaml"),
                                              overrides: [(rate.setPath, "0.06")])
        let words = try Self.shellWords(command)
        let sets = stride(from: 4, to: words.count, by: 2).map { words[$0] }
        let loaded = try ScenarioLoader.load(path: words[2], overrides: sets)
        let option = try #require(loaded.scenario.options.first { $0.name == "option 2" })
        guard case .table(let table, _) = option.uplift else { Issue.record("not a table"); return }
        #expect(table[.framework]?[2025] == 0.06)
    }
}
