/// How an option's framework or DPS contracts admit providers during their term (Procurement
/// Act 2023, in force since 24 February 2025; see docs/MODEL.md).
public enum ContractVehicle: Sendable, Equatable {
    /// A fixed list for the term: providers join only at a re-tender.
    case closed
    /// An open framework: reopened to new providers on the given days from the start (and
    /// re-tendered at the end of its term; 8 years at most in all).
    case open(reopeningDays: [Double])
    /// A dynamic market: a provider may join any week its bid is within the price ceiling.
    case dynamic

    /// The words a scenario uses for each vehicle.
    public static let names = ["closed", "open", "dynamic"]
}
