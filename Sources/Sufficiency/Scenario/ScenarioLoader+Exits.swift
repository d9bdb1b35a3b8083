extension ScenarioLoader {
    static let exitKeys = ["annual_hazard", "reference_margin", "sensitivity", "transfer_share",
                           "maximum_annual_hazard", "utilisation_sensitivity", "reference_utilisation"]

    /// `exits`: how providers' financial exit hazard rises as their margins fall.
    static func decodeExits(_ reader: NodeReader) -> ExitSettings {
        let d = ExitSettings()
        guard let e = reader.mapping(keys: exitKeys) else { return d }
        let hazard = NumberRule.nonNegative("annual hazard (0.02 = 2% a year)")
        return ExitSettings(
            annualHazard: e.optional("annual_hazard")?.number(hazard) ?? d.annualHazard,
            referenceMargin: e.optional("reference_margin")?
                .number(NumberRule("a margin less than 1 (a share of the rate; 0.05 = 5%)") { $0 < 1 })
                ?? d.referenceMargin,
            sensitivity: e.optional("sensitivity")?.number(.nonNegative("number (per unit of margin)"))
                ?? d.sensitivity,
            transferShare: e.optional("transfer_share")?.number(.unitInterval("share")) ?? d.transferShare,
            maximumAnnualHazard: e.optional("maximum_annual_hazard")?.number(hazard) ?? d.maximumAnnualHazard,
            utilisationSensitivity: e.optional("utilisation_sensitivity")?
                .number(.nonNegative("number (per unit of utilisation)")) ?? d.utilisationSensitivity,
            referenceUtilisation: e.optional("reference_utilisation")?.number(.unitInterval("share of capacity"))
                ?? d.referenceUtilisation)
    }
}
