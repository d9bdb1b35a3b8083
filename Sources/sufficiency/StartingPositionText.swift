import Foundation
import Sufficiency

/// The "Starting position" block `validate` prints after its verdict for a home care scenario:
/// the caseload against its steady state, the workforce and its vacancies, a table of zones'
/// hours (only the zones short of capacity when there are more than eight) and the providers
/// short of capacity.
enum StartingPositionText {
    /// Most zones listed whole; beyond this only the zones short of capacity are.
    static let zonesListedWhole = 8

    static func lines(_ position: StartingPosition, scenario: Scenario) -> [String] {
        func whole(_ x: Double) -> String { String(Int(x.rounded())) }
        func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
        let placed = position.zones.reduce(0) { $0 + $1.placedPeople }
        let waiting = position.zones.reduce(0) { $0 + $1.waitingPeople }
        let referrals = position.groups.reduce(0) { $0 + $1.referralsPerWeek }
        let meanWeeks = referrals > 0 ? position.steadyStatePeople / referrals : 0
        var lines = ["Starting position (expected figures on the first day, the same for every option):"]
        lines.append("  caseload: \(position.startingPeople) people (\(placed) placed, \(waiting) waiting); "
                     + "steady state \(whole(position.steadyStatePeople)) = \(CSVFormat.number(referrals)) referrals a week × "
                     + "\(String(format: "%.1f", meanWeeks)) mean weeks in care")
        if position.groups.count > 1 {
            lines.append("    by client group (start → steady state): " + position.groups.map {
                "\(scenario.demand.clientGroups[$0.group].name) \(whole($0.startingPeople)) → \(whole($0.steadyStatePeople))"
            }.joined(separator: ", "))
        }
        let vacancies = position.providers.reduce(0) { $0 + $1.vacancies }
        lines.append("  workforce: \(position.careWorkers) care workers, \(vacancies) vacancies (vacancy rate "
                     + "\(percent(position.vacancyRate)))")
        let short = position.shortZones
        let shown = position.zones.count > zonesListedWhole ? short : position.zones
        if !shown.isEmpty {
            if shown.count < position.zones.count {
                lines.append("  \(short.count) of \(position.zones.count) zones short of capacity:")
            }
            let names = shown.map { scenario.zones[$0.zone].name }
            let width = max(4, names.map(\.count).max() ?? 0)
            func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
            func right(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
            lines.append("  " + pad("zone", width) + right("needed", 9) + right("placed", 9) + right("waiting", 9)
                         + right("capacity", 10) + right("short", 9) + right("short %", 9))
            for (line, name) in zip(shown, names) {
                lines.append("  " + pad(name, width) + right(whole(line.neededHours), 9) + right(whole(line.placedHours), 9)
                             + right(whole(line.waitingHours), 9) + right(whole(line.capacityHours), 10)
                             + right(whole(line.shortfallHours), 9) + right(percent(line.shortfallShare), 9))
            }
            lines.append("  (hours a week; capacity: placed hours the providers can deliver plus spare hours they "
                         + "could offer the people waiting)")
        } else {
            lines.append("  zones: none short of capacity")
        }
        let providers = position.shortProviders
        if providers.isEmpty {
            lines.append("  providers: none short of capacity")
        } else {
            lines.append("  providers short of capacity (hours a week of packages beyond what their care workers "
                         + "deliver): " + providers.map {
                             "\(scenario.providers[$0.provider].name) \(whole($0.shortfallHours)) (\(percent($0.shortfallShare)))"
                         }.joined(separator: ", "))
        }
        return lines
    }
}
