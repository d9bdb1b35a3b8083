/// The length of the periods results are reported in.
public enum ReportingPeriod: String, Sendable, CaseIterable {
    case week, month, quarter
}
