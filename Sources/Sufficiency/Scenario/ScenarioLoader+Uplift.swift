extension ScenarioLoader {
    /// The keys each uplift rule takes.
    static let upliftKeys: [(rule: String, keys: [String])] = [
        ("weighted", ["rule", "staff_weight"]),
        ("flat", ["rule", "rate"]),
        ("table", ["rule", "table", "otherwise"]),
        ("none", ["rule"]),
        ("negotiated", ["rule", "offer", "ask", "alpha", "beta"]),
    ]
    /// The staff-cost weight of a weighted uplift that leaves it out (ProcurementOption's default rule).
    static let defaultStaffWeight = 0.7
    /// A weighted uplift's `staff_weight`: 0 to 1.
    static let staffWeightRule = NumberRule.unitInterval("staff-cost weight")
    /// A negotiated uplift's `alpha` and `beta`: above 0.
    static let betaShapeRule = NumberRule.positive("Beta shape parameter")

    /// An option's `uplift`, by `rule`:
    /// - `{rule: weighted, staff_weight: 0.7}`: `w × NLW% + (1 − w) × CPI%`, w from 0 to 1;
    /// - `{rule: flat, rate: 0.03}`: the same fraction every April;
    /// - `{rule: none}`;
    /// - `{rule: table, table: {framework: {2025: 0.0537}}, otherwise: {...}}`: fractions by
    ///   route and year, falling back to `otherwise` (default: weighted with weight 0.7);
    /// - `{rule: negotiated, offer: {...}, ask: {...}, alpha: 2, beta: 2}`: settles each April
    ///   between the offer and the ask, at a Beta(alpha, beta) share of the way (default 2, 2).
    static func decodeUplift(_ reader: NodeReader) -> UpliftRule? {
        let ruleNames = upliftKeys.map(\.rule)
        let written = reader.peekText("rule")
        let keys = upliftKeys.first { $0.rule == written }?.keys
            ?? Array(uniqueKeys(upliftKeys.flatMap(\.keys)))
        guard let uplift = reader.mapping(keys: keys, expected: "a mapping such as {rule: weighted, staff_weight: 0.7}")
        else { return nil }
        guard let ruleReader = uplift.required("rule") else { return nil }
        guard let rule = ruleReader.text?.trimmingWhitespace, ruleNames.contains(rule) else {
            ruleReader.reject(expected: NodeReader.oneOf(ruleNames))
            return nil
        }
        switch rule {
        case "weighted":
            let weight = uplift.optional("staff_weight")?.number(staffWeightRule)
            return .weighted(staffWeight: weight ?? defaultStaffWeight)
        case "flat":
            guard let rate = uplift.required("rate")?.number(upliftFraction) else { return nil }
            return .flat(rate)
        case "table":
            let table = uplift.required("table").flatMap(decodeUpliftTable)
            let otherwise = uplift.optional("otherwise").flatMap(decodeUplift)
            guard let table, uplift.optional("otherwise") == nil || otherwise != nil else { return nil }
            return .table(table, otherwise: otherwise ?? .weighted(staffWeight: defaultStaffWeight))
        case "negotiated":
            let offer = uplift.required("offer").flatMap(decodeUplift)
            let ask = uplift.required("ask").flatMap(decodeUplift)
            let shape = betaShapeRule
            let alpha = uplift.optional("alpha")?.number(shape)
            let beta = uplift.optional("beta")?.number(shape)
            guard let offer, let ask,
                  uplift.optional("alpha") == nil || alpha != nil, uplift.optional("beta") == nil || beta != nil
            else { return nil }
            return .negotiated(offer: offer, ask: ask, alpha: alpha ?? 2, beta: beta ?? 2)
        default:
            return UpliftRule.none
        }
    }

    /// A yearly uplift as a fraction (0.0537 = 5.37%), above −1.
    static let upliftFraction = NumberRule("a fraction greater than -1 (0.0537 = 5.37%)") { $0 > -1 }
        .warningAboveOne("an uplift")

    /// `table`: route → (year → uplift fraction).
    static func decodeUpliftTable(_ reader: NodeReader) -> [Route: [Int: Double]]? {
        guard let entries = reader.entries(expected: "a mapping from routes to years and uplifts, "
                                           + "e.g. {framework: {2025: 0.0537}}") else { return nil }
        var table: [Route: [Int: Double]] = [:]
        var valid = true
        for entry in entries {
            let route = entry.key.choice(Route.self)
            let years = entry.value.yearTable(upliftFraction,
                                              expected: "a mapping from years to uplifts, e.g. {2025: 0.0537}")
            if let route, let years { table[route] = years } else { valid = false }
        }
        return valid ? table : nil
    }

    /// `keys` without repeats, in first-seen order.
    private static func uniqueKeys(_ keys: [String]) -> [String] {
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }
}
