extension ScenarioLoader {
    static let handBackKeys = ["tolerance", "grace_days", "policy", "background_annual_hazard",
                               "uncovered_share", "loss_annual_hazard", "loss_margin"]

    /// `hand_backs`: when providers over capacity give packages back, and which.
    static func decodeHandBacks(_ reader: NodeReader) -> HandBackSettings {
        let d = HandBackSettings()
        guard let h = reader.mapping(keys: handBackKeys) else { return d }
        return HandBackSettings(
            tolerance: h.optional("tolerance")?.number(.nonNegative("share of capacity (0.05 = 5%)")) ?? d.tolerance,
            graceDays: h.optional("grace_days")?.number(.nonNegative("number of days")) ?? d.graceDays,
            policy: h.optional("policy")?.choice(HandBackSettings.Policy.self) ?? d.policy,
            backgroundAnnualHazard: h.optional("background_annual_hazard")?
                .number(.nonNegative("annual hazard (0.05 = 5% a year)", atMost: ScenarioLimits.annualHandBackHazard))
                ?? d.backgroundAnnualHazard,
            uncoveredShare: h.optional("uncovered_share")?
                .number(.unitInterval("share of the uncovered hours (0.5 = half)")) ?? d.uncoveredShare,
            lossAnnualHazard: h.optional("loss_annual_hazard")?
                .number(.nonNegative("annual hazard (0.5 = 50% a year)", atMost: ScenarioLimits.annualHandBackHazard))
                ?? d.lossAnnualHazard,
            lossMargin: h.optional("loss_margin")?
                .number(NumberRule("a margin below 1 (0 = rate equals cost)") { $0 < 1 }) ?? d.lossMargin)
    }
}
