/// How far people travel to a place and what council transport costs.
///
/// Travel between localities is the straight-line distance between their centroids × the
/// road factor; within a locality it is `localKilometres`. Minutes are that distance at
/// `speedKmPerHour`. A day's council transport for one person is a return trip: the vehicle's
/// cost per mile and its cost a day, both shared among the people on the run, plus a cost per
/// trip, plus any flat cost per attendance.
public struct DayTravel: Sendable, Equatable {
    /// Road distance over straight-line distance.
    public var roadFactor: Double
    /// Average speed, km an hour.
    public var speedKmPerHour: Double
    /// Average one-way trip within a locality, km.
    public var localKilometres: Double
    /// The standard for "close to home": minutes one way (`within_standard_share`).
    public var standardMinutes: Double
    /// The longest one-way trip, minutes, a person will make for a place; nil: any.
    public var reachMinutes: Double?
    /// How a place is chosen among providers with room.
    public var choice: Choice
    /// £ a vehicle mile of council transport.
    public var costPerMile: Double
    /// People sharing a run (1: a vehicle each); the mileage cost is divided among them.
    public var peoplePerVehicle: Double
    /// £ a one-way trip a person, whatever its length (escorts, booking).
    public var costPerTrip: Double
    /// £ an attendance day a person, whatever the distance (the flat cost of earlier scenarios).
    public var costPerAttendance: Double
    /// £ a day of a vehicle and driver, shared among the people on the run.
    public var costPerVehicleDay: Double

    public enum Choice: String, Sendable, CaseIterable {
        /// The nearest provider with room (ties in proportion to free places).
        case nearest
        /// Any provider with room within reach, in proportion to its free places.
        case anyWithinReach = "any_within_reach"
    }

    public init(roadFactor: Double = 1.3, speedKmPerHour: Double = 40, localKilometres: Double = 5,
                standardMinutes: Double = 30, reachMinutes: Double? = nil, choice: Choice = .nearest,
                costPerMile: Double = 0, peoplePerVehicle: Double = 1, costPerTrip: Double = 0,
                costPerAttendance: Double = 0, costPerVehicleDay: Double = 0) {
        self.costPerVehicleDay = costPerVehicleDay
        self.roadFactor = roadFactor
        self.speedKmPerHour = speedKmPerHour
        self.localKilometres = localKilometres
        self.standardMinutes = standardMinutes
        self.reachMinutes = reachMinutes
        self.choice = choice
        self.costPerMile = costPerMile
        self.peoplePerVehicle = peoplePerVehicle
        self.costPerTrip = costPerTrip
        self.costPerAttendance = costPerAttendance
    }

    /// Kilometres in a mile.
    public static let kilometresPerMile = 1.609344

    /// One-way road kilometres between two localities' centroids (`localKilometres` within one).
    public func kilometres(from a: DayLocality, _ ia: Int, to b: DayLocality, _ ib: Int) -> Double {
        guard ia != ib, let pa = a.place, let pb = b.place, let km = pa.kilometres(to: pb) else {
            return localKilometres
        }
        return max(localKilometres, km * roadFactor)
    }

    /// One-way minutes for `km` road kilometres.
    public func minutes(kilometres km: Double) -> Double { km / speedKmPerHour * 60 }

    /// £ of council transport for one person's attendance day (a return trip of `km` each way).
    public func costPerDay(kilometres km: Double) -> Double {
        costPerAttendance + costPerVehicleDay / peoplePerVehicle
            + 2 * (km / Self.kilometresPerMile * costPerMile / peoplePerVehicle + costPerTrip)
    }
}
