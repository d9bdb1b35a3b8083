import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// Zones may give their own referral rates instead of shares of a county rate.
    @Suite struct ZoneRates {
        static let byRate = ScenarioFixture.yaml
            .replacingOccurrences(of: "referral_share: 0.25\n    rurality: rural", with: "referrals_per_week: 10\n    rurality: rural")
            .replacingOccurrences(of: "referral_share: 0.5", with: "referrals_per_week: 22")
            .replacingOccurrences(of: "referral_share: 0.25\n    rurality: urban", with: "referrals_per_week: 8\n    rurality: urban")
            .replacingOccurrences(of: "  referrals_per_week: 40\n", with: "")

        @Test func zoneRatesBecomeSharesOfTheirTotal() throws {
            #expect(!Self.byRate.contains("referral_share"), "the fixture should be given by rates throughout")
            let scenario = try ScenarioLoaderTests.load(Self.byRate)
            #expect(scenario.demand.referralsPerWeek == 40)
            #expect(scenario.zones.map(\.referralShare) == [0.25, 0.55, 0.2])
        }

        @Test func mixingSharesAndRatesIsRefused() {
            let yaml = ScenarioFixture.yaml.replacingOccurrences(of: "referral_share: 0.5", with: "referrals_per_week: 22")
            let problems = ScenarioLoaderTests.problems(yaml)
            #expect(problems.count == 1)
            #expect(problems.first?.hasPrefix("scenarios/test.yaml:") == true)
            #expect(problems.first?.contains("zones: some zones give referral_share and others referrals_per_week") == true)
        }

        @Test func aCountyRateBesideZoneRatesIsRefused() {
            let yaml = Self.byRate.replacingOccurrences(of: "  growth: 0.03", with: "  referrals_per_week: 40\n  growth: 0.03")
            let problems = ScenarioLoaderTests.problems(yaml)
            #expect(problems.count == 1)
            #expect(problems.first?.contains("demand.referrals_per_week: the zones already give their own "
                                             + "referrals_per_week (adding up to 40)") == true)
        }

        @Test func aZoneGivingBothIsRefused() {
            let yaml = ScenarioFixture.yaml.replacingOccurrences(
                of: "referral_share: 0.5", with: "referral_share: 0.5\n    referrals_per_week: 22")
            let problems = ScenarioLoaderTests.problems(yaml)
            #expect(problems.contains { $0.contains("zones[1]: give either referral_share or referrals_per_week, not both.") })
        }
    }
}
