/// The coverage a zone has lost to providers leaving, over one reporting period: the need that
/// capacity within the travel-time standard at the start of the reported run would cover, and
/// that the providers which have since left no longer do.
///
/// Each provider that reaches the zone counts with its capacity on the first reported day (its
/// starting capacity), so workforce changes of the providers still in the market neither add
/// loss nor hide it; one in the market then counts as lost from the day it leaves. A provider
/// not in the market on that day (an entrant) restores coverage with the capacity it has. With
/// need N, starting reach R₀ and departed starting capacity L (all over the period), the loss is
/// max(0, min(N, R₀) − (R₀ − L) − entrants' capacity): 0 while no provider that reached the
/// zone has left, and 0 while those that remain still cover the need.
struct CoverageLoss {
    /// Starting capacity of the providers reaching the zone (hours a week).
    private(set) var startingReach = 0.0
    /// Starting capacity × days since leaving, of those that have left (hours a week × days).
    private(set) var departedArea = 0.0
    /// Capacity × days of reaching providers not in the market at the start (hours a week × days).
    private(set) var newcomerArea = 0.0

    /// Adds a provider that reaches the zone: its starting capacity (hours a week; 0 if it was
    /// not in the market), its capacity over the period (hours a week × days), and the days of
    /// the period after it left (0 while it is in the market).
    mutating func add(startingCapacity: Double, capacityArea: Double, daysGone: Double) {
        if startingCapacity > 0 {
            startingReach += startingCapacity
            departedArea += startingCapacity * daysGone
        } else {
            newcomerArea += capacityArea
        }
    }

    /// Need lost to coverage over a period of `days` days (hours a week × days), given the
    /// zone's need over it (hours a week × days).
    func lostArea(need: Double, days: Double) -> Double {
        guard departedArea > 0 else { return 0 }
        let start = startingReach * days
        return max(0, min(need, start) - (start - departedArea) - newcomerArea)
    }
}
