import Foundation
@testable import Sufficiency

/// Package histories drawn from known parameters, for checking that calibration recovers them:
/// Poisson starts day by day at a rate with annual growth (per 52 weeks) and twelve month
/// factors, Weibull durations rounded to whole days, lognormal hours, and every package still
/// open on the extraction date censored there.
struct PackageHistorySimulator {
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
                let length = Int(random.weibull(mean: durationMean, shape: durationShape).rounded())
                let end = day + length
                let zone = random.uniform() < zones[0].1 ? 0 : 1
                packages.append(PackageRecord(
                    id: "P\(packages.count + 1)", person: "C\(packages.count + 1)", zone: zones[zone].0,
                    clientGroup: "older people", start: day, end: end <= extractionDay ? end : nil,
                    hoursPerWeek: min(random.lognormal(mean: hoursMean, sd: hoursSD), 168), provider: providers[zone]))
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
