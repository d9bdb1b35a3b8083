import Foundation
@testable import Sufficiency

/// Package histories drawn from known parameters, for checking that calibration recovers them:
/// Poisson starts day by day at a rate with annual growth (per 52 weeks) and twelve month
/// factors, Weibull durations rounded to whole days, lognormal hours, and every package still
/// open on the extraction date censored there. With `groups` set, each start's client group is
/// drawn by the groups' shares and its duration and hours from the group's own distributions.
struct PackageHistorySimulator {
    /// A client group's truth: its share of starts, its durations in days and hours a week.
    struct Group {
        var name: String
        var share: Double
        var duration: Distribution
        var hours: Distribution
    }

    /// Referrals a week on the first day, before the month factor.
    var ratePerWeek = 12.0
    var growth = 0.06
    /// January to December; their mean is 1.
    var seasonality = [1.15, 1.1, 1.0, 0.95, 0.9, 0.9, 0.95, 0.95, 1.0, 1.0, 1.0, 1.1]
    var durationMean = 300.0
    var durationShape = 1.3
    var hoursMean = 12.0
    var hoursSD = 6.0
    var zones = [("Riverside", 0.6), ("Hilltop", 0.4)]
    var providers = ["Riverside Care", "Hilltop Homecare"]
    /// Client groups; empty for one group, `older people`, with the durations and hours above.
    var groups: [Group] = []
    /// The first day, in days since 1970 (5 April 2021).
    var firstDay = 18_722
    /// Days from the first day to the extraction date, inclusive.
    var days = 156 * 7

    /// The extraction date, days since 1970.
    var extractionDay: Int { firstDay + days - 1 }

    func draw(seed: UInt64) -> [PackageRecord] {
        let random = RandomStream(seed: seed)
        var packages: [PackageRecord] = []
        for d in 0..<days {
            let day = firstDay + d
            let month = GregorianDay(daysSince1970: day).month
            let mean = ratePerWeek / 7 * pow(1 + growth, Double(d) / 364) * seasonality[month - 1]
            for _ in 0..<random.poisson(mean: mean) {
                var group = -1
                if !groups.isEmpty {
                    var u = random.uniform()
                    group = groups.indices.first { u -= groups[$0].share; return u < 0 } ?? groups.count - 1
                }
                let length = Int((group < 0 ? random.weibull(mean: durationMean, shape: durationShape)
                                  : random.draw(groups[group].duration)).rounded())
                let end = day + length
                // The first zone whose cumulative share exceeds a uniform draw.
                var u = random.uniform()
                let zone = zones.indices.first { u -= zones[$0].1; return u < 0 } ?? zones.count - 1
                let hours = group < 0 ? random.lognormal(mean: hoursMean, sd: hoursSD) : random.draw(groups[group].hours)
                packages.append(PackageRecord(
                    id: "P\(packages.count + 1)", person: "C\(packages.count + 1)", zone: zones[zone].0,
                    clientGroup: group < 0 ? "older people" : groups[group].name, start: day,
                    end: end <= extractionDay ? end : nil, hoursPerWeek: min(hours, 168), provider: providers[zone]))
            }
        }
        return packages
    }

    /// The history as a package file's CSV text.
    func csv(_ packages: [PackageRecord]) -> String {
        var text = "package_id,person_id,zone,client_group,start_date,end_date,hours_per_week,provider\n"
        for p in packages {
            text += [p.id, p.person, p.zone, p.clientGroup, CSVFormat.day(p.start), p.end.map(CSVFormat.day) ?? "",
                     String(format: "%.2f", p.hoursPerWeek), p.provider].joined(separator: ",") + "\n"
        }
        return text
    }
}
