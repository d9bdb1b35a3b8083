/// A dated change to one provider's care workforce (`kind: capacity_change`).
///
/// Workers who go leave as the week's leavers do (their rounds may be handed back, see
/// `HandBackSettings.uncoveredShare`); workers who come are simply added. Capacity follows
/// from the new headcount at once.
public struct CapacityChange: Sendable, Equatable {
    /// The new headcount, relative to the one on the day or absolute.
    public enum Size: Sendable, Equatable {
        /// Multiplier on the care workers it has on the day (above 0; 0.8 = a fifth leave),
        /// rounded to whole workers.
        case factor(Double)
        /// Care workers it has from the day (headcount, 0 or more).
        case workers(Int)
    }

    /// Index into the scenario's providers.
    public var provider: Int
    public var size: Size

    public init(provider: Int, size: Size) {
        self.provider = provider
        self.size = size
    }

    /// The headcount after the change, for a provider with `workers` care workers on the day.
    public func workers(from workers: Double) -> Double {
        switch size {
        case .factor(let factor): return (workers * factor).rounded()
        case .workers(let count): return Double(count)
        }
    }
}
