/// A line of the council's budget that spend and savings are reported against: some client
/// groups' placements and direct payments, with their council transport or without it.
///
/// Kent's day opportunities budget has two lines, people with a disability aged 26 and over
/// and young people aged 18–25, each with its transport forecast separately; its £1,000,000
/// of savings is identified on the 26+ line.
public struct BudgetLine: Sendable, Equatable {
    public var name: String
    /// Client groups on the line (indices into `groups`, ascending, each once).
    public var groups: [Int]
    /// Whether the line carries its groups' council transport as well (false: placements and
    /// direct payments only, as Kent's service provision lines).
    public var includesTransport: Bool

    public init(name: String, groups: [Int], includesTransport: Bool = false) {
        self.name = name
        self.groups = groups
        self.includesTransport = includesTransport
    }
}
