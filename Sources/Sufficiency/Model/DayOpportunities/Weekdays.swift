/// Days of the week a provider is open: bit 0 is Monday, bit 6 Sunday.
public struct Weekdays: Sendable, Equatable, Hashable {
    public var mask: UInt8

    public init(mask: UInt8) { self.mask = mask & 0x7F }

    /// Monday to Friday, the usual week of a day service.
    public static let weekdays = Weekdays(mask: 0x1F)
    /// Every day: a bed or a supported-living place.
    public static let everyDay = Weekdays(mask: 0x7F)

    /// The short names a scenario writes, Monday first.
    public static let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public var count: Int { mask.nonzeroBitCount }

    public func contains(_ day: Int) -> Bool { mask & (1 << UInt8(day)) != 0 }
}
