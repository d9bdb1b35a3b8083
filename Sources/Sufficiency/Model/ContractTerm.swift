/// The length of an option's contract, e.g. 6+2 or 1+1 years, and how its extension is decided.
///
/// The term starts on the run's first day. At the end of the initial term the extension
/// (if any) is decided by `extensionRule`; at the end of the last extension the lots are
/// re-tendered (`TenderSettings`) and the next term runs from the handover, the same length.
public struct ContractTerm: Sendable, Equatable {
    /// Years of the initial term.
    public var initialYears: Double
    /// Years of the extension the council may grant (0: none).
    public var extensionYears: Double
    /// How the extension is decided.
    public var extensionRule: ExtensionRule

    public init(initialYears: Double, extensionYears: Double = 0, extensionRule: ExtensionRule = .always) {
        self.initialYears = initialYears
        self.extensionYears = extensionYears
        self.extensionRule = extensionRule
    }
}
