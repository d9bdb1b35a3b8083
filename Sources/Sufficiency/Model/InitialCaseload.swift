/// People already receiving (or waiting for) care at the scenario start, so a
/// run starts from today's market rather than from empty.
public struct InitialCaseload: Sendable, Equatable {
    /// A block of current packages: `people` in `zone` placed with `provider`.
    public struct Entry: Sendable, Equatable {
        public var zone: Int
        /// Index into the scenario's providers; nil means waiting (not yet placed).
        public var provider: Int?
        public var people: Int
        /// Index into the client groups; nil means drawn by the groups' shares.
        public var clientGroup: Int?
        /// Hours a week; nil means drawn from the group's package distribution.
        public var hoursPerWeek: Double?
        /// Days the people have been in care on the first day: their remaining time is then drawn
        /// from their tier's duration given that it has lasted this long. Nil means the remaining
        /// time is drawn from the duration itself (exact only for exponential durations).
        public var daysInCare: Double?

        public init(zone: Int, provider: Int?, people: Int, clientGroup: Int? = nil,
                    hoursPerWeek: Double? = nil, daysInCare: Double? = nil) {
            self.zone = zone
            self.provider = provider
            self.people = people
            self.clientGroup = clientGroup
            self.hoursPerWeek = hoursPerWeek
            self.daysInCare = daysInCare
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Total people in the caseload, placed or waiting.
    public var people: Int { entries.reduce(0) { $0 + $1.people } }
}
