/// The length of an option's contract, e.g. 6+2 or 1+1 years.
public struct ContractTerm: Sendable, Equatable {
    public var initialYears: Double
    public var extensionYears: Double

    public init(initialYears: Double, extensionYears: Double = 0) {
        self.initialYears = initialYears
        self.extensionYears = extensionYears
    }
}
