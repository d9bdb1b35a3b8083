extension ScenarioLoader {
    /// Checks that no provider is contracted twice for one zone in an option: at a different
    /// rate (£ an hour) that is refused, naming both contracts, since which rate its packages
    /// there are paid would be a matter of list order; at the same rate it is a warning (the
    /// second contract adds nothing there, or a second route). Reported at the later contract.
    static func checkContractOverlaps(_ contracts: [Contract], elements: [NodeReader], _ context: Context) {
        for (later, contract) in contracts.enumerated() {
            for earlier in 0..<later where contracts[earlier].provider == contract.provider {
                let first = contracts[earlier]
                let shared = Set(first.zones).intersection(contract.zones).sorted()
                guard !shared.isEmpty else { continue }
                let provider = context.providers.name(at: contract.provider)
                let zones = shared.prefix(5).map { "'\(context.zoneName($0))'" }.joined(separator: ", ")
                    + (shared.count > 5 ? " and \(shared.count - 5) more" : "")
                let place = "'\(provider)' is already contracted in \(elements[earlier].keyPath) for \(zones)"
                if first.rate != contract.rate {
                    elements[later].report("\(place) at £\(NumberRule.format(first.rate)) an hour; this contract "
                                           + "pays £\(NumberRule.format(contract.rate)) an hour there, so its rate "
                                           + "would depend on the order of the list; give a provider one contract "
                                           + "for each zone, or one rate.",
                                           value: NumberRule.format(contract.rate))
                } else {
                    elements[later].warn("\(place) at the same rate (£\(NumberRule.format(contract.rate)) an hour); "
                                         + "the later contract changes nothing there unless its route is meant to.")
                }
                break
            }
        }
    }
}
