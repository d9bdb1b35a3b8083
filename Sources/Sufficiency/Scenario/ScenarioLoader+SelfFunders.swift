import Foundation

extension ScenarioLoader {
    static let selfFunderKeys = ["per_week", "stay_days", "at_start"]

    /// `self_funders`: privately funded residents by level — `per_week` (arrivals a week, by
    /// level), `stay_days` (a length-of-stay distribution for every level in `per_week`) and
    /// `at_start` (residents in place on the first day, by level; Little's law's steady state,
    /// arrivals a day × mean stay, for the levels it leaves out).
    static func decodeSelfFunders(_ reader: NodeReader, _ names: DayNames) -> SelfFunders? {
        guard let s = reader.mapping(keys: selfFunderKeys) else { return nil }
        let levels = names.levels.count
        let rateReader = s.required("per_week")
        let rates = rateReader.flatMap {
            decodeLevelNumbers($0, names.levels, rule: .nonNegative("number of people a week",
                                                                    atMost: ScenarioLimits.referralsPerWeek),
                               example: "{residential: 1.5, nursing: 0.8}")
        }
        let stayReader = s.required("stay_days")
        var stays = [Distribution?](repeating: nil, count: levels)
        var staysValid = stayReader != nil
        if let stayReader {
            if let entries = stayReader.entries(expected: "a mapping from levels to lengths of stay, e.g. "
                                                + "{residential: {distribution: exponential, mean: 730}}") {
                for entry in entries {
                    let index = names.levels.resolve(entry.key)
                    let stay = decodeDistribution(entry.value, unit: "days")
                    if let index, let stay { stays[index] = stay } else { staysValid = false }
                }
            } else {
                staysValid = false
            }
        }
        let startReader = s.optional("at_start")
        let starts = startReader.flatMap {
            decodeLevelNumbers($0, names.levels, rule: .nonNegative("whole number of people",
                                                                    atMost: ScenarioLimits.peoplePerEntry),
                               example: "{residential: 120, nursing: 60}", whole: true)
        }
        guard let rates, staysValid, startReader == nil || starts != nil else { return nil }
        // Every level with arrivals or residents needs a length of stay.
        var valid = true
        for l in 0..<levels where stays[l] == nil && (rates.values[l] > 0 || (starts?.values[l] ?? 0) > 0) {
            stayReader?.report("no length of stay for '\(names.levels.name(at: l))'; every level with self-funders "
                               + "(in per_week or at_start) needs one.")
            valid = false
        }
        guard valid else { return nil }
        var atStart = [Int](repeating: 0, count: levels)
        for l in 0..<levels {
            if let starts, starts.named[l] {
                atStart[l] = Int(starts.values[l])
            } else if let stay = stays[l] {
                atStart[l] = Int((rates.values[l] / 7 * stay.mean).rounded())
            }
        }
        return SelfFunders(perWeek: rates.values, stayDays: stays, atStart: atStart)
    }

    /// `{level: number, ...}`: the numbers of the levels named, 0 for the others, and which
    /// levels were named.
    static func decodeLevelNumbers(_ reader: NodeReader, _ table: NameTable, rule: NumberRule, example: String,
                                   whole: Bool = false) -> (values: [Double], named: [Bool])? {
        guard let entries = reader.entries(expected: "a mapping from levels to numbers, e.g. \(example)") else { return nil }
        var values = [Double](repeating: 0, count: table.count)
        var named = [Bool](repeating: false, count: table.count)
        var valid = table.isComplete
        for entry in entries {
            let index = table.resolve(entry.key)
            let value = whole ? entry.value.wholeNumber(rule).map(Double.init) : entry.value.number(rule)
            if let index, let value {
                values[index] = value
                named[index] = true
            } else {
                valid = false
            }
        }
        return valid ? (values, named) : nil
    }

    /// A day option's `term`: the contract term's shape (`initial_years`, `extension_years`,
    /// `extend: always | never`). A framework's term ends in a re-procurement, so only options
    /// with a framework have one, and `on_performance` (home care's unmet-hours rule) does not apply.
    static func decodeDayTerm(_ reader: NodeReader, rule: DayOption.Rule?) -> ContractTerm? {
        if rule == .spot {
            reader.report("a spot option has no framework whose term could end; remove 'term' or set rule: framework or dps.")
            return nil
        }
        if reader.peekText("extend")?.trimmingWhitespace == "on_performance" {
            reader.peekChild("extend")?.report("'on_performance' decides a home care contract's extension on its unmet "
                                               + "hours; a day opportunities or bed-based framework takes 'always' or 'never'.",
                                               value: "on_performance")
            return nil
        }
        return decodeTerm(reader)
    }
}
