import Foundation

/// The Kaplan–Meier estimate of the survival curve, with a pointwise 95% band from Greenwood's
/// variance (S ± 1.96 S √V, clamped to [0, 1]).
public struct KaplanMeier: Sendable {
    public struct Point: Sendable, Equatable {
        /// Days from the start of the package.
        public var time: Double
        /// Share still open just after `time`.
        public var survival: Double
        public var low: Double
        public var high: Double
        /// Packages at risk just before `time`.
        public var atRisk: Double
    }

    /// One point at each time a package ended.
    public var points: [Point]

    init(_ sample: SurvivalSample) {
        var atRisk = sample.count
        var s = 1.0
        var greenwood = 0.0
        points = []
        for i in sample.times.indices {
            let d = sample.events[i]
            if d > 0 {
                s *= 1 - d / atRisk
                if atRisk > d { greenwood += d / (atRisk * (atRisk - d)) }
                let half = Estimate.z95 * s * greenwood.squareRoot()
                points.append(Point(time: sample.times[i], survival: s, low: max(0, s - half), high: min(1, s + half),
                                    atRisk: atRisk))
            }
            atRisk -= d + sample.censored[i]
        }
    }
}
