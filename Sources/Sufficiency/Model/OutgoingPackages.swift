/// What happens at handover to the packages an outgoing provider holds under a lost contract.
public enum OutgoingPackages: String, Sendable, CaseIterable {
    /// They stay with the provider, paid on legacy terms.
    case stay
    /// They move to a winning provider of the lot in the same zone, with the TUPE share of the
    /// staff who delivered them.
    case transfer
}
