extension ScenarioLoader {
    static let workforceKeys = ["dynamic", "contracted_hours_per_week", "visit_minutes", "non_contact_share",
                                "annual_turnover", "turnover_pay_elasticity", "competing_wage_premium",
                                "recruitment_pay_elasticity", "staffing_buffer", "overcommit_share",
                                "pay_pass_through", "surplus_release_per_week", "reach", "labour_pool_growth"]
    /// `workforce.annual_turnover`: a non-negative hazard a year, warned about above 1.
    static let annualTurnoverRule = NumberRule.nonNegative("annual hazard (0.291 = 29.1% a year)")
        .warningAboveOne("an annual turnover")
    /// The workforce's pay elasticities: 0 to 100.
    static let elasticityRule = NumberRule.nonNegative("elasticity", atMost: 100)
    /// `workforce.pay_pass_through`: a share from 0 to 1.
    static let payPassThroughRule = NumberRule.unitInterval("pass-through share")
    /// `workforce.labour_pool_growth`: −0.5 to 0.5 a year.
    static let labourPoolGrowthRule = NumberRule("a yearly growth between -0.5 and 0.5 (0.02 = 2% a year)",
                                                 minimum: -0.5, maximum: 0.5)

    /// `workforce`: county-wide employment, turnover and recruitment settings.
    static func decodeWorkforce(_ reader: NodeReader) -> WorkforceSettings {
        let d = WorkforceSettings()
        guard let w = reader.mapping(keys: workforceKeys) else { return d }
        let elasticity = elasticityRule
        return WorkforceSettings(
            dynamic: w.optional("dynamic")?.bool() ?? d.dynamic,
            contractedHoursPerWeek: w.optional("contracted_hours_per_week")?
                .number(.positive("number of hours a week")) ?? d.contractedHoursPerWeek,
            visitMinutes: w.optional("visit_minutes")?.number(.positive("number of minutes")) ?? d.visitMinutes,
            nonContactShare: w.optional("non_contact_share")?.number(.unitInterval("share of paid time"))
                ?? d.nonContactShare,
            annualTurnover: w.optional("annual_turnover")?.number(annualTurnoverRule)
                ?? d.annualTurnover,
            turnoverPayElasticity: w.optional("turnover_pay_elasticity")?.number(elasticity) ?? d.turnoverPayElasticity,
            competingWagePremium: w.optional("competing_wage_premium")?
                .number(.positive("multiple of the National Living Wage")) ?? d.competingWagePremium,
            recruitmentPayElasticity: w.optional("recruitment_pay_elasticity")?.number(elasticity)
                ?? d.recruitmentPayElasticity,
            staffingBuffer: w.optional("staffing_buffer")?
                .number(.nonNegative("share of capacity (0.05 = 5%)").warningAboveOne("a staffing buffer"))
                ?? d.staffingBuffer,
            overcommitShare: w.optional("overcommit_share")?
                .number(.nonNegative("share of capacity (0.05 = 5%)").warningAboveOne("an overcommitment"))
                ?? d.overcommitShare,
            payPassThrough: w.optional("pay_pass_through")?.number(payPassThroughRule)
                ?? d.payPassThrough,
            surplusReleasePerWeek: w.optional("surplus_release_per_week")?
                .number(.unitInterval("share of surplus workers a week")) ?? d.surplusReleasePerWeek,
            reach: w.optional("reach")?.number(.unitInterval("share of the zone's job seekers")) ?? d.reach,
            labourPoolGrowth: w.optional("labour_pool_growth")?
                .number(labourPoolGrowthRule)
                ?? d.labourPoolGrowth)
    }
}
