/// What a sweep or a solve varied, recorded in its manifest so the results can be reproduced.
public struct ExperimentRecord: Codable, Sendable, Equatable {
    /// "sweep" or "solve".
    public var kind: String
    /// A sweep's design: "grid", "latin_hypercube", "sobol" or "saltelli".
    public var design: String?
    /// A sweep's number of points (for a Saltelli design, N·(k + 2) for N base rows).
    public var points: Int?
    /// A sweep's parameters' key paths, in column order.
    public var parameters: [String]?
    /// A solve's settings.
    public var solve: SolveSettings?
    /// A solve's evaluations (each one a full run of every replication).
    public var evaluations: Int?
    /// A solve's result: the smallest input value found to meet the target, nil when even the
    /// top of the range did not.
    public var solution: Double?

    public init(kind: String, design: String? = nil, points: Int? = nil, parameters: [String]? = nil,
                solve: SolveSettings? = nil, evaluations: Int? = nil, solution: Double? = nil) {
        self.kind = kind
        self.design = design
        self.points = points
        self.parameters = parameters
        self.solve = solve
        self.evaluations = evaluations
        self.solution = solution
    }
}
