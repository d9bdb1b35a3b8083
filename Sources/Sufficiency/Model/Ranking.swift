/// The order in which contracted providers of the same tier are offered a package.
public enum Ranking: String, Sendable, CaseIterable {
    /// Cheapest first; among equal rates, nearest base first.
    case priceThenDistance = "price_then_distance"
    /// Nearest base first; among equal distances, cheapest first.
    case distanceThenPrice = "distance_then_price"
}
