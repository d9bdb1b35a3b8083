/// A package that has waited too long is opened to every contracted provider in
/// the county at an incentive premium (Wiltshire's drawdown competitions).
public struct MiniCompetition: Sendable, Equatable {
    /// Days a package must wait before it goes to mini-competition.
    public var afterDays: Double
    /// Premium on the contracted rate paid for such packages (0.1 = 10%).
    public var premium: Double

    public init(afterDays: Double, premium: Double) {
        self.afterDays = afterDays
        self.premium = premium
    }
}
