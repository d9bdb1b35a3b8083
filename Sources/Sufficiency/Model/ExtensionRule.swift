/// How a council decides, at the end of a contract's initial term, whether to extend it.
public enum ExtensionRule: Sendable, Equatable {
    /// The extension is always taken.
    case always
    /// The extension is never taken: the lots are re-tendered at the end of the initial term.
    case never
    /// The extension is taken when, over the year before the decision, the option's unmet share
    /// (unmet over eligible hours a week, county) is at most `maximumUnmetShare` and its
    /// hand-backs (packages handed back a year per package in care) at most
    /// `maximumHandBackRate`.
    case onPerformance(maximumUnmetShare: Double, maximumHandBackRate: Double)

    /// The words a scenario uses for each rule.
    public static let names = ["always", "never", "on_performance"]
}
