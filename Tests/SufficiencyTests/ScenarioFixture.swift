/// A small valid scenario that exercises every section of the format; tests change one line of
/// it to make each kind of mistake, so the line and column of each message are known.
enum ScenarioFixture {
    static let fileName = "scenarios/test.yaml"

    static let yaml = """
        name: Test county
        description: A small county for tests
        calendar:
          start: 2023-04-01
          years: 2
          period: week
        run: {replications: 50, seed: 7, threads: 2}
        prices:
          nlw: {2023: 10.42, 2024: 11.44}
          cost: {base_year: 2022}
        zones:
          - name: North
            referral_share: 0.25
            rurality: rural
            labour_pool_per_week: 1.5
          - name: South
            referral_share: 0.5
            labour_pool_per_week: 2
            travel_minutes_per_visit: 10
            centroid: {latitude: 51.07, longitude: -1.79}
          - name: East
            referral_share: 0.25
            rurality: urban
            labour_pool_per_week: 0.5
        demand:
          referrals_per_week: 40
          growth: 0.03
          steps:
            - {from: 2023-12-01, until: 2024-02-29, factor: 1.2}
            - {from: 400, factor: 0.9}
          client_groups:
            - name: older people
              share: 0.75
              priority_share: 0.3
              package_hours: {distribution: gamma, mean: 13.3, sd: 8, minimum: 1, maximum: 60}
              tiers:
                - {name: enablement, kind: enablement, share: 0.25, duration: {distribution: fixed, mean: 42}, goal_probability: 0.6, next: long-term}
                - {name: long-term, kind: long_term, share: 0.75, duration: {distribution: exponential, mean: 540}}
            - name: learning disability
              share: 0.25
              package_hours: {distribution: lognormal, mean: 20, sd: 10}
              tiers:
                - {name: ongoing, kind: long_term, share: 1, duration: {distribution: weibull, mean: 900, shape: 1.5}}
        providers:
          - name: Provider A
            base_zone: North
            zones: [South]
            care_workers: 120
            pay_premium: 1.05
          - name: Provider B
            base_zone: East
            zones: all
            care_workers: 40
            fixed_capacity_hours: 220
        caseload:
          entries:
            - {zone: North, provider: Provider A, people: 120, client_group: older people, hours_per_week: 13}
            - {zone: South, people: 10}
        options:
          - name: baseline
            rule: strategic
            term: {initial_years: 6, extension_years: 2}
            reference_rate: 22.5
            zone_premiums: {East: 0.1}
            areas: {Coast: [South, East]}
            contracts:
              - {provider: Provider B, route: strategic, zones: [Coast, North], rate: 23}
              - {provider: Provider A, route: approved}
          - name: framework
            rule: framework
            ranking: distance_then_price
            reference_rate: 21
            mini_competition: {after_days: 14, premium: 0.1}
            uplift: {rule: table, table: {framework: {2025: 0.0537}, spot: {2025: 0}}, otherwise: {rule: flat, rate: 0.03}}
            contracts:
              - {provider: Provider A, route: framework}

        """

    /// The fixture with the first occurrence of `old` replaced by `new` (which must be there).
    static func replacing(_ old: String, with new: String) -> String {
        guard let range = yaml.range(of: old) else {
            preconditionFailure("ScenarioFixture: '\(old)' is not in the fixture")
        }
        return yaml.replacingCharacters(in: range, with: new)
    }
}
