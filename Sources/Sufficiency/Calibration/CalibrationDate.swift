import Foundation

/// Dates given to `calibrate`, as days since 1 January 1970.
public enum CalibrationDate {
    /// The day `text` (yyyy-mm-dd) names, or nil when it names none.
    public static func day(_ text: String) -> Int? {
        ISODate.parse(text).map { ISODate.days(from: Date(timeIntervalSince1970: 0), to: $0) }
    }
}
