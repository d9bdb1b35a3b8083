import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// The contract inputs (terms, tenders, vehicles, spot access, guarantees, entry, the private
    /// market) are checked like every other: each mistake named with its file, line and key, all
    /// at once, and nothing run.
    @Suite struct Contracts {
        private func problems(_ overrides: [String]) -> [String] {
            ScenarioLoaderTests.problems(ContractScenario.yaml, overrides: overrides)
        }

        @Test func theTwoOptionCountyLoads() throws {
            let scenario = try ScenarioLoaderTests.load(ContractScenario.yaml)
            #expect(scenario.options[1].term == ContractTerm(initialYears: 1, extensionYears: 1))
            #expect(scenario.options[0].spotAccess == .contractHolders)
            #expect(scenario.providers[0].reach == 0.4)
            #expect(scenario.workforce.surplusReleasePerWeek == 0.05)
            #expect(scenario.exits.utilisationSensitivity == 6)
        }

        @Test func everyBadContractInputIsReportedAtOnce() {
            let found = problems([
                "options[framework].term={initial_years: 1, extend: sometimes}",
                "options[strategic].term={initial_years: 6, extend: on_performance, max_unmet_share: 1.5}",
                "options[strategic].tender={tupe_share: 1.2, outgoing_packages: sold, target_margin: 1}",
                "options[strategic].spot_access=nobody",
                "options[strategic].contracts[0].guaranteed_hours=-5",
                "providers[1].quality=2",
                "providers[1].reach=-0.1",
                "entry={annual_rate: -1, slots_per_zone: 2.5}",
                "private_market={need_share: 1}",
                "exits.reference_utilisation=1.2",
            ])
            let expected = [
                "extend", "max_unmet_share", "max_hand_back_rate", "tupe_share", "outgoing_packages", "target_margin",
                "spot_access", "guaranteed_hours", "quality", "reach", "annual_rate", "slots_per_zone", "need_share",
                "reference_utilisation",
            ]
            for key in expected {
                #expect(found.contains { $0.contains(key) }, "no problem names \(key): \(found)")
            }
            #expect(found.count == expected.count, "\(found)")
        }

        @Test func anOpenFrameworkNeedsReopeningDatesInsideTheRunAndAtMostEightYears() {
            let open = problems(["options[framework].vehicle=open"])
            #expect(open.count == 1)
            #expect(open.first?.contains("an open framework needs the dates it reopens") == true)
            let outside = problems(["options[framework].vehicle=open", "options[framework].reopens=[2023-01-01, 2025-04-01]"])
            #expect(outside.count == 1)
            #expect(outside.first?.contains("reopening date 2023-01-01 is not after the run's start") == true)
            let long = problems(["options[framework].vehicle=open", "options[framework].reopens=[2025-04-01]",
                                 "options[framework].term={initial_years: 6, extension_years: 4}"])
            #expect(long.count == 1)
            #expect(long.first?.contains("8 years at most in all") == true)
            let closed = problems(["options[framework].reopens=[2025-04-01]"])
            #expect(closed.first?.contains("only an open framework (vehicle: open) reopens on dates") == true)
            let noFramework = problems(["options[strategic].vehicle=dynamic"])
            #expect(noFramework.first?.contains("admits providers to framework or DPS contracts, and this option has none")
                == true)
        }

        @Test func problemsNameTheFileLineAndKey() {
            let found = problems(["options[strategic].spot_access=nobody"])
            #expect(found.count == 1)
            #expect(found.first?.hasPrefix("--set options[strategic].spot_access=nobody") == true
                || found.first?.hasPrefix("scenarios/test.yaml:") == true, "\(found)")
            #expect(found.first?.contains("one of: all, contract_holders, zone_contract_holders, none") == true)
        }
    }
}
