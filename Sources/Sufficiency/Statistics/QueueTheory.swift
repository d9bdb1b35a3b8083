/// Closed-form results for textbook queues, used to verify the engine.
///
/// Rates and times may be in any unit (per week and weeks, per day and days, ...) as long as the
/// caller uses the same one throughout: an arrival rate per week with a mean service time in
/// weeks gives waits in weeks.
public enum QueueTheory {
    /// Steady-state waiting measures of the M/M/c queue (Poisson arrivals, exponential service,
    /// `servers` identical servers, unlimited waiting room, first come first served).
    ///
    /// The Erlang B blocking probability is built up by the stable recursion
    /// B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), with offered load A = λ·mean service, and then
    /// converted to Erlang C: C = c·B / (c − A·(1 − B)). This never forms A^c or c!, so it stays
    /// accurate for hundreds of servers (e.g. c = 220, A = 200), where the textbook sum overflows.
    ///
    /// - Parameters:
    ///   - arrivalRate: λ, arrivals per time unit; ≥ 0.
    ///   - meanService: mean service time (1/μ) in the same time unit; > 0.
    ///   - servers: c, the number of servers; ≥ 1. The queue must be stable: λ·mean service < c.
    /// - Returns: `probabilityWait`, the probability an arrival has to wait (Erlang C);
    ///   `meanWait`, the mean time in the queue before service (Wq, time units);
    ///   `meanQueueLength`, the mean number waiting (Lq = λ·Wq).
    public static func erlangC(arrivalRate: Double, meanService: Double, servers: Int)
        -> (probabilityWait: Double, meanWait: Double, meanQueueLength: Double)
    {
        precondition(arrivalRate >= 0 && arrivalRate.isFinite,
                     "QueueTheory.erlangC: arrival rate \(arrivalRate) must be non-negative and finite")
        precondition(meanService > 0 && meanService.isFinite,
                     "QueueTheory.erlangC: mean service time \(meanService) must be positive and finite")
        precondition(servers >= 1, "QueueTheory.erlangC: \(servers) servers; need at least 1")
        let load = arrivalRate * meanService
        let c = Double(servers)
        precondition(load < c,
                     "QueueTheory.erlangC: offered load \(load) is not below \(servers) servers, so the queue grows without limit")
        var blocking = 1.0
        for k in 1...servers {
            blocking = load * blocking / (Double(k) + load * blocking)
        }
        let probabilityWait = c * blocking / (c - load * (1 - blocking))
        let meanWait = probabilityWait * meanService / (c - load)
        return (probabilityWait, meanWait, arrivalRate * meanWait)
    }

    /// Mean number in the M/M/∞ (or M/G/∞) system: λ × mean service time, by Little's law; also
    /// the mean of its Poisson-distributed steady-state occupancy.
    ///
    /// - Parameters:
    ///   - arrivalRate: λ, arrivals per time unit; ≥ 0.
    ///   - meanService: mean time in the system, in the same time unit; ≥ 0.
    public static func mmInfinityMeanInSystem(arrivalRate: Double, meanService: Double) -> Double {
        precondition(arrivalRate >= 0 && arrivalRate.isFinite,
                     "QueueTheory.mmInfinityMeanInSystem: arrival rate \(arrivalRate) must be non-negative and finite")
        precondition(meanService >= 0 && meanService.isFinite,
                     "QueueTheory.mmInfinityMeanInSystem: mean service time \(meanService) must be non-negative and finite")
        return arrivalRate * meanService
    }
}
