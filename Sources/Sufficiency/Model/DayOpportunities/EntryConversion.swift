import Foundation

/// Converting a provider's appetite to join between a year and an evaluation round, so that
/// options with different rounds (a DPS every 7 days, a framework every six months) can be
/// given the same yearly chances and compared like for like.
///
/// A chance `p` a year is spread over a year of 365.25 days as independent rounds of equal
/// chance, so a round of `d` days has the chance `1 − (1 − p)^(d / 365.25)`: over a year of
/// rounds the chance of at least one success is `p` again. New applicants are a Poisson
/// process, so a mean of `m` a year is a Poisson mean of `m × d / 365.25` a round.
public enum EntryConversion {
    /// Days in the year the conversions use (the mean Julian year).
    public static let daysPerYear = 365.25

    /// The chance a round of `roundDays` days (> 0) that gives `perYear` (0 to 1) over a year.
    public static func chancePerRound(perYear p: Double, roundDays: Double) -> Double {
        precondition(roundDays > 0 && p >= 0 && p <= 1, "EntryConversion: chance \(p) a year, rounds of \(roundDays) days")
        if p >= 1 { return 1 }
        return 1 - pow(1 - p, roundDays / daysPerYear)
    }

    /// The chance a year given by `perRound` (0 to 1) in each round of `roundDays` days (> 0).
    public static func chancePerYear(perRound q: Double, roundDays: Double) -> Double {
        precondition(roundDays > 0 && q >= 0 && q <= 1, "EntryConversion: chance \(q) a round of \(roundDays) days")
        if q >= 1 { return 1 }
        return 1 - pow(1 - q, daysPerYear / roundDays)
    }

    /// The Poisson mean a round of `roundDays` days (> 0) of `perYear` a year (pro rata).
    public static func meanPerRound(perYear m: Double, roundDays: Double) -> Double {
        m * roundDays / daysPerYear
    }

    /// The Poisson mean a year of `perRound` in each round of `roundDays` days (> 0).
    public static func meanPerYear(perRound m: Double, roundDays: Double) -> Double {
        m * daysPerYear / roundDays
    }

    /// `perRound` (a chance in each round of `from` days) restated for rounds of `to` days,
    /// through the chance a year both give.
    public static func chance(_ perRound: Double, roundDays from: Double, asRoundsOf to: Double) -> Double {
        chancePerRound(perYear: chancePerYear(perRound: perRound, roundDays: from), roundDays: to)
    }
}
