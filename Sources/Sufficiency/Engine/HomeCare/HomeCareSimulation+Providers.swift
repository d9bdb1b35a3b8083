/// Each provider's own figures: what the engine notes about a provider as it happens, and its
/// row of every reporting period in `providerLedger` (read by `ProviderMeasureComputer`).
extension HomeCareSimulation {
    /// Notes that `packages` packages moved from provider `p` to another provider, as a contract
    /// re-tender moves them when `p` loses its contract: counted against `p` in the reporting
    /// period under way (`ProviderField.transfers`). The caller moves the packages themselves.
    func noteTransfer(provider p: Int, packages: Int) {
        precondition(p >= 0 && p < providerCount, "noteTransfer: provider \(p) outside 0..<\(providerCount)")
        precondition(packages >= 0, "noteTransfer: \(packages) packages")
        providerLedger.add(Double(packages), to: .transfers, provider: p)
    }

    /// Notes that provider `p` handed a package back (any cause).
    @inline(__always)
    func noteHandBack(provider p: Int) {
        providerLedger.add(1, to: .handBacks, provider: p)
    }

    /// Whether provider `p` holds a contract of the running option now: it is still in the
    /// market and has at least one.
    func holdsContract(_ p: Int) -> Bool {
        providers[p].active && contracts.held[p] > 0
    }

    /// Writes provider `p`'s row of the period being closed: its hours delivered by route (its
    /// commissioned hours by route × `fraction`, the share of its commissioned hours it
    /// delivered in the period), what it was paid (`paid`, £ a week × days), its cost of the
    /// hours delivered, its workforce, and whether it has left the market or holds a contract.
    func recordProvider(_ p: Int, fraction: Double, paid: Double) {
        let s = providers.pointer(p)
        providerLedger.set(.contractedArea, provider: p, to: s.pointee.contractedArea * fraction)
        providerLedger.set(.spotArea, provider: p, to: s.pointee.spotArea * fraction)
        providerLedger.set(.legacyArea, provider: p, to: s.pointee.legacyArea * fraction)
        providerLedger.set(.spendArea, provider: p, to: paid)
        providerLedger.set(.costArea, provider: p, to: s.pointee.costArea)
        providerLedger.set(.workersArea, provider: p, to: s.pointee.workersArea)
        providerLedger.set(.exited, provider: p, to: s.pointee.exited ? 1 : 0)
        providerLedger.set(.contractHeld, provider: p, to: holdsContract(p) ? 1 : 0)
    }
}
