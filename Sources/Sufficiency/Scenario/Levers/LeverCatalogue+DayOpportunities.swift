extension LeverCatalogue {
    /// A day opportunities scenario's levers: each option's uplift and framework rates a day,
    /// and the growth of referrals.
    static func dayOpportunitiesLevers(_ scenario: Scenario, _ tree: LeverTree) -> [Lever] {
        var levers: [Lever] = []
        for (name, option) in tree.child("options")?.elements ?? [] {
            let group = name ?? option.prefix
            levers += upliftLevers(option, group: group)
            for (level, _) in option.child("rates")?.entries ?? [] {
                guard let rates = option.child("rates") else { continue }
                levers.append(number(rates, level, label: "Rate, \(level)", unit: "£ a day at the start",
                                     rule: ScenarioLoader.dayRateRule, default: 0,
                                     help: "What the option pays a framework provider for a day at this support level.",
                                     group: group))
            }
        }
        guard let referrals = tree.child("referrals"), referrals.isMapping,
              let service = scenario.dayOpportunities else { return levers }
        levers.append(number(referrals, "growth", label: "Referral growth", unit: "fraction a year (0.03 = 3%)",
                             rule: ScenarioLoader.dayGrowthRule, default: service.annualGrowth,
                             help: "Yearly growth of the referral rate, compounding.", group: demandGroup))
        return levers
    }
}
