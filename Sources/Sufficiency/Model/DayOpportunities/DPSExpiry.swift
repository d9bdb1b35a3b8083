/// When a dynamic purchasing system set up under the Public Contracts Regulations 2015 ends,
/// and what replaces it.
///
/// The Procurement Act 2023 has no DPS: one set up under the old regulations may run until 23
/// February 2029 at the latest, and its successor under the Act is a *dynamic market* (or the
/// council may buy through a framework, or spot).
public struct DPSExpiry: Sendable, Equatable {
    /// The last day the PCR 2015 DPS may run, when nothing earlier is set.
    public static let latestDate = "2029-02-23"

    /// What buys day opportunities once the DPS has ended.
    public enum Successor: String, Sendable, CaseIterable {
        /// A dynamic market under the Procurement Act 2023: joining stays open, evaluated every
        /// 7 days with the same chances, and the DPS's members are its members.
        case dynamicMarket = "dynamic_market"
        /// A framework with evaluation rounds every `rounds.every_days`: the DPS's members are
        /// its members, and the chances to join keep their yearly value at the new rounds.
        case framework
        /// Spot purchase: no provider joins any more and the DPS's members take new placements
        /// spot; people already placed on DPS terms keep them.
        case spot
    }

    /// Days from the run's start to the first day without the DPS (the day after its last).
    public var day: Double
    public var successor: Successor
    /// Days between the successor framework's evaluation rounds (`framework` only).
    public var successorRoundEveryDays: Double

    public init(day: Double, successor: Successor, successorRoundEveryDays: Double = 182) {
        self.day = day
        self.successor = successor
        self.successorRoundEveryDays = successorRoundEveryDays
    }
}
