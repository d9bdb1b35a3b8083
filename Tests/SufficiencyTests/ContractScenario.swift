/// A small county where one strategic provider per zone competes with a framework of every
/// provider: what the contract tests run. Under `strategic`, the second provider in each zone
/// holds no contract and may not sell spot (`spot_access: contract_holders`), so it loses its
/// council work as its packages end; under `framework` every provider is a member. The inputs
/// (written as the defaults) are the Cabinet's case: losers shrink and leave for lack of work,
/// and the strategic providers reach only part of their zones' job seekers (`reach: 0.4`) and
/// hire at most 0.6 a week.
enum ContractScenario {
    static let fileName = "scenarios/two-option-county.yaml"

    static let yaml = """
        name: Two-option county
        description: One strategic provider per zone against a framework of every provider.
        calendar: {start: 2024-04-01, years: 5, period: quarter}
        run: {replications: 30, seed: 11, threads: 2}
        prices:
          cost: {base_year: 2020, running_cost_per_hour: 3.2}
        workforce:
          contracted_hours_per_week: 30
          pay_pass_through: 0.5
          surplus_release_per_week: 0.05
        exits: {utilisation_sensitivity: 6, reference_utilisation: 0.8}
        zones:
          - {name: North, referral_share: 0.34, labour_pool_per_week: 0.8, reference_caseload: 40}
          - {name: South, referral_share: 0.33, labour_pool_per_week: 0.8, reference_caseload: 40}
          - {name: West, referral_share: 0.33, labour_pool_per_week: 0.8, reference_caseload: 40}
        demand:
          referrals_per_week: 9
          growth: 0.04
          client_groups:
            - name: older people
              share: 1
              package_hours: {distribution: gamma, mean: 12, sd: 6, minimum: 1}
              tiers:
                - {name: long-term, kind: long_term, share: 1, duration: {distribution: exponential, mean: 500}}
        providers:
          - {name: North Lead, base_zone: North, care_workers: 45, recruitment_per_week: 0.6, reach: 0.4}
          - {name: North Two, base_zone: North, care_workers: 40, recruitment_per_week: 0.6}
          - {name: South Lead, base_zone: South, care_workers: 45, recruitment_per_week: 0.6, reach: 0.4}
          - {name: South Two, base_zone: South, care_workers: 40, recruitment_per_week: 0.6}
          - {name: West Lead, base_zone: West, care_workers: 45, recruitment_per_week: 0.6, reach: 0.4}
          - {name: West Two, base_zone: West, care_workers: 40, recruitment_per_week: 0.6}
        caseload:
          entries:
            - {zone: North, provider: North Lead, people: 60}
            - {zone: North, provider: North Two, people: 55}
            - {zone: South, provider: South Lead, people: 60}
            - {zone: South, provider: South Two, people: 55}
            - {zone: West, provider: West Lead, people: 60}
            - {zone: West, provider: West Two, people: 55}
        options:
          - name: strategic
            rule: strategic
            term: {initial_years: 6, extension_years: 2}
            reference_rate: 25
            front_loading: 1.08
            spot_access: contract_holders
            contracts:
              - {provider: North Lead, route: strategic, rate: 25}
              - {provider: South Lead, route: strategic, rate: 25}
              - {provider: West Lead, route: strategic, rate: 25}
          - name: framework
            rule: framework
            term: {initial_years: 1, extension_years: 1}
            reference_rate: 25
            contracts:
              - {provider: North Lead, route: framework, rate: 25}
              - {provider: North Two, route: framework, rate: 25}
              - {provider: South Lead, route: framework, rate: 25}
              - {provider: South Two, route: framework, rate: 25}
              - {provider: West Lead, route: framework, rate: 25}
              - {provider: West Two, route: framework, rate: 25}
        """

    /// Overrides for the opposite case: every strategic provider reaches all its zone's job
    /// seekers and can hire 5 a week, and no provider leaves the market or lets staff go.
    static let ampleRecruitment: [String] = ["exits.utilisation_sensitivity=0", "exits.annual_hazard=0",
                                             "workforce.surplus_release_per_week=0"]
        + [0, 2, 4].flatMap { ["providers[\($0)].reach=1", "providers[\($0)].recruitment_per_week=5"] }
}
