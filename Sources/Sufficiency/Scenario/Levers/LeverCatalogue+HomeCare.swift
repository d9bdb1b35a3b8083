import Foundation

extension LeverCatalogue {
    /// A home care scenario's levers: each option's uplift, the workforce, each provider's
    /// recruitment, the demand and the dated events.
    static func homeCareLevers(_ scenario: Scenario, _ tree: LeverTree) -> [Lever] {
        var levers: [Lever] = []
        for (name, option) in tree.child("options")?.elements ?? [] {
            levers += upliftLevers(option, group: name ?? option.prefix)
        }
        if let workforce = tree.child("workforce"), workforce.isMapping {
            levers += workforceLevers(scenario.workforce, workforce)
        }
        levers += recruitmentLevers(scenario, tree)
        if let demand = tree.child("demand"), demand.isMapping {
            levers += demandLevers(scenario.demand, demand)
        }
        levers += eventLevers(scenario, tree)
        return levers
    }

    static let workforceGroup = "Workforce"
    static let recruitmentGroup = "Recruitment"
    static let demandGroup = "Demand"
    static let eventsGroup = "Events"

    /// Turnover, the pay elasticity of recruitment, labour pool growth and pay pass-through.
    static func workforceLevers(_ settings: WorkforceSettings, _ workforce: LeverTree) -> [Lever] {
        [
            number(workforce, "annual_turnover", label: "Care worker turnover", unit: "leaving hazard a year (0.291 = 29.1%)",
                   rule: ScenarioLoader.annualTurnoverRule, default: settings.annualTurnover,
                   help: "The chance a year that a care worker paid the competing wage leaves; lower pay raises it.",
                   group: workforceGroup),
            number(workforce, "recruitment_pay_elasticity", label: "Recruitment pay elasticity", unit: "exponent on relative pay",
                   rule: ScenarioLoader.elasticityRule, default: settings.recruitmentPayElasticity,
                   help: "How strongly job seekers follow pay: a zone's applicants and each provider's share of "
                       + "them grow with relative pay to this power.",
                   group: workforceGroup),
            number(workforce, "labour_pool_growth", label: "Labour pool growth", unit: "fraction a year (0.02 = 2%)",
                   rule: ScenarioLoader.labourPoolGrowthRule, default: settings.labourPoolGrowth,
                   help: "Yearly growth of every zone's people a week who would take a care job.",
                   group: workforceGroup),
            number(workforce, "pay_pass_through", label: "Pay pass-through", unit: "share (0 to 1)",
                   rule: ScenarioLoader.payPassThroughRule, default: settings.payPassThrough,
                   help: "The share of the gap between the pay a provider's rate covers and its usual pay that "
                       + "reaches care workers each April.",
                   group: workforceGroup),
        ]
    }

    /// Each provider's most care workers taken on in a week.
    static func recruitmentLevers(_ scenario: Scenario, _ tree: LeverTree) -> [Lever] {
        tree.child("providers")?.elements.compactMap { name, provider -> Lever? in
            guard let name, provider.isMapping,
                  let model = scenario.providers.first(where: { $0.name == name }) else { return nil }
            return number(provider, "recruitment_per_week", label: "\(name): recruitment",
                          unit: "care workers a week", rule: ScenarioLoader.recruitmentPerWeekRule,
                          default: model.recruitmentPerWeek,
                          help: "The most care workers \(name) can take on in a week, when it has vacancies "
                              + "and applicants.",
                          group: recruitmentGroup)
        } ?? []
    }

    /// The growth of referrals. (Not the referral rate itself: what it may be depends on the
    /// growth, seasonality, steps and length of the run together, which no one limit says.)
    static func demandLevers(_ settings: Demand, _ demand: LeverTree) -> [Lever] {
        [number(demand, "growth", label: "Referral growth", unit: "fraction a year (0.03 = 3%)",
                rule: ScenarioLoader.demandGrowthRule, default: settings.annualGrowth,
                help: "Yearly growth of the referral rate, compounding.", group: demandGroup)]
    }

    /// The dated events as a whole (a YAML list, so an exit can be added), then each provider
    /// exit's date and provider.
    static func eventLevers(_ scenario: Scenario, _ tree: LeverTree) -> [Lever] {
        let written = tree.child("events")
        let example = scenario.providers.first.map { "{date: \(CSVFormat.date(scenario.calendar.start)), kind: "
            + "provider_exit, provider: \(FlowYAML.scalarText($0.name, plain: true))}" } ?? "{date: …, kind: provider_exit, provider: …}"
        var levers = [Lever(setPath: written?.prefix ?? "events", label: "Dated events", unit: "", kind: .text,
                            value: written.map { FlowYAML.text(of: $0.node) } ?? "[]",
                            help: "A list of dated changes to the market, e.g. [\(example)] for a provider leaving "
                                + "on that day; see the scenario format's events section for the other kinds.",
                            group: eventsGroup)]
        let first = CSVFormat.date(scenario.calendar.start)
        let last = CSVFormat.date(ISODate.adding(days: scenario.calendar.horizonDays - 1, to: scenario.calendar.start))
        let providers = tree.child("providers")?.elements.compactMap(\.name) ?? scenario.providers.map(\.name)
        for (_, event) in written?.elements ?? [] where event.child("kind")?.scalarText == "provider_exit" {
            guard let provider = event.child("provider")?.scalarText, let date = event.child("date")?.scalarText
            else { continue }
            levers.append(Lever(setPath: event.path("date"), label: "\(provider) leaves on", unit: "date",
                                kind: .date, value: date, minimum: first, maximum: last,
                                help: "The day \(provider) leaves the market: its packages go back to the queue and "
                                    + "part of its workforce moves to providers in its base zone. Expected a date "
                                    + "from \(first) (calendar.start) to \(last) (the run's last day).",
                                group: eventsGroup))
            levers.append(Lever(setPath: event.path("provider"), label: "Provider leaving on \(date)", unit: "",
                                kind: .choice(providers), value: provider,
                                help: "Which provider leaves the market on that day.", group: eventsGroup))
        }
        return levers
    }
}
