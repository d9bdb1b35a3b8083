/// Turns one option-replication's provider rows (`ProviderLedger`) into each provider's figures
/// (`ProviderMeasure`) for the financial years and the whole run.
///
/// A window's integrals and counts add up its periods' in order; the standings (left the
/// market, holds a contract) are those of its last period. Works in place: nothing is allocated.
struct ProviderMeasureComputer {
    let layout: ResultLayout

    /// Writes option `option`'s provider figures from `ledger` into `cells` (a replication's
    /// results, indexed as `layout.cell` and `layout.providers.cell`).
    func compute(option: Int, ledger: borrowing ProviderLedger, into cells: UnsafeMutableBufferPointer<Double>) {
        let providers = layout.providers
        let count = providers.names.count
        precondition(ledger.providerCount == count,
                     "the engine has \(ledger.providerCount) providers, the result layout \(count)")
        guard count > 0, let out = cells.baseAddress else { return }
        let fields = ledger.fieldCount, stride = ledger.periodStride
        ledger.bins.withUnsafeBufferPointer { buffer in
            guard let bins = buffer.baseAddress else { return }
            withUnsafeTemporaryAllocation(of: Double.self, capacity: fields) { scratch in
                let sums = scratch.baseAddress!
                for (slot, w) in providers.windows.enumerated() {
                    let window = layout.windows[w]
                    let days = Double(window.days)
                    for p in 0..<count {
                        for k in 0..<fields { sums[k] = 0 }
                        for period in window.firstPeriod..<window.endPeriod {
                            let row = bins + (period &* stride &+ p &* fields)
                            for k in 0..<fields { sums[k] += row[k] }
                        }
                        let last = bins + ((window.endPeriod &- 1) &* stride &+ p &* fields)
                        let cell = out + providers.cell(option: option, window: slot, provider: p, measure: .weeklyHours)
                        Self.write(into: cell, sums: sums, last: last, days: days)
                    }
                }
            }
        }
    }

    /// Writes one provider's figures for one window from its sums over the window's periods
    /// and its row of the last period.
    @inline(__always)
    private static func write(into cell: UnsafeMutablePointer<Double>, sums: UnsafePointer<Double>,
                              last: UnsafePointer<Double>, days: Double) {
        func f(_ field: ProviderField) -> Double { sums[field.rawValue] }
        func put(_ measure: ProviderMeasure, _ value: Double) { cell[measure.rawValue] = value }
        let contracted = f(.contractedArea), spot = f(.spotArea), legacy = f(.legacyArea)
        put(.weeklyHours, (contracted + spot + legacy) / days)
        put(.weeklyHoursContracted, contracted / days)
        put(.weeklyHoursSpot, spot / days)
        put(.weeklyHoursLegacy, legacy / days)
        put(.careWorkers, f(.workersArea) / days)
        let paid = f(.spendArea)
        put(.margin, paid > 0 ? (paid - f(.costArea)) / paid : .nan)
        put(.spend, paid / 7)
        put(.contractHeld, last[ProviderField.contractHeld.rawValue])
        put(.exited, last[ProviderField.exited.rawValue])
        put(.handBacks, f(.handBacks))
        put(.transfers, f(.transfers))
    }
}
