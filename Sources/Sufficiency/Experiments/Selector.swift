import Foundation

/// Runs KN (`KNSelection`) on a scenario's options: every replication runs every option with
/// common random numbers, and the measure's whole-run county value of each is one observation.
///
/// Replications are read strictly in order, one at a time, whatever the number of threads, so
/// the same scenario, seed and settings give the same answer after the same replications.
public enum Selector {
    /// How a selection ended.
    public enum Outcome: Sendable {
        case finished(SelectionResult)
        /// Asked to stop (Ctrl-C) after this many replications, before an answer.
        case stopped(replications: Int)
        /// A replication went past the engine's budget; nothing is kept.
        case exceeded(ReplicationBudgetExceeded)
    }

    /// A value KN cannot use.
    public struct UndefinedValue: Error, Sendable, CustomStringConvertible {
        public let measure: String
        public let option: String
        /// Replication number, from 1.
        public let replication: Int

        public var description: String {
            "\(measure) has no value over the whole run under \(option) in replication \(replication) "
                + "(nothing to average, e.g. a wait with no placements); choose a measure every replication gives"
        }
    }

    /// Runs `scenario` (its seed and threads; its replications are ignored) under `settings`,
    /// checked against the scenario's layout, until KN ends, `settings.maximumReplications`
    /// replications have run, or `stop` is asked to. `progress` is called with (done, maximum).
    public static func select(_ scenario: Scenario, settings: SelectionSettings, stop: StopRequest,
                              progress: (@Sendable (Int, Int) -> Void)? = nil) throws(UndefinedValue) -> Outcome {
        var scenario = scenario
        scenario.run.replications = settings.maximumReplications
        let runner = Runner(scenario: scenario)
        let layout = runner.layout
        guard let measure = layout.measures.all.firstIndex(where: { $0.name == settings.measure }) else {
            preconditionFailure("Selector: measure not in the scenario (settings are checked when made)")
        }
        let cells = layout.options.indices.map {
            layout.cell(option: $0, window: layout.horizonWindow, zoneSlot: 0, measure: measure)
        }
        let procedure: KNSelection
        do {
            procedure = try KNSelection(systems: layout.options.count, delta: settings.delta, alpha: settings.alpha,
                                        firstStage: settings.firstStage, better: settings.preference)
        } catch {
            preconditionFailure("Selector: \(error) (settings are checked when made)")
        }
        let state = State(procedure, maximum: settings.maximumReplications)
        let observer: Runner.ReplicationObserver = { replication, values in
            guard !state.finished else { return }
            let observation = cells.map { values[$0] }
            if let bad = observation.firstIndex(where: { !$0.isFinite }) {
                state.undefined = UndefinedValue(measure: settings.measure, option: layout.options[bad],
                                                 replication: replication + 1)
                state.finished = true
                stop.stop()
                return
            }
            _ = state.procedure.observe(observation)
            state.sums = zip(state.sums, observation).map { $0 + $1 }
            if state.procedure.observations == settings.firstStage { state.most = state.procedure.mostObservations }
            if state.procedure.isDecided || state.procedure.isTied
                || state.procedure.observations >= settings.maximumReplications {
                state.finished = true
                stop.stop()
            }
        }
        do {
            _ = try runner.run(replications: 0..<settings.maximumReplications, stop: stop, progress: progress,
                               observer: observer)
        } catch {
            // A replication after the answer, run on another thread while it was reached, does
            // not touch it.
            if !(state.finished && state.undefined == nil && error.replication >= state.procedure.observations) {
                return .exceeded(error)
            }
        }
        if let undefined = state.undefined { throw undefined }
        let kn = state.procedure
        guard state.finished else { return .stopped(replications: kn.observations) }
        let r = kn.observations
        let ending: SelectionResult.Ending = kn.isDecided ? .selected : kn.isTied ? .tied : .maximum
        let unit = layout.measures.all[measure].unit
        return .finished(SelectionResult(settings: settings, options: layout.options, unit: unit, eta: kn.eta,
                                         hSquared: kn.hSquared, replications: r, mostReplications: state.most ?? r,
                                         ending: ending, eliminatedAfter: kn.eliminatedAfter,
                                         meanAtElimination: kn.meanAtElimination,
                                         means: state.sums.map { $0 / Double(r) }, pairVariances: kn.pairVariances))
    }

    /// The procedure's state, touched only by the observer (called in order, never concurrently)
    /// and read once the run is over.
    private final class State: @unchecked Sendable {
        var procedure: KNSelection
        var finished = false
        var undefined: UndefinedValue?
        var most: Int?
        /// Every option's sum over every replication read (KN stops summing none, but reads only
        /// the survivors' means).
        var sums: [Double]

        init(_ procedure: KNSelection, maximum: Int) {
            self.procedure = procedure
            sums = Array(repeating: 0, count: procedure.systems)
        }
    }
}
