extension ScenarioLoader {
    static let entryKeys = ["annual_rate", "reference_margin", "margin_sensitivity", "unmet_sensitivity",
                            "maximum_annual_rate", "slots_per_zone", "care_workers", "recruitment_per_week",
                            "pay_premium", "quality", "reach"]

    /// `entry`: new providers entering the market; every key is optional.
    static func decodeEntry(_ reader: NodeReader) -> EntrySettings? {
        guard let e = reader.mapping(keys: entryKeys) else { return nil }
        let d = EntrySettings()
        let rate = NumberRule.nonNegative("number of entrants a year per zone")
        let margin = e.optional("reference_margin")?
            .number(NumberRule("a margin less than 1 (a share of the rate; 0.05 = 5%)") { $0 < 1 })
        return EntrySettings(
            annualRate: e.optional("annual_rate")?.number(rate) ?? d.annualRate,
            referenceMargin: margin ?? d.referenceMargin,
            marginSensitivity: e.optional("margin_sensitivity")?.number(.nonNegative("number (per unit of margin)"))
                ?? d.marginSensitivity,
            unmetSensitivity: e.optional("unmet_sensitivity")?.number(.nonNegative("number (per unit of share)"))
                ?? d.unmetSensitivity,
            maximumAnnualRate: e.optional("maximum_annual_rate")?.number(rate) ?? d.maximumAnnualRate,
            slotsPerZone: e.optional("slots_per_zone")?.wholeNumber(.nonNegative("whole number of entrants", atMost: 50))
                ?? d.slotsPerZone,
            careWorkers: e.optional("care_workers")?
                .wholeNumber(.nonNegative("whole number of care workers", atMost: ScenarioLimits.workers)) ?? d.careWorkers,
            recruitmentPerWeek: e.optional("recruitment_per_week")?
                .number(.nonNegative("number of care workers a week", atMost: ScenarioLimits.peoplePerWeek))
                ?? d.recruitmentPerWeek,
            payPremium: e.optional("pay_premium")?.number(.positive("multiple of the National Living Wage")) ?? d.payPremium,
            quality: e.optional("quality")?.number(.unitInterval("quality score from 0 to 1")) ?? d.quality,
            reach: e.optional("reach")?.number(.unitInterval("share of the zone's job seekers")) ?? d.reach)
    }
}
