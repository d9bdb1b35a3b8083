import Foundation

/// A point on the map: WGS84 latitude and longitude (decimal degrees), or British National
/// Grid eastings and northings (metres). A scenario uses one system throughout.
public enum Place: Sendable, Equatable {
    case geographic(latitude: Double, longitude: Double)
    case grid(easting: Double, northing: Double)

    /// Straight-line distance in kilometres: great circle (haversine on a sphere of radius
    /// 6,371 km) between geographic places, Euclidean between grid places; nil when the two
    /// use different systems.
    public func kilometres(to other: Place) -> Double? {
        switch (self, other) {
        case let (.geographic(lat1, lon1), .geographic(lat2, lon2)):
            let rad = Double.pi / 180
            let dLat = (lat2 - lat1) * rad
            let dLon = (lon2 - lon1) * rad
            let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dLon / 2) * sin(dLon / 2)
            return 2 * 6371 * asin(min(1, h.squareRoot()))
        case let (.grid(e1, n1), .grid(e2, n2)):
            let de = e2 - e1, dn = n2 - n1
            return (de * de + dn * dn).squareRoot() / 1000
        default:
            return nil
        }
    }

    /// Whether this place is in British National Grid coordinates.
    public var isGrid: Bool {
        if case .grid = self { return true }
        return false
    }
}
