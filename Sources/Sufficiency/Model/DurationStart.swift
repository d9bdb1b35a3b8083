/// When the clock on a person's first tier starts.
public enum DurationStart: String, Sendable, CaseIterable {
    /// At referral: the need runs its course whether or not care is found, so
    /// people can leave while still waiting (real services).
    case referral
    /// At first placement: the duration is time in care, and nobody leaves the
    /// queue unserved (queueing-theory verification, M/M/c).
    case placement
}
