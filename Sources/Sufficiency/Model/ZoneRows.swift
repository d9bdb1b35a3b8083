/// Which windows the results files give zone rows for (county rows are always given for every
/// window). Zone rows for every month are most of a results folder's size with 15 zones.
public enum ZoneRows: String, Sendable, Equatable, CaseIterable {
    /// Every reporting period, financial year and the whole run.
    case periods
    /// Financial years and the whole run.
    case years
    /// The whole run only.
    case run
}
