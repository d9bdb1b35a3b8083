extension Scenario {
    /// The routes a package can be bought through under some option, in `Route` order:
    /// every contracted route an option's contracts use, and spot and legacy, which every
    /// option can fall back on. The finance measures report spend by these.
    public var spendRoutes: [Route] {
        var used = Set<Route>([.spot, .legacy])
        for option in options { for contract in option.contracts { used.insert(contract.route) } }
        return Route.allCases.filter(used.contains)
    }
}
