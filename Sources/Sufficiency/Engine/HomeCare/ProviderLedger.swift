/// Each provider's `ProviderField`s, period by period, for one replication of one option.
///
/// The open period's row for every provider is in `current`: events add to its counts as they
/// happen (a hand-back, a transfer), and closing the period sets its integrals and standing,
/// copies every row into `bins` and starts the next period from zero. Both are sized once for
/// the scenario's providers and periods and refilled for every run, so nothing is allocated
/// per event or per period.
struct ProviderLedger: ~Copyable {
    /// Providers recorded: the engine's provider slots.
    let providerCount: Int
    /// Doubles per provider in a row (`ProviderField.allCases.count`).
    let fieldCount = ProviderField.allCases.count
    /// The open period: provider × field.
    let current: Slab<Double>
    /// Completed periods: period × provider × field, `providerCount × fieldCount` doubles a period.
    private(set) var bins: [Double]

    /// A ledger for `providers` providers over `periods` reporting periods.
    init(providers: Int, periods: Int) {
        providerCount = providers
        current = Slab(repeating: 0, count: providers * ProviderField.allCases.count)
        bins = Array(repeating: 0, count: periods * providers * ProviderField.allCases.count)
    }

    /// Doubles a period takes in `bins`.
    var periodStride: Int { providerCount * fieldCount }

    /// Empties the ledger for a new run. `bins` keeps the last run's periods: a run closes
    /// every period, and `close(into:)` writes each of its doubles, before anything reads them
    /// (a run that stops early is not measured). Zeroing them cost 1.2 million instructions a
    /// Wiltshire replication (callgrind).
    mutating func reset() {
        current.fill(0)
    }

    /// Adds `amount` to provider `p`'s `field` in the open period (a count).
    @inline(__always)
    func add(_ amount: Double, to field: ProviderField, provider p: Int) {
        current[p &* fieldCount &+ field.rawValue] += amount
    }

    /// Sets provider `p`'s `field` in the open period.
    @inline(__always)
    func set(_ field: ProviderField, provider p: Int, to value: Double) {
        current[p &* fieldCount &+ field.rawValue] = value
    }

    /// Moves the open period into `bins` as period `period` and starts the next from zero.
    ///
    /// One block copy and one block fill rather than a loop element by element with checked
    /// indices (callgrind: 0.1 million instructions a Wiltshire replication fewer, counting each
    /// byte of the copy and the fill as one).
    mutating func close(into period: Int) {
        let base = period * periodStride, count = current.count
        precondition(base + count <= bins.count, "ProviderLedger.close: period \(period) is beyond the run")
        let open = current.base
        bins.withUnsafeMutableBufferPointer { bins in
            (bins.baseAddress! + base).update(from: open, count: count)
        }
        open.update(repeating: 0, count: count)
    }

    /// Drops the open period (the warm-up, which is not reported).
    func discard() {
        current.fill(0)
    }
}
