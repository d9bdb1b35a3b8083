import Foundation

extension Calibration {
    /// The scenario fragment `calibrated.yaml`: `demand` (referrals a week, growth, seasonality,
    /// client groups with their package hours and one long-term tier with the duration fit the
    /// AIC chose) and `caseload` entries at the end of the as-of date, with their days in care, for
    /// a scenario starting the day after. Zones need a labour pool the history cannot give, so
    /// their referral shares are written as comments to copy.
    public func fragment(source: String) -> String {
        func n(_ x: Double) -> String { CSVFormat.number(Double(String(format: "%.6g", x))!) }
        func q(_ s: String) -> String { YAMLText.quoted(s) }
        var y = """
        # Calibrated by `sufficiency calibrate` from \(YAMLText.comment(source)): \(packages) packages
        # starting \(CSVFormat.day(firstStart)) to \(CSVFormat.day(asOf)) (the as-of date). Include it from a scenario
        # (`include: calibrated.yaml`) whose calendar starts the day after the as-of date,
        # \(CSVFormat.day(asOf + 1)), as the caseload is the people in care then; see fit.csv and fit.html.
        #
        # The zones' referral shares (a zones section also needs labour_pool_per_week, which a
        # package history cannot give, so copy these into your own):

        """
        for zone in zones {
            y += "#   - {name: \(YAMLText.comment(q(zone.name))), referral_share: \(n(zone.share.value))}\n"
        }
        y += "\ndemand:\n"
        y += "  referrals_per_week: \(n(referrals.ratePerWeekAtAsOf.value))   # on the as-of date, seasonality taken out\n"
        // The fit's growth is per 52 weeks; a scenario's compounds per year of 365.25 days.
        y += "  growth: \(n(pow(1 + referrals.growth.value, 365.25 / 364) - 1))\n"
        if let factors = referrals.seasonality {
            y += "  seasonality: [\(factors.map { n($0.value) }.joined(separator: ", "))]\n"
        }
        y += "  duration_starts_at: placement   # durations are fitted from each package's start\n"
        y += "  client_groups:\n"
        for group in groups {
            y += "    - name: \(q(group.name))\n"
            y += "      share: \(n(group.share.share.value))\n"
            y += "      package_hours: \(distribution(group.hours[0]))\n"
            y += "      tiers:\n"
            y += "        - {name: long-term, kind: long_term, share: 1, duration: \(distribution(group.durations[0]))}\n"
        }
        if !caseload.isEmpty {
            y += "\n# People in care at the end of the as-of date, by how many days they have been in care by the\n"
            y += "# day after it: a scenario draws each one's remaining time given that.\n"
            y += "caseload:\n  entries:\n"
            for e in caseload {
                y += "    - {zone: \(q(e.zone)), provider: \(q(e.provider)), client_group: \(q(e.clientGroup)), "
                    + "days_in_care: \(e.daysInCare), people: \(e.people)}\n"
            }
        }
        return y
    }

    /// A fit as a scenario distribution: the family's mean, and its sd or shape.
    func distribution(_ fit: DistributionFit) -> String {
        func n(_ x: Double) -> String { CSVFormat.number(Double(String(format: "%.6g", x))!) }
        switch fit.family {
        case .exponential: return "{distribution: exponential, mean: \(n(fit.mean))}"
        case .weibull: return "{distribution: weibull, mean: \(n(fit.mean)), shape: \(n(fit.parameter("shape")!.value))}"
        case .gamma, .lognormal: return "{distribution: \(fit.family.rawValue), mean: \(n(fit.mean)), sd: \(n(fit.sd))}"
        }
    }
}

/// Text from a package file written into YAML so that it reads back as the same text.
enum YAMLText {
    /// A double-quoted YAML scalar: backslashes, quotes and control characters escaped.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Text safe inside a comment: line breaks shown as `\n`, so it cannot end the comment.
    static func comment(_ s: String) -> String {
        s.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\u{2028}", with: " ").replacingOccurrences(of: "\u{2029}", with: " ")
            .replacingOccurrences(of: "\u{85}", with: " ")
    }
}
