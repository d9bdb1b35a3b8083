extension ScenarioLoader {
    static let distributionKeys = ["distribution", "mean", "sd", "shape", "minimum", "maximum"]

    /// A distribution such as `{distribution: gamma, mean: 13.3, sd: 8, minimum: 1, maximum: 60}`,
    /// every value in `unit` (e.g. `hours a week`, `days`) except the Weibull shape.
    ///
    /// The mean must be positive (a uniform distribution's defaults to the midpoint of its
    /// bounds); gamma and lognormal need a positive `sd`; a Weibull `shape` must be positive;
    /// a uniform distribution needs `maximum` greater than `minimum`; for the other families a
    /// positive `maximum` clamps draws and must be at least `minimum` (0 means no maximum).
    /// With `atMost` (e.g. 168 hours a week), the mean, minimum and maximum may not exceed it.
    static func decodeDistribution(_ reader: NodeReader, unit: String, atMost bound: Double? = nil) -> Distribution? {
        guard let spec = reader.mapping(keys: distributionKeys,
                                        expected: "a mapping such as {distribution: gamma, mean: 13.3, sd: 8}")
        else { return nil }
        let family = spec.required("distribution")?.choice(Distribution.Family.self)
        let minimumReader = spec.optional("minimum")
        func nonNegative(_ noun: String) -> NumberRule {
            bound.map { NumberRule.nonNegative(noun, atMost: $0) } ?? .nonNegative(noun)
        }
        let minimum = minimumReader?.number(nonNegative("minimum in \(unit)"))
        let maximumReader = spec.optional("maximum")
        let maximum = maximumReader?.number(nonNegative("maximum in \(unit) (0 for none)"))

        var mean: Double?
        if family == .uniform, !spec.has("mean") {
            mean = ((minimum ?? 0) + (maximum ?? 0)) / 2
        } else {
            let rule = bound.map { NumberRule.positive("mean in \(unit)", atMost: $0) } ?? .positive("mean in \(unit)")
            mean = spec.required("mean")?.number(rule)
        }

        var sd: Double? = 0
        if let family, family == .gamma || family == .lognormal {
            if let sdReader = spec.optional("sd") {
                sd = sdReader.number(.positive("standard deviation in \(unit) (a \(family.rawValue) distribution needs one)"))
            } else {
                spec.reportMissing("sd")
                sd = nil
            }
        } else if let sdReader = spec.optional("sd") {
            sd = sdReader.number(.nonNegative("standard deviation in \(unit)"))
        }
        let shapeReader = spec.optional("shape")
        let shape = shapeReader?.number(.atLeast(ScenarioLimits.weibullShape, "Weibull shape"))

        var boundsValid = minimumReader == nil || minimum != nil
        if family == .uniform {
            if let maximumReader {
                if let maximum, maximum <= (minimum ?? 0) {
                    maximumReader.reject(expected: "a maximum greater than the minimum "
                                         + "(\(NumberRule.format(minimum ?? 0))) for a uniform distribution")
                    boundsValid = false
                }
            } else {
                spec.reportMissing("maximum")
                boundsValid = false
            }
        } else if let maximumReader, let maximum, maximum > 0, maximum < (minimum ?? 0) {
            maximumReader.reject(expected: "a maximum of at least the minimum (\(NumberRule.format(minimum ?? 0))), "
                                 + "or 0 for none")
            boundsValid = false
        }
        guard let family, let mean, let sd, boundsValid, maximumReader == nil || maximum != nil,
              shapeReader == nil || shape != nil else { return nil }
        return Distribution(family: family, mean: mean, sd: sd, shape: shape ?? 1,
                            minimum: minimum ?? 0, maximum: maximum ?? 0)
    }
}
