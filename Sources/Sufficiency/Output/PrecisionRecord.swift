import Foundation

/// How a run to a precision (`run --precision`) went, as `manifest.json` records it and the
/// report and terminal say it.
public struct PrecisionRecord: Codable, Sendable, Equatable {
    /// `relative` (half-width over the mean's size) or `absolute` (half-width in the measure's unit).
    public var kind: String
    /// The half-width asked for: a share of the mean (relative) or in the measure's unit (absolute).
    public var target: Double
    /// The measures judged, county-wide, under every option.
    public var measures: [String]
    /// The windows judged: `whole_run`, or `every_financial_year` (each financial year and the whole run).
    public var windows: String
    /// The look-ahead f: replications while the answer is at most 100, percent of it beyond.
    public var lookAhead: Int
    /// Most replications the run could take.
    public var maximumReplications: Int
    /// The algorithm's answer Nsol: the first count at which every measure was precise and
    /// stayed so through the look-ahead; absent when the run reached the maximum first.
    public var replicationsNeeded: Int?
    /// Replications run and summarised: Nsol and its look-ahead, or the maximum.
    public var replicationsRun: Int
    /// `precision` (reached and kept through the look-ahead) or `maximum` (not reached within it).
    public var stoppedBy: String
    /// Each judged measure's worst precision over the options at the end, as the target measures
    /// it; a measure whose precision cannot be measured (a mean of 0 with spread) is absent.
    public var achieved: [String: Double]

    public init(kind: String, target: Double, measures: [String], windows: String, lookAhead: Int,
                maximumReplications: Int, replicationsNeeded: Int?, replicationsRun: Int, stoppedBy: String,
                achieved: [String: Double]) {
        self.kind = kind
        self.target = target
        self.measures = measures
        self.windows = windows
        self.lookAhead = lookAhead
        self.maximumReplications = maximumReplications
        self.replicationsNeeded = replicationsNeeded
        self.replicationsRun = replicationsRun
        self.stoppedBy = stoppedBy
        self.achieved = achieved
    }

    /// The target as a user reads it: "±5%" or "±50".
    public var targetText: String {
        kind == "relative" ? "±" + Self.number(target * 100) + "%" : "±" + Self.number(target)
    }

    /// One sentence: how many replications were needed and why the run stopped.
    public var sentence: String {
        let span = PrecisionSettings.Windows(rawValue: windows)?.text ?? windows
        let what = "the 95% interval of \(measures.joined(separator: ", ")) (\(span), county-wide, every option) within "
            + targetText + (kind == "relative" ? " of the mean" : "")
        if let needed = replicationsNeeded, stoppedBy == "precision" {
            return "Replications chosen to a precision (Hoad, Robinson & Davies 2010): \(needed) replications put \(what), "
                + "and it held for the next \(replicationsRun - needed) (the look-ahead), so the run stopped at \(replicationsRun)."
        }
        let widest = achieved.count < measures.count ? " (a measure's mean is 0, so it has no relative precision)"
            : achieved.values.max().map { " (widest: ±" + (kind == "relative" ? Self.number($0 * 100) + "%" : Self.number($0)) + ")" } ?? ""
        return "Replications chosen to a precision (Hoad, Robinson & Davies 2010): the run stopped at its maximum of "
            + "\(replicationsRun) replications before \(what)\(widest)."
    }

    /// A number with at most three significant decimals, without trailing zeros.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return x > 0 ? "inf" : "nan" }
        var text = String(format: "%.3f", x)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
