/// A service's simulation as the runner drives it, replication by replication: one instance per
/// worker thread, reused for every replication that worker claims.
///
/// A replication draws its people once (`draw`), then runs every option on them, each option
/// from the replication's own supply streams (common random numbers), and writes each option's
/// measures into the replication's cells (`measure`). `Runner` has one loop over this protocol,
/// generic rather than over an existential, so each engine's calls are direct in the hot path.
protocol ReplicationEngine: AnyObject {
    /// One replication's people, drawn once and read by every option's run.
    associatedtype People
    /// Turns a finished run of one option into its cells of the results (`ResultLayout`).
    associatedtype Measures

    /// The measures a run of `scenario` reports, in the order every file gives them.
    static func measures(for scenario: Scenario) -> MeasureCatalog

    /// The providers whose own figures a run of `scenario` reports (providers.csv), in the
    /// engine's order; nil when the service reports none.
    static func providerNames(for scenario: Scenario) -> [String]?

    /// The measures the service's results single out (headline, pairs, fan charts, sweeps).
    static var highlights: MeasureHighlights { get }

    /// A worker's engine for `runner`'s scenario, with the people and measures it runs with.
    static func worker(for runner: Runner) -> (engine: Self, people: People, measures: Measures)

    /// Counts a run's events against its budget and notices a request to stop.
    var watch: ReplicationWatch { get set }

    /// Draws replication `replication`'s people into `people`, from `streams` seeded for it
    /// from the master `seed`.
    static func draw(_ people: People, replication: Int, seed: UInt64, streams: RandomStreams)

    /// Runs option `option` (an index into the scenario's options) on `people`, with `streams`
    /// seeded for `replication`'s supply; ends early with `watch.halt` set.
    func run(option: Int, people: People, streams: RandomStreams, replication: Int)

    /// Writes the results of the option just run into `cells` (indexed as `ResultLayout.cell`).
    func measure(option: Int, with measures: inout Measures, into cells: UnsafeMutableBufferPointer<Double>)
}
