import Foundation

extension ScenarioLoader {
    static let demandKeys = ["referrals_per_week", "growth", "seasonality", "steps", "review", "client_groups",
                             "duration_starts_at"]
    /// `demand.referrals_per_week`: 0 to 100,000.
    static let referralsPerWeekRule = NumberRule.nonNegative("number of referrals a week",
                                                             atMost: ScenarioLimits.referralsPerWeek)
    /// `demand.growth`: above −1 (a fall to nothing), at most 1 (doubling a year).
    static let demandGrowthRule = NumberRule("a number greater than -1 (annual growth; 0.03 = 3% a year)") { $0 > -1 }
        .atMost(ScenarioLimits.growth).refusingPercentages()
    static let stepKeys = ["from", "until", "factor"]
    static let reviewKeys = ["interval_days", "step_down_probability", "step_down_factor", "step_up_probability",
                             "step_up_factor", "move_to_contracted_probability"]

    /// `demand`: referrals a week (required, 0 to 100,000), annual growth (> −1, at most 1),
    /// twelve monthly seasonal multipliers and step changes (factors at most 100), reviews,
    /// and the client groups (required).
    static func decodeDemand(_ reader: NodeReader?, _ context: Context) -> Demand? {
        guard let demand = reader?.mapping(keys: demandKeys) else { return nil }
        let defaults = Demand(referralsPerWeek: 1, clientGroups: [])
        // Referrals a week are the county's, unless every zone gave its own.
        var referrals: Double?
        if let fromZones = context.zoneReferralsPerWeek {
            if demand.has("referrals_per_week") {
                demand.optional("referrals_per_week")?.report(
                    "the zones already give their own referrals_per_week (adding up to \(NumberRule.format(fromZones))); "
                    + "give the rate either per zone or here, not both.")
            }
            referrals = fromZones
        } else {
            referrals = demand.required("referrals_per_week")?
                .number(referralsPerWeekRule)
        }
        let growth = demand.optional("growth")?.number(demandGrowthRule)
        // A section that fails to read has reported why; its default stands in until the load throws.
        let seasonality = demand.optional("seasonality").flatMap(decodeSeasonality) ?? defaults.seasonality
        let steps = demand.optional("steps").flatMap { decodeSteps($0, context) } ?? defaults.steps
        let review = demand.optional("review").flatMap(decodeReview) ?? defaults.review
        let groups = decodeClientGroups(demand.required("client_groups"), context)
        let durationStart = demand.optional("duration_starts_at")?.choice(DurationStart.self)
        guard let referrals, let groups else { return nil }
        return Demand(referralsPerWeek: referrals, annualGrowth: growth ?? defaults.annualGrowth,
                      seasonality: seasonality, steps: steps, clientGroups: groups, review: review,
                      durationStartsAt: durationStart ?? defaults.durationStartsAt)
    }

    /// Twelve positive multipliers on the referral rate, January to December.
    static func decodeSeasonality(_ reader: NodeReader) -> [Double]? {
        let expected = "a list of 12 positive numbers, January to December"
        guard let elements = reader.list(expected: expected) else { return nil }
        let values = elements.map {
            $0.number(.positive("multiplier on the referral rate", atMost: ScenarioLimits.multiplier))
        }
        if elements.count != 12 {
            reader.report("a list of \(elements.count) \(elements.count == 1 ? "value" : "values") is not allowed; "
                          + "expected 12 positive numbers, January to December.", value: nil)
            return nil
        }
        let valid = values.compactMap { $0 }
        return valid.count == 12 ? valid : nil
    }

    /// Step changes in the referral rate: `from` and `until` are ISO dates (turned into days
    /// from `calendar.start`) or day numbers; `until` is optional and must come after `from`.
    static func decodeSteps(_ reader: NodeReader, _ context: Context) -> [DemandStep]? {
        guard let elements = reader.list() else { return nil }
        let steps = elements.map { element -> DemandStep? in
            guard let step = element.mapping(keys: stepKeys) else { return nil }
            let fromReader = step.required("from")
            let from = fromReader.flatMap { day(from: $0, context) }
            let untilReader = step.optional("until")
            var until = untilReader.flatMap { day(from: $0, context) }
            if let from, let fromReader, let untilReader, let end = until, end <= from {
                untilReader.reject(expected: "a day after from (\(fromReader.text ?? NumberRule.format(from)))")
                until = nil
            }
            let factor = step.required("factor")?
                .number(.nonNegative("multiplier on the referral rate", atMost: ScenarioLimits.multiplier))
            guard let from, let factor, untilReader == nil || until != nil else { return nil }
            return DemandStep(fromDay: from, untilDay: until, factor: factor)
        }
        return steps.allSatisfy { $0 != nil } ? steps.map { $0! } : nil
    }

    /// A day: a number of days from `calendar.start`, or an ISO date turned into one (nil,
    /// silently, when the start itself could not be read).
    static func day(from reader: NodeReader, _ context: Context) -> Double? {
        if let text = reader.text {
            if let number = NodeReader.parseNumber(text) { return number }
            if let date = ISODate.parse(text.trimmingWhitespace) {
                // Without a valid start the calendar's problem is already reported, and the
                // date cannot become a day (nor be compared with another).
                return context.calendarStart.map { Double(ISODate.days(from: $0, to: date)) }
            }
        }
        reader.reject(expected: "an ISO date yyyy-mm-dd or a number of days from calendar.start")
        return nil
    }

    /// `demand.review`: what happens at a person's periodic review.
    static func decodeReview(_ reader: NodeReader) -> ReviewSettings? {
        let d = ReviewSettings()
        guard let review = reader.mapping(keys: reviewKeys) else { return nil }
        let probability = NumberRule.unitInterval("probability")
        let downReader = review.optional("step_down_probability")
        let upReader = review.optional("step_up_probability")
        let down = downReader?.number(probability)
        let up = upReader?.number(probability)
        let settings = ReviewSettings(
            intervalDays: review.optional("interval_days")?
                .number(NumberRule("a number of days of at least \(NumberRule.format(ScenarioLimits.shortestInterval)), "
                                   + "or 0 for no reviews") { $0 == 0 || $0 >= ScenarioLimits.shortestInterval })
                ?? d.intervalDays,
            stepDownProbability: down ?? d.stepDownProbability,
            stepDownFactor: review.optional("step_down_factor")?.number(.unitInterval("multiplier")) ?? d.stepDownFactor,
            stepUpProbability: up ?? d.stepUpProbability,
            stepUpFactor: review.optional("step_up_factor")?.number(.atLeast(1, "multiplier")) ?? d.stepUpFactor,
            moveToContractedProbability: review.optional("move_to_contracted_probability")?.number(probability)
                ?? d.moveToContractedProbability)
        if downReader == nil || down != nil, upReader == nil || up != nil,
           settings.stepDownProbability + settings.stepUpProbability > 1 + 1e-12 {
            let sum = NumberRule.format(settings.stepDownProbability + settings.stepUpProbability)
            review.reader.report("step_down_probability and step_up_probability add up to \(sum); "
                                 + "together they can be at most 1.", value: sum)
            return nil
        }
        return settings
    }
}
