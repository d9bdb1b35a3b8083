import Yams

extension LeverCatalogue {
    /// An option's uplift: the whole rule (a YAML mapping), then the rates within the rule as
    /// written: a weighted rule's staff weight, a flat rule's rate, every rate of a table
    /// (then its `otherwise` rule's, where written), a negotiated rule's offer and ask and its
    /// Beta shapes.
    static func upliftLevers(_ option: LeverTree, group: String) -> [Lever] {
        let written = option.child("uplift")
        let value = written.map { FlowYAML.text(of: $0.node) }
            ?? "{rule: weighted, staff_weight: \(NumberRule.format(ScenarioLoader.defaultStaffWeight))}"
        let rule = Lever(setPath: option.path("uplift"), label: "Uplift rule", unit: "", kind: .text, value: value,
                         help: "How rates rise each April: {rule: weighted, staff_weight: 0.7} (70% of the National "
                             + "Living Wage's rise, 30% of CPI's), {rule: flat, rate: 0.03} (3% a year), {rule: none}, "
                             + "{rule: table, table: {framework: {2025: 0.0537}}, otherwise: {rule: weighted}} (by "
                             + "route and year) or {rule: negotiated, offer: RULE, ask: RULE}. Changing it replaces "
                             + "the option's whole uplift.",
                         group: group)
        guard let written, written.isMapping else { return [rule] }
        return [rule] + rateLevers(written, label: "Uplift", group: group)
    }

    /// The rates within the uplift rule written at `uplift`, labelled from `label`.
    static func rateLevers(_ uplift: LeverTree, label: String, group: String) -> [Lever] {
        switch uplift.child("rule")?.scalarText {
        case "weighted":
            return [staffWeight(uplift, label: "\(label) staff weight", group: group)]
        case "flat":
            return [number(uplift, "rate", label: "\(label) rate", unit: "fraction a year (0.03 = 3%)",
                           rule: ScenarioLoader.upliftFraction, default: 0,
                           help: "The same uplift every April.", group: group)]
        case "table":
            var levers: [Lever] = []
            for (route, years) in uplift.child("table")?.entries ?? [] {
                for (year, _) in years.entries {
                    let financialYear = Int(year).map { "\($0)/\(String(format: "%02d", ($0 + 1) % 100))" } ?? year
                    levers.append(number(years, year, label: "\(label) \(financialYear), \(route)",
                                         unit: "fraction (0.0537 = 5.37%)", rule: ScenarioLoader.upliftFraction,
                                         default: 0,
                                         help: "The uplift of \(route) rates in April \(year).", group: group))
                }
            }
            if let otherwise = uplift.child("otherwise"), otherwise.isMapping {
                levers += rateLevers(otherwise, label: "\(label) otherwise:", group: group)
            }
            return levers
        case "negotiated":
            var levers: [Lever] = []
            for (key, name) in [("offer", "council's offer"), ("ask", "providers' ask")] {
                if let side = uplift.child(key), side.isMapping {
                    levers += rateLevers(side, label: "\(label) \(name):", group: group)
                }
            }
            for key in ["alpha", "beta"] {
                levers.append(number(uplift, key, label: "\(label) settlement \(key)", unit: "Beta shape",
                                     rule: ScenarioLoader.betaShapeRule, default: 2,
                                     help: "Where between the offer and the ask each April's settlement falls: a "
                                         + "Beta(alpha, beta) share of the way (2 and 2: about half way).",
                                     group: group))
            }
            return levers
        default:
            return []
        }
    }

    /// A weighted uplift's staff weight.
    private static func staffWeight(_ uplift: LeverTree, label: String, group: String) -> Lever {
        number(uplift, "staff_weight", label: label, unit: "share of the uplift following the National Living Wage",
               rule: ScenarioLoader.staffWeightRule, default: ScenarioLoader.defaultStaffWeight,
               help: "The uplift is this share of the National Living Wage's rise plus the rest of CPI's.",
               group: group)
    }
}
