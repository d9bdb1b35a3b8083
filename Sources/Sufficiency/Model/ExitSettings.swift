/// Financial failure: providers leave the market as margins fall.
///
/// The annual exit hazard is `annualHazard × exp(sensitivity × (referenceMargin − margin))`
/// times the provider's own factor, where margin is (rate − cost) / rate.
public struct ExitSettings: Sendable, Equatable {
    /// Annual exit hazard at the reference margin (assumption).
    public var annualHazard: Double
    /// Margin (share of the rate) at which `annualHazard` applies.
    public var referenceMargin: Double
    /// How steeply the hazard rises as the margin falls (per unit of margin share).
    public var sensitivity: Double
    /// Share of an exiting provider's workforce that transfers (TUPE) to the
    /// remaining providers in its base zone; the rest leaves the sector.
    public var transferShare: Double
    /// Ceiling on the annual hazard.
    public var maximumAnnualHazard: Double
    /// How steeply the hazard rises as utilisation falls below the reference (per unit of share).
    public var utilisationSensitivity: Double
    /// Utilisation (committed hours over capacity) below which the hazard rises.
    public var referenceUtilisation: Double

    public init(annualHazard: Double = 0.02, referenceMargin: Double = 0.05,
                sensitivity: Double = 15, transferShare: Double = 0.5,
                maximumAnnualHazard: Double = 0.9, utilisationSensitivity: Double = 0,
                referenceUtilisation: Double = 0.8) {
        self.utilisationSensitivity = utilisationSensitivity
        self.referenceUtilisation = referenceUtilisation
        self.annualHazard = annualHazard
        self.referenceMargin = referenceMargin
        self.sensitivity = sensitivity
        self.transferShare = transferShare
        self.maximumAnnualHazard = maximumAnnualHazard
    }
}
