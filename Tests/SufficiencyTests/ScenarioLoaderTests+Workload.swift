import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// What `validate` accepts runs in bounded time and memory: rates that would make endless
    /// events, and layouts that would not fit in memory, are refused at their key with the limit.
    @Suite struct Workload {
        private func problems(replacing old: String, with new: String, overrides: [String] = []) -> [String] {
            ScenarioLoaderTests.problems(ScenarioFixture.replacing(old, with: new), overrides: overrides)
        }

        @Test func aHandBackHazardAboveOneADayIsRefused() {
            #expect(problems(replacing: "options:\n", with: "hand_backs: {background_annual_hazard: 1000000}\noptions:\n")
                == ["scenarios/test.yaml:59:40: hand_backs.background_annual_hazard: 1000000 is not allowed; expected "
                    + "a non-negative annual hazard (0.05 = 5% a year), at most 365."])
            #expect(problems(replacing: "options:\n", with: "hand_backs: {loss_annual_hazard: 366}\noptions:\n")
                == ["scenarios/test.yaml:59:34: hand_backs.loss_annual_hazard: 366 is not allowed; expected "
                    + "a non-negative annual hazard (0.5 = 50% a year), at most 365."])
        }

        @Test func aReviewIntervalBelowADayIsRefused() {
            #expect(problems(replacing: "  growth: 0.03\n", with: "  growth: 0.03\n  review: {interval_days: 0.001}\n")
                == ["scenarios/test.yaml:28:27: demand.review.interval_days: 0.001 is not allowed; expected a number "
                    + "of days of at least 1, or 0 for no reviews."])
            // No reviews at all is still allowed.
            #expect(throws: Never.self) {
                try ScenarioLoaderTests.load(ScenarioFixture.replacing("  growth: 0.03\n",
                                                                       with: "  growth: 0.03\n  review: {interval_days: 0}\n"))
            }
        }

        @Test func eventsBeyondABillionAReplicationAreRefusedAtTheDemand() {
            // Daily reviews of everyone referred at 1,000 a week for 100 years: 6 million people,
            // within what a replication may hold, but 10¹¹ reviews.
            let found = problems(replacing: "  referrals_per_week: 40\n", with: "  referrals_per_week: 1000\n  review: {interval_days: 1}\n",
                                 overrides: ["calendar.years=100", "calendar.period=quarter", "demand.growth=0"])
            #expect(found.count == 1, "\(found)")
            #expect(found.first?.hasPrefix("scenarios/test.yaml:26:3: --set demand.growth=0: demand: one replication could handle up to ") == true, "\(found)")
            #expect(found.first?.contains("(up to 6261387 people over 36524 days, with reviews every day and 0.05 hand-backs a package-year); at most 1000000000 can be run in bounded time") == true, "\(found)")
        }

        @Test func tooManyZonesAreRefusedBeforeAnythingIsBuilt() {
            let extra = (0..<40_001).map { "  - {name: z\($0), referral_share: 0, labour_pool_per_week: 0}\n" }.joined()
            let found = problems(replacing: "zones:\n", with: "zones:\n" + extra)
            #expect(found == ["scenarios/test.yaml:12:3: zones: there are 40004 zones; a scenario can have at most "
                              + "40000 (every zone has a row of results for every period, measure and option), so "
                              + "merge small areas into larger ones."])
        }

        @Test func aResultsLayoutBeyondMemoryIsRefusedAtTheZones() {
            // 6,000 zones × 100 years of weeks.
            let extra = (0..<5_997).map { "  - {name: z\($0), referral_share: 0, labour_pool_per_week: 0}\n" }.joined()
            let found = problems(replacing: "zones:\n", with: "zones:\n" + extra, overrides: ["calendar.years=100"])
            #expect(found.contains { $0.hasPrefix("scenarios/test.yaml:12:3: zones: one replication's results would be ")
                && $0.contains("at most 25000000 fit in memory") })
            #expect(found.count == 2, "\(found)")
            #expect(found.contains { $0.hasPrefix("scenarios/test.yaml:6042:3: providers: the engine would keep ")
                && $0.contains("2 providers × 6000 zones over 5218 reporting periods; at most 50000000") }, "\(found)")
        }
    }
}
