/// The contractual route through which a package is bought.
public enum Route: String, Sendable, CaseIterable, Comparable {
    /// The zone's strategic provider, offered packages first.
    case strategic
    /// An approved provider, offered packages after the strategic provider.
    case approved
    /// A provider on a flexible or open framework.
    case framework
    /// A provider admitted to a dynamic purchasing system.
    case dps
    /// A spot purchase from any provider with capacity, at a premium.
    case spot
    /// A package that stays with a provider that holds no contract under the option.
    case legacy

    /// Whether packages on this route were bought under the option's contract.
    public var isContracted: Bool {
        switch self {
        case .strategic, .approved, .framework, .dps: return true
        case .spot, .legacy: return false
        }
    }

    public static func < (lhs: Route, rhs: Route) -> Bool {
        lhs.index < rhs.index
    }

    /// Position in `allCases`, for tables by route.
    @inline(__always)
    public var index: Int {
        switch self {
        case .strategic: return 0
        case .approved: return 1
        case .framework: return 2
        case .dps: return 3
        case .spot: return 4
        case .legacy: return 5
        }
    }
}
