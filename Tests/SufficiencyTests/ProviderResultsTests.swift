import Foundation
import Testing
@testable import Sufficiency

/// Each provider's figures (providers.csv): they add up to the county's measures in every
/// window, a provider that leaves the market shows it, transfers are counted where they are
/// noted, and providers' names reach the CSV file and the report safely.
@Suite struct ProviderResultsTests {
    /// The test market with its own replications, on one thread.
    static func market(replications: Int = 3) -> Scenario {
        TestScenarios.market(replications: replications, seed: 23, threads: 1, checkInvariants: false)
    }

    /// The market in which provider 2 (Gamma) leaves at the first weekly tick and no other
    /// provider ever leaves.
    static func gammaLeaves() -> Scenario {
        var scenario = market()
        scenario.exits = ExitSettings(annualHazard: 1, referenceMargin: 0.05, sensitivity: 0, transferShare: 0.5,
                                      maximumAnnualHazard: 1e9)
        for p in scenario.providers.indices { scenario.providers[p].exitHazardFactor = p == 2 ? 1e9 : 0 }
        return scenario
    }

    /// Every replication's results cells for `scenario`, each option computed as the runner
    /// computes it.
    static func replicationCells(_ scenario: Scenario) -> (ResultLayout, [[Double]]) {
        let worker = EngineWorker(scenario)
        let layout = ResultLayout(scenario: scenario, calendar: SimulationCalendar(scenario.calendar))
        var computer = MeasureComputer(layout: layout, zoneCount: scenario.zones.count,
                                       providerCount: scenario.providers.count,
                                       groupCount: scenario.demand.clientGroups.count)
        var all: [[Double]] = []
        for r in 0..<scenario.run.replications {
            var cells = [Double](repeating: .nan, count: layout.cellCount)
            worker.drawPeople(replication: r)
            for o in scenario.options.indices {
                worker.run(option: o, replication: r)
                cells.withUnsafeMutableBufferPointer { computer.compute(option: o, from: worker.sim, into: $0) }
            }
            all.append(cells)
        }
        return (layout, all)
    }

    static func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        abs(a - b) <= relative * max(1, abs(a), abs(b))
    }

    // MARK: - Adding up

    /// In the test market, and in it with a provider leaving (so that exits add up too).
    @Test(arguments: [false, true])
    func providersAddUpToTheCountyInEveryWindowOfEveryReplication(gammaLeaves: Bool) {
        let (layout, replications) = Self.replicationCells(gammaLeaves ? Self.gammaLeaves() : Self.market())
        let providers = layout.providers
        #expect(providers.names == ["Alpha", "Beta", "Gamma", "Delta"])
        #expect(providers.windows.map { layout.windows[$0].kind } == [.financialYear, .financialYear, .horizon])
        func measure(_ name: String) -> Int { layout.measures.all.firstIndex { $0.name == name }! }
        var compared = 0
        for (r, cells) in replications.enumerated() {
            for o in layout.options.indices {
                var exitedBefore = 0.0
                for (slot, w) in providers.windows.enumerated() {
                    let days = Double(layout.windows[w].days)
                    func county(_ name: String) -> Double {
                        cells[layout.cell(option: o, window: w, zoneSlot: 0, measure: measure(name))]
                    }
                    func total(_ m: ProviderMeasure) -> Double {
                        providers.names.indices.reduce(0) { sum, p in
                            let value = cells[providers.cell(option: o, window: slot, provider: p, measure: m)]
                            return value.isNaN ? sum : sum + value
                        }
                    }
                    let at = "replication \(r), option \(o), window \(slot)"
                    let hours = total(.weeklyHours)
                    #expect(Self.close(hours * days / 7, county(MeasureName.deliveredHours)), "\(at): delivered hours")
                    #expect(Self.close(hours, total(.weeklyHoursContracted) + total(.weeklyHoursSpot)
                                           + total(.weeklyHoursLegacy)), "\(at): hours by route")
                    #expect(Self.close((total(.weeklyHoursSpot) + total(.weeklyHoursLegacy)) / hours,
                                       county(MeasureName.spotShare)), "\(at): hours off contract")
                    #expect(Self.close(total(.spend), county(MeasureName.spend)), "\(at): spend")
                    #expect(Self.close(total(.careWorkers), county(MeasureName.careWorkers)), "\(at): care workers")
                    #expect(total(.handBacks) == county(MeasureName.handBacks), "\(at): hand-backs")
                    // Margins weighted by what each provider was paid give the county's margin.
                    var weighted = 0.0
                    for p in providers.names.indices {
                        let margin = cells[providers.cell(option: o, window: slot, provider: p, measure: .margin)]
                        let spend = cells[providers.cell(option: o, window: slot, provider: p, measure: .spend)]
                        if !margin.isNaN { weighted += margin * spend }
                    }
                    #expect(Self.close(weighted / total(.spend), county(MeasureName.providerMargin), relative: 1e-7), "\(at): margin")
                    // Providers gone by the window's end, less those gone before it, left in it.
                    let exited = total(.exited)
                    let left = layout.windows[w].kind == .horizon ? exited : exited - exitedBefore
                    #expect(left == county(MeasureName.providerExits), "\(at): exits")
                    if layout.windows[w].kind == .financialYear { exitedBefore = exited }
                    #expect(total(.transfers) == 0, "\(at): nothing re-tenders contracts yet")
                    compared += 1
                }
            }
        }
        #expect(compared == 3 * 2 * 3)
    }

    @Test func contractsHeldAreTheOptionsContracts() {
        let (layout, replications) = Self.replicationCells(Self.market(replications: 1))
        let cells = replications[0]
        let providers = layout.providers
        let whole = providers.windows.count - 1
        for o in layout.options.indices {
            for p in providers.names.indices {
                let held = cells[providers.cell(option: o, window: whole, provider: p, measure: .contractHeld)]
                let exited = cells[providers.cell(option: o, window: whole, provider: p, measure: .exited)]
                // Every provider has a contract under both options: it holds one unless it left.
                #expect(held == 1 - exited, "option \(o), provider \(p)")
            }
        }
    }

    // MARK: - A provider that leaves

    @Test func aProviderThatLeavesShowsItAndDeliversNothingAfter() throws {
        let scenario = Self.gammaLeaves()
        let results = Runner(scenario: scenario).run()
        let providers = results.layout.providers
        for o in results.layout.options.indices {
            for slot in providers.windows.indices {
                let exited = results.providerSummary(option: o, window: slot, provider: 2, measure: .exited)
                #expect(exited.n == 3 && exited.mean == 1 && exited.sd == 0, "option \(o), window \(slot)")
                #expect(results.providerSummary(option: o, window: slot, provider: 2, measure: .contractHeld).mean == 0)
                for p in [0, 1, 3] {
                    #expect(results.providerSummary(option: o, window: slot, provider: p, measure: .exited).mean == 0)
                }
            }
            // It handed every package back in its first week; the second year it had none.
            #expect(results.providerSummary(option: o, window: 0, provider: 2, measure: .handBacks).mean > 0)
            for measure in [ProviderMeasure.weeklyHours, .weeklyHoursContracted, .weeklyHoursSpot, .weeklyHoursLegacy,
                            .careWorkers, .spend, .handBacks] {
                let second = results.providerSummary(option: o, window: 1, provider: 2, measure: measure)
                #expect(second.mean == 0 && second.sd == 0, "option \(o): \(measure) in the second year")
            }
            #expect(results.providerSummary(option: o, window: 1, provider: 2, measure: .margin).n == 0,
                    "no margin without payment")
            #expect(results.summary(option: o, window: results.layout.horizonWindow, measure: MeasureName.providerExits)?.mean == 1)
        }

        // Period by period in the engine: nothing delivered after the month it left.
        let worker = EngineWorker(scenario)
        worker.drawPeople(replication: 0)
        worker.run(option: 0, replication: 0)
        let bins = worker.sim.providerLedger.bins
        let periodStride = worker.sim.providerLedger.periodStride, fieldCount = worker.sim.providerLedger.fieldCount
        let row = { (period: Int, field: ProviderField) in
            bins[period * periodStride + 2 * fieldCount + field.rawValue]
        }
        #expect(row(0, .exited) == 1 && row(0, .handBacks) > 0 && row(0, .contractedArea) > 0)
        for period in 1..<worker.sim.calendar.periods.count {
            for field in [ProviderField.contractedArea, .spotArea, .legacyArea, .spendArea, .costArea, .workersArea,
                          .handBacks] {
                #expect(row(period, field) == 0, "period \(period): \(field)")
            }
            #expect(row(period, .exited) == 1 && row(period, .contractHeld) == 0)
        }
    }

    // MARK: - Transfers

    @Test func transfersAreCountedInThePeriodTheyAreNotedIn() {
        let scenario = Self.market(replications: 1)
        let worker = EngineWorker(scenario)
        let sim = worker.sim
        let layout = ResultLayout(scenario: scenario, calendar: sim.calendar)
        let periods = sim.calendar.periods.count
        sim.providerLedger.reset()
        // Three packages move from Beta in the first month, two more in the first month of the
        // second financial year.
        let secondYear = layout.windows[layout.providers.windows[1]].firstPeriod
        for period in 0..<periods {
            if period == 0 { sim.noteTransfer(provider: 1, packages: 3) }
            if period == secondYear { sim.noteTransfer(provider: 1, packages: 2) }
            sim.providerLedger.close(into: period)
        }
        #expect(sim.providerLedger.bins[sim.providerLedger.fieldCount + ProviderField.transfers.rawValue] == 3)
        var cells = [Double](repeating: .nan, count: layout.cellCount)
        cells.withUnsafeMutableBufferPointer {
            ProviderMeasureComputer(layout: layout).compute(option: 0, ledger: sim.providerLedger, into: $0)
        }
        let providers = layout.providers
        let transfers = providers.windows.indices.map {
            cells[providers.cell(option: 0, window: $0, provider: 1, measure: .transfers)]
        }
        #expect(transfers == [3, 2, 5])
        #expect(cells[providers.cell(option: 0, window: 2, provider: 0, measure: .transfers)] == 0)
        #expect(cells[providers.cell(option: 0, window: 2, provider: 1, measure: .margin)].isNaN)
    }

    // MARK: - Names in the files

    @Test func providersNamesAreNeutralisedInTheCSVAndEscapedInTheReport() throws {
        var scenario = Self.market(replications: 2)
        let names = ["=HYPERLINK(\"http://x\",\"y\")", "-Beta, Ltd", "@Gamma", "<b>Delta</b> & 'Co'"]
        for (p, name) in names.enumerated() { scenario.providers[p].name = name }
        let runner = Runner(scenario: scenario)
        let results = runner.run()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("providers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = Manifest(scenarioFile: "market.yaml", scenarioSHA256: String(repeating: "ab", count: 32),
                                seed: scenario.run.seed, replications: 2, threads: 1,
                                options: scenario.options.map(\.name), commandLine: ["sufficiency", "run", "market.yaml"],
                                startedAt: "2026-11-22T00:00:00Z", wallSeconds: 1, files: [])
        try ResultsWriter.write(results, runner: runner, to: folder, manifest: manifest)

        let text = try String(contentsOf: folder.appendingPathComponent("providers.csv"), encoding: .utf8)
        #expect(text.hasPrefix(ResultsWriter.providersHeader.joined(separator: ",") + "\n"))
        #expect(text.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",weekly_hours,"))
        #expect(text.contains(",\"'-Beta, Ltd\",weekly_hours,"))
        #expect(text.contains(",\"'@Gamma\",weekly_hours,"))
        #expect(text.contains(",<b>Delta</b> & 'Co',weekly_hours,"))
        // Read back, the names are the scenario's, and every row is as wide as the header.
        let csv = try #require(ResultsCSV(url: folder.appendingPathComponent("providers.csv")))
        let column = try #require(csv.column("provider"))
        #expect(csv.rows.allSatisfy { $0.count == csv.header.count })
        var seen: [String] = []
        for row in csv.rows where !seen.contains(row[column]) { seen.append(row[column]) }
        #expect(seen == names)
        // Options × (two financial years and the whole run) × providers × figures, less the
        // margins of windows in which a provider was paid nothing.
        #expect(csv.rows.count <= 2 * 3 * 4 * ProviderMeasure.allCases.count)
        #expect(csv.rows.count >= 2 * 3 * 4 * (ProviderMeasure.allCases.count - 1))

        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<section id=\"providers\">"))
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"))
        #expect(html.contains("&lt;b&gt;Delta&lt;/b&gt; &amp; &#39;Co&#39;"))
        #expect(!html.contains("<b>Delta</b>"))
        #expect(!html.contains("&#39;=HYPERLINK"), "the report shows the names as written")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("charts/providers-exits.svg").path))
    }
}
