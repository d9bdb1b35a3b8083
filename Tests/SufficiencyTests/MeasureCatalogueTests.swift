import Foundation
import XCTest
@testable import Sufficiency

/// Every measure is declared once, in `MeasureDefinition`'s tables with its name in
/// `MeasureName`: the layouts, the docs' tables of measures and every other file read them.
final class MeasureCatalogueTests: XCTestCase {
    private static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    /// docs/OUTPUTS.md's tables of measures are the catalogue's. With SUFFICIENCY_WRITE_DOCS=1
    /// the test writes them instead.
    func testOutputsDocumentGivesTheCataloguesTables() throws {
        let url = Self.root.appendingPathComponent("docs/OUTPUTS.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        let generated = try MeasureDocument.updating(committed)
        if ProcessInfo.processInfo.environment["SUFFICIENCY_WRITE_DOCS"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        XCTAssert(committed == generated, """
            docs/OUTPUTS.md's tables of measures differ from MeasureDefinition's; write them with
            SUFFICIENCY_WRITE_DOCS=1 swift test --filter SufficiencyTests.MeasureCatalogueTests/testOutputsDocumentGivesTheCataloguesTables
            """)
        for table in MeasureDefinition.Table.allCases {
            XCTAssert(committed.contains(table.markdown), "\(table.rawValue) table not in docs/OUTPUTS.md")
        }
    }

    func testUpdatingNeedsEveryTablesMarkers() {
        XCTAssertThrowsError(try MeasureDocument.updating("# What a run writes\n")) { error in
            XCTAssert("\(error)".contains(MeasureDefinition.Table.homeCare.startMarker), "\(error)")
        }
    }

    /// No Swift file outside the catalogue spells a measure's name (a family's prefix, or one of
    /// its members) as a string literal: code and tests use `MeasureName`'s constants. The few literals that spell
    /// the same word for something else (a scenario key, another file's column) are listed.
    func testNoMeasureNameIsWrittenOutsideTheCatalogue() throws {
        var names = Set<String>(), prefixes = Set<String>()
        for table in MeasureDefinition.Table.allCases {
            for d in table.definitions {
                if d.isFamily { prefixes.insert(MeasureFamily(d.name).prefix) } else { names.insert(d.name) }
            }
        }
        // A measure, a family's prefix, or a member of a family (`spend_route_spot`).
        func isMeasure(_ literal: String) -> Bool {
            names.contains(literal) || prefixes.contains { prefix in
                literal.hasPrefix(prefix) && literal.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }
            }
        }
        // Path (from the repository's root) prefix, the literal, and what it is there.
        let elsewhere: [(path: String, literal: String, why: String)] = [
            ("Sources/Sufficiency/Scenario/", "*", "scenario keys, such as hand_backs and care_workers"),
            ("Sources/Sufficiency/Model/Coverage/SiteObjective.swift", "*", "the objective as a scenario writes it"),
            ("Sources/Sufficiency/Calibration/Calibration+FitTable.swift", "*", "a fitted component's name"),
            ("Sources/Sufficiency/Output/RankingWriter.swift", MeasureName.margin, "ranking.csv's column"),
            ("Sources/Sufficiency/Output/Report/RankingOutcome+CSV.swift", MeasureName.margin, "ranking.csv's column"),
            ("Sources/Sufficiency/Output/ResultsWriter.swift", MeasureName.capacityHours, "sites.csv's column"),
            ("Sources/sufficiency/StartingPositionText.swift", MeasureName.waiting, "a column of the starting position"),
        ]
        var found: [String] = []
        for folder in ["Sources", "Tests"] {
            let base = Self.root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in files where url.pathExtension == "swift" {
                let path = String(url.path.dropFirst(Self.root.path.count + 1))
                if path.hasPrefix("Sources/Sufficiency/Measures/Catalogue/") { continue }
                let text = try String(contentsOf: url, encoding: .utf8)
                for (line, literal) in Self.literals(in: text) where isMeasure(literal) {
                    let allowed = elsewhere.contains { path.hasPrefix($0.path) && ($0.literal == "*" || $0.literal == literal) }
                    if !allowed { found.append("\(path):\(line): \"\(literal)\"") }
                }
            }
        }
        XCTAssert(found.isEmpty, "measure names written as literals (use MeasureName):\n" + found.joined(separator: "\n"))
    }

    func testTheScanFindsLiteralsButNotCommentsOrBlocks() {
        let text = """
            let a = "spend" + "x\\"y" // "waiting"
            let b = \"\"\"
                "in_care"
                \"\"\"
            """
        XCTAssertEqual(Self.literals(in: text).map(\.literal), [MeasureName.spend, "x\\\"y"])
    }

    /// Each one-line string literal in Swift source, with its line number (literals inside
    /// multi-line `"""` blocks and after `//` are skipped).
    static func literals(in text: String) -> [(line: Int, literal: String)] {
        var out: [(line: Int, literal: String)] = []
        var inBlock = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.contains("\"\"\"") {
                if line.components(separatedBy: "\"\"\"").count % 2 == 0 { inBlock.toggle() }
                continue
            }
            if inBlock { continue }
            var literal: String? = nil, escaped = false, previous: Character = " "
            for ch in line {
                if var open = literal {
                    if escaped { open.append(ch); escaped = false }
                    else if ch == "\\" { open.append(ch); escaped = true }
                    else if ch == "\"" { out.append((number + 1, open)); literal = nil; continue }
                    else { open.append(ch) }
                    literal = open
                } else if ch == "\"" {
                    literal = ""
                } else if ch == "/" && previous == "/" {
                    break
                }
                previous = ch
            }
        }
        return out
    }

    /// `MeasureCatalog.Fixed`'s cases are the first home care definitions, in order, so the
    /// computer writes each value under its own name.
    func testFixedMeasuresAreTheFirstHomeCareDefinitions() {
        let names = MeasureDefinition.homeCare.prefix(MeasureCatalog.Fixed.allCases.count).map(\.name)
        XCTAssertEqual(MeasureCatalog.Fixed.allCases.map { String(describing: $0) }, names.map(Self.camelCase))
        XCTAssertEqual(ProviderMeasure.allCases.map(\.name), MeasureDefinition.providers.map(\.name))
        XCTAssertEqual(ProviderMeasure.allCases.map { String(describing: $0) }, ProviderLayout.measures.map { Self.camelCase($0.name) })
        XCTAssertEqual(MeasureCatalog.CoverageMeasure.allCases.count, MeasureDefinition.coverage.count)
    }

    private static func camelCase(_ name: String) -> String {
        let words = name.split(separator: "_")
        return String(words[0]) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A run's measures are the catalogue's: the names, units and preferences in every file come
    /// from the definitions, families filled in for the scenario's groups and routes.
    func testHomeCareLayoutReadsTheCatalogue() {
        let catalog = MeasureCatalog(clientGroups: ["Older people", "Learning disability"], routes: [.framework, .spot],
                                     minimumPrice: true, coverage: true)
        let names = catalog.all.map(\.name)
        XCTAssertEqual(names[catalog.groupSpendStart], MeasureName.spendGroup("older_people"))
        XCTAssertEqual(names[catalog.routeSpendStart + 1], MeasureName.spendRoute("spot"))
        XCTAssertEqual(names[catalog.routeSpendStart + 2], MeasureName.spendRouteGroup("framework", "older_people"))
        XCTAssertEqual(names[catalog.minimumPriceGap!], MeasureName.minimumPriceGap)
        XCTAssertEqual(Array(names[catalog.coverageStart!...]), MeasureDefinition.coverage.map(\.name))
        XCTAssertEqual(Set(names).count, names.count, "a measure twice")
        for measure in catalog.all {
            let source = [MeasureDefinition.homeCare, MeasureDefinition.coverage].joined()
            let definition = Array(source).definition(of: measure.name)
            XCTAssertEqual(definition?.unit, measure.unit, measure.name)
            XCTAssertEqual(definition?.better, measure.better, measure.name)
        }
        XCTAssertEqual(MeasureName.spendRouteGroup.prefix, "spend_route_")
    }

    /// Each table names a measure once.
    func testEachTableDefinesAMeasureOnce() {
        for table in MeasureDefinition.Table.allCases {
            let names = table.definitions.map(\.name)
            XCTAssertEqual(Set(names).count, names.count, "\(table.rawValue) defines a measure twice")
        }
        XCTAssertEqual(MeasureName.inWords(MeasureName.unmetHours), "unmet hours")
    }

    /// The headline table's rows and the report's glossary name measures the catalogue defines
    /// for the service they are shown for.
    func testHeadlineRowsAndGlossaryNameCatalogueMeasures() {
        let homeCare = Array([MeasureDefinition.homeCare, MeasureDefinition.coverage].joined())
        for row in HeadlineTable.homeCare {
            XCTAssertNotNil(homeCare.definition(of: row.measure), row.measure)
        }
        for row in HeadlineTable.dayOpportunities {
            XCTAssertNotNil(MeasureDefinition.dayOpportunities.definition(of: row.measure), row.measure)
        }
        let every = MeasureDefinition.Table.allCases.flatMap(\.definitions)
        for entry in ReportGlossary.entries {
            let measure = entry.measure.hasSuffix("_") ? entry.measure + "x" : entry.measure
            XCTAssertNotNil(every.definition(of: measure), entry.measure)
        }
    }

    /// A measure's display name is the catalogue's, the same in every service's table, and the
    /// report's glossary and the headline table show it.
    func testGlossaryAndHeadlineShowTheCataloguesLabels() {
        var labels: [String: Set<String>] = [:]
        for definition in MeasureDefinition.Table.allCases.flatMap(\.definitions) {
            if let label = definition.label { labels[definition.name, default: []].insert(label) }
        }
        for (name, set) in labels { XCTAssertEqual(set.count, 1, "\(name) has labels \(set.sorted())") }
        for entry in ReportGlossary.entries {
            XCTAssertEqual(entry.name, MeasureDefinition.label(of: entry.measure), entry.measure)
        }
        XCTAssertEqual(ReportGlossary.name(MeasureName.spendRoute("framework")), "Spend by route")
        XCTAssertEqual(ReportGlossary.name(MeasureName.unmetHours), "Unmet need")
        XCTAssertEqual(MeasureDefinition.label(of: MeasureName.referrals), nil)
        let homeCare = Dictionary(uniqueKeysWithValues: HeadlineTable.homeCare.map { ($0.measure, $0.label) })
        let day = Dictionary(uniqueKeysWithValues: HeadlineTable.dayOpportunities.map { ($0.measure, $0.label) })
        XCTAssertEqual(homeCare[MeasureName.spend], "Spend, whole run (GBP m)")
        XCTAssertEqual(homeCare[MeasureName.spotShare], "Spot share of hours (%)")
        XCTAssertEqual(day[MeasureName.spotShare], "Spot share of placements (%)")
        XCTAssertEqual(homeCare[MeasureName.unmetHours], "Unmet hours a week")
        for row in HeadlineTable.homeCare + HeadlineTable.dayOpportunities where row.measure != MeasureName.unmetHours {
            let label = MeasureDefinition.label(of: row.measure)
            XCTAssert(label.map(row.label.hasPrefix) == true, "\(row.label) does not start with \(label ?? "a label")")
        }
    }

    /// Each engine declares its measures, and the measures its results single out are among
    /// them, so the layout made for its service keeps every one.
    func testEachEngineHighlightsMeasuresOfItsOwnService() {
        func check<Engine: ReplicationEngine>(_: Engine.Type, _ scenario: Scenario, tables: [MeasureDefinition.Table]) {
            let definitions = tables.flatMap(\.definitions)
            let highlights = Engine.highlights
            for name in highlights.headline.map(\.measure) + highlights.paired + highlights.fan + highlights.sweep {
                XCTAssertNotNil(definitions.definition(of: name), "\(Engine.self): \(name)")
            }
            let layout = ResultLayout(scenario: scenario, calendar: SimulationCalendar(scenario.calendar))
            XCTAssertEqual(layout.measures.all, Engine.measures(for: scenario).all)
            XCTAssertEqual(layout.fanMeasures.map { layout.measures.all[$0].name }, highlights.fan)
            XCTAssertEqual(layout.hasProviders, Engine.providerNames(for: scenario) != nil)
        }
        check(HomeCareSimulation.self, TestScenarios.market(replications: 1, checkInvariants: false),
              tables: [.homeCare, .coverage])
        check(DayOpportunitiesSimulation.self, DayOpportunitiesTests.scenario(replications: 1), tables: [.dayOpportunities])
        XCTAssertEqual(HomeCareSimulation.highlights.paired, [MeasureName.unmetHours, MeasureName.spend])
        XCTAssertEqual(DayOpportunitiesSimulation.highlights.paired, [MeasureName.spend])
    }

    /// The bins the engine fills are laid out as the measure computer reads them: the zones'
    /// fields, delivered hours by provider and zone, then spend by route and client group.
    func testEngineKeepsItsBinsInTheSharedLayout() {
        let scenario = TestScenarios.market(replications: 1, checkInvariants: false)
        let calendar = SimulationCalendar(scenario.calendar)
        let plans = scenario.options.map { OptionPlan(option: $0, scenario: scenario) }
        let sim = HomeCareSimulation(scenario: scenario, calendar: calendar, plans: plans)
        let zones = scenario.zones.count, providers = scenario.providers.count
        let groups = scenario.demand.clientGroups.count
        XCTAssertEqual(sim.binLayout, HomeCareBinLayout(zones: zones, providers: providers, groups: groups))
        XCTAssertEqual(sim.bins.count, calendar.periods.count * sim.binLayout.stride)
        XCTAssertEqual(sim.binLayout.deliveredOffset, zones * PeriodField.allCases.count)
        XCTAssertEqual(sim.binLayout.spendOffset - sim.binLayout.deliveredOffset, providers * zones)
        XCTAssertEqual(sim.binLayout.stride - sim.binLayout.spendOffset, Route.allCases.count * groups)
    }
}
