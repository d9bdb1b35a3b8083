/// The scenario's dated events (`Scenario.events`) as one option runs them: which to post on
/// the event calendar at the start of a run, and the contract slots each contract event
/// switches. Built once per scenario; shared by every run of the option.
///
/// A contract slot says whether a contract's provider may take new packages of one zone under
/// it (`HomeCareSimulation.contractActive`). Only contracts some contract event names have
/// slots, one per zone of the county (`slotBase`); every other contract is always in force, so
/// a scenario without contract events has none. Demand shocks are not here: they change the
/// referrals, which `DemandSchedule` draws for every option at once.
struct EventPlan: Sendable {
    /// An event to post when a run starts.
    struct Dated: Sendable {
        /// Index into `Scenario.events`.
        var index: Int32
        /// Day of the run it happens on.
        var day: Int
        var kind: Event.Kind
    }

    /// The events that apply to the option, other than demand shocks, in the order written.
    let dated: [Dated]
    /// For each contract of the option, the slot of its zone 0 (its zone z's is `slotBase + z`),
    /// or −1 for a contract no event names (always in force).
    let slotBase: [Int32]
    /// How many slots the option's contract events need (contracts named × zones).
    let slotCount: Int
    /// For each contract event of `dated` (by its index into `Scenario.events`), the slots it
    /// switches off (lost) or on (gained).
    let slots: [Int: [Int]]
    /// Slots not in force when a run starts: those a `contract_gained` event switches on.
    let inactiveAtStart: [Int]

    /// The plan of option `option` (an index into `scenario.options`).
    init(scenario: Scenario, option: Int) {
        let zoneCount = scenario.zones.count
        let procurement = scenario.options[option]
        var dated: [Dated] = []
        var switched: [(event: Int, gained: Bool, contracts: [(contract: Int, zones: [Int])])] = []
        for (i, event) in scenario.events.enumerated() where event.applies(toOption: option) {
            switch event.kind {
            case .providerExit, .capacityChange:
                dated.append(Dated(index: Int32(i), day: event.day, kind: .marketEvent))
            case .contractLost(let change), .contractGained(let change):
                let gained = if case .contractGained = event.kind { true } else { false }
                switched.append((i, gained, change.switched(in: procurement, zoneCount: zoneCount)))
                dated.append(Dated(index: Int32(i), day: event.day, kind: .contractEvent))
            case .demandShock:
                break
            }
        }
        // Slots for the contracts the events name, in contract order.
        var slotBase = [Int32](repeating: -1, count: procurement.contracts.count)
        var next = 0
        for k in Set(switched.flatMap { $0.contracts.map(\.contract) }).sorted() {
            slotBase[k] = Int32(next)
            next += zoneCount
        }
        var slots: [Int: [Int]] = [:]
        var inactive = Set<Int>()
        for entry in switched {
            let eventSlots = entry.contracts.flatMap { named in named.zones.map { Int(slotBase[named.contract]) + $0 } }
            slots[entry.event] = eventSlots
            if entry.gained { inactive.formUnion(eventSlots) }
        }
        self.dated = dated
        self.slotBase = slotBase
        slotCount = next
        self.slots = slots
        inactiveAtStart = inactive.sorted()
    }
}
