/// A scheduled event, ordered by time, then kind, then the order it was scheduled.
///
/// Events are plain values in a contiguous heap: scheduling allocates nothing
/// once the heap has grown. An event about a person carries the person's stamp
/// when it was scheduled; if the person's situation has changed since, the
/// stamps differ and the event is skipped (lazy cancellation).
struct Event: Comparable {
    enum Kind: UInt8 {
        /// Close the current reporting period (before anything else that day).
        case periodBoundary = 0
        /// Apply April's price uplift.
        case uplift = 1
        /// Weekly supply clock: workforce, capacity, hand-backs, exits, brokerage.
        case supplyTick = 2
        /// A person's current tier ends.
        case tierEnd = 3
        /// A person's periodic review.
        case review = 4
        /// A package is handed back for reasons other than capacity or exit.
        case backgroundHandBack = 5
        /// A framework's evaluation round (day opportunities).
        case evaluationRound = 6
        /// A dated provider exit or capacity change (`ScenarioEvent`; subject: its index).
        case marketEvent = 7
        /// A dated contract lost or gained (`ScenarioEvent`; subject: its index).
        case contractEvent = 8
        /// The option's contract term ends (less the mobilisation period): extend or re-tender;
        /// subject 1 while an extension is still available.
        case termEnd = 9
        /// Contracts awarded at a tender start, and those lost end.
        case handover = 10
        /// An open framework reopens to new providers.
        case reopening = 11
        /// A privately funded resident arrives looking for a place (day opportunities and beds).
        case selfFunderArrives = 12
        /// A privately funded resident leaves their place (subject: their index).
        case selfFunderLeaves = 13
        /// A day opportunities framework's term (or its extension) ends: extend or re-procure;
        /// subject 1 while an extension is still available.
        case frameworkTermEnd = 14
    }

    /// Days from the start.
    var time: Double
    /// Kind in the top byte, scheduling sequence below: the deterministic tie-break.
    var key: UInt64
    /// Person index, or a period / provider index, depending on the kind.
    var subject: Int32
    var stamp: UInt32

    @inline(__always)
    init(time: Double, kind: Kind, sequence: UInt64, subject: Int32, stamp: UInt32) {
        self.time = time
        self.key = UInt64(kind.rawValue) << 56 | (sequence & 0x00FF_FFFF_FFFF_FFFF)
        self.subject = subject
        self.stamp = stamp
    }

    /// The kind, from the key's top byte. Read without `Kind(rawValue:)`, which the compiler
    /// left as a call per read (one in the run loop and one in dispatch for every event): a
    /// key's top byte is only ever set from a `Kind` (`init`), whose raw values are 0 through
    /// 14 with none missing, so every top byte is a valid kind.
    @inline(__always)
    var kind: Kind {
        let raw = UInt8(truncatingIfNeeded: key >> 56)
        assert(Kind(rawValue: raw) != nil, "event key \(key) has no kind")
        return unsafeBitCast(raw, to: Kind.self)
    }

    @inline(__always)
    static func < (a: Event, b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.key < b.key)
    }

    @inline(__always)
    static func == (a: Event, b: Event) -> Bool {
        a.time == b.time && a.key == b.key
    }
}
