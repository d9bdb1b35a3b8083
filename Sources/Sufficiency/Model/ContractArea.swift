/// A contract area: a named group of zones an option's contracts can cover
/// (e.g. the Help to Live at Home alliance's three zones).
public struct ContractArea: Sendable, Equatable {
    public var name: String
    /// Indices of the zones in the area.
    public var zones: [Int]

    public init(name: String, zones: [Int]) {
        self.name = name
        self.zones = zones
    }
}
