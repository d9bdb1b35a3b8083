extension Calibration {
    /// `fit.csv`: one row per fitted quantity — `section,group,family,parameter,estimate,low,high,
    /// log_likelihood,aic,chosen` — every estimate with its 95% interval, each family's
    /// log-likelihood and AIC on its rows, and the empirical quantiles of hours beside their fit.
    public func fitTable() -> String {
        var rows = CSVFormat.row(["section", "group", "family", "parameter", "estimate", "low", "high",
                                  "log_likelihood", "aic", "chosen"])
        func num(_ x: Double?) -> String { x.map { CSVFormat.number($0) } ?? "" }
        func add(_ section: String, _ group: String, _ family: String, _ parameter: String, _ e: Estimate?,
                 value: Double? = nil, fit: DistributionFit? = nil, chosen: Bool? = nil) {
            let text = [section, group, family, parameter].map(CSVFormat.field)
            let numbers = [num(e?.value ?? value), num(e?.low), num(e?.high), num(fit?.logLikelihood), num(fit?.aic)]
            rows += (text + numbers + [chosen.map { $0 ? "yes" : "no" } ?? ""]).joined(separator: ",") + "\n"
        }
        add("referrals", "", "poisson", "referrals_per_week", referrals.ratePerWeek)
        add("referrals", "", "poisson", "referrals_per_week_at_as_of", referrals.ratePerWeekAtAsOf)
        add("referrals", "", "poisson", "growth", referrals.growth)
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"]
        for (m, factor) in (referrals.seasonality ?? []).enumerated() {
            add("referrals", "", "poisson", "seasonality_\(months[m])", factor)
        }
        add("referrals", "", "poisson", "weeks", nil, value: Double(referrals.weeks))
        add("referrals", "", "poisson", "starts", nil, value: Double(referrals.starts))
        for zone in zones { add("zone_share", zone.name, "", "referral_share", zone.share) }
        for group in groups {
            add("client_group_share", group.name, "", "share", group.share.share)
            for (i, fit) in group.durations.enumerated() {
                for p in fit.parameters { add("duration_days", group.name, fit.family.rawValue, p.name, p.estimate, fit: fit, chosen: i == 0) }
            }
            add("duration_days", group.name, "", "ended", nil, value: Double(group.ended))
            add("duration_days", group.name, "", "open", nil, value: Double(group.open))
            for (i, fit) in group.hours.enumerated() {
                for p in fit.parameters { add("hours_per_week", group.name, fit.family.rawValue, p.name, p.estimate, fit: fit, chosen: i == 0) }
            }
            for (p, value) in group.hoursQuantiles {
                add("hours_per_week", group.name, "empirical", "quantile_\(Int((p * 100).rounded()))", nil, value: value)
            }
        }
        return rows
    }
}
