/// Scenario files the CLI tests write to temporary folders.
enum TestScenarioFiles {
    /// A small valid scenario: two zones, two providers, two options, 120 days from
    /// 2023-04-01 (so the last day is 2023-07-29), 6 replications, seed 11. Runs in well under a
    /// second in a debug build.
    static let tiny = """
        name: Tiny county
        calendar:
          start: 2023-04-01
          days: 120
          period: month
        run: {replications: 6, seed: 11, threads: 0}
        zones:
          - name: North
            referral_share: 0.6
            labour_pool_per_week: 1
          - name: South
            referral_share: 0.4
            labour_pool_per_week: 1
        demand:
          referrals_per_week: 5
          client_groups:
            - name: older people
              share: 1
              package_hours: {distribution: gamma, mean: 12, sd: 6, minimum: 1}
              tiers:
                - {name: long-term, kind: long_term, share: 1, duration: {distribution: exponential, mean: 300}}
        providers:
          - name: Alpha
            base_zone: North
            zones: all
            care_workers: 20
          - name: Beta
            base_zone: South
            zones: [South]
            care_workers: 10
        caseload:
          entries:
            - {zone: North, provider: Alpha, people: 20}
            - {zone: South, provider: Beta, people: 10}
        options:
          - name: strategic
            rule: strategic
            reference_rate: 22
            contracts:
              - {provider: Alpha, route: strategic, zones: [North], rate: 22}
              - {provider: Beta, route: strategic, zones: [South], rate: 22}
          - name: framework
            rule: framework
            reference_rate: 22
            contracts:
              - {provider: Alpha, route: framework, rate: 22.4}
              - {provider: Beta, route: framework, rate: 21.9}

        """

    /// The options `tiny` runs, in output order.
    static let tinyOptions = ["strategic", "framework"]

    /// A scenario with several mistakes at known places:
    /// - line 8: referral shares add up to 0.9;
    /// - line 10: a negative labour pool;
    /// - line 15: `referals_per_week`, a misspelling of `referrals_per_week` (which is then missing);
    /// - line 16: two probabilities outside 0 to 1;
    /// - line 25: a base zone `Soth` that does not exist (near `South`).
    static let broken = """
        name: Broken county
        calendar:
          start: 2023-04-01
          days: 120
          period: month
        run: {replications: 4, seed: 11}
        zones:
          - name: North
            referral_share: 0.6
            labour_pool_per_week: -2
          - name: South
            referral_share: 0.3
            labour_pool_per_week: 1
        demand:
          referals_per_week: 5
          review: {interval_days: 365, step_down_probability: 1.5, step_up_probability: -0.2}
          client_groups:
            - name: older people
              share: 1
              package_hours: {distribution: gamma, mean: 12, sd: 6, minimum: 1}
              tiers:
                - {name: long-term, kind: long_term, share: 1, duration: {distribution: exponential, mean: 300}}
        providers:
          - name: Alpha
            base_zone: Soth
            zones: all
            care_workers: 20
        options:
          - name: spot only
            rule: spot
            reference_rate: 22

        """

    /// What `sufficiency validate broken.yaml` prints to standard error, line by line, when the
    /// file is named `broken.yaml` on the command line.
    static let brokenProblems = [
        "broken.yaml:8:3: zones: the referral_share values add up to 0.9; they must add up to 1 (±0.001).",
        "broken.yaml:10:27: zones[0].labour_pool_per_week: -2 is not allowed; expected a non-negative number of people a week.",
        "broken.yaml:15:3: demand.referals_per_week: unknown key 'referals_per_week'; did you mean 'referrals_per_week'?",
        "broken.yaml:15:3: demand: missing required key 'referrals_per_week'.",
        "broken.yaml:16:55: demand.review.step_down_probability: 1.5 is not allowed; expected a probability between 0 and 1. "
            + "1.5 looks like a percentage; write 0.015.",
        "broken.yaml:16:81: demand.review.step_up_probability: -0.2 is not allowed; expected a probability between 0 and 1.",
        "broken.yaml:25:16: providers[0].base_zone: 'Soth' is not a zone; did you mean 'South'?",
    ]
}
