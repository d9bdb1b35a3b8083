/// How an option's lots are re-tendered at the end of a term, and what happens to the losers.
///
/// Bids are priced from each bidder's cost build-up: its cost of a contact hour at the tender
/// date (pay, travel, running costs) × (1 + `targetMargin`) × the option's front-loading, times
/// a lognormal spread of `bidSpread` (the bidders' differing views of the term ahead).
/// Competitive lots (strategic and approved contracts) go to the `places` best scores, where a
/// score is `(1 − qualityWeight) × lowest bid / bid + qualityWeight × quality`; admission lots
/// (framework and DPS contracts) admit every bidder whose bid is within the price ceiling and
/// whose quality is at least `minimumQuality`.
public struct TenderSettings: Sendable, Equatable {
    /// Margin bidders add to their cost of a contact hour (0.05 = 5% over cost).
    public var targetMargin: Double
    /// Standard deviation of the log of a bid around its cost-based price.
    public var bidSpread: Double
    /// Weight of quality in a competitive lot's evaluation (0: price only).
    public var qualityWeight: Double
    /// Highest bid admitted to a framework or DPS lot, as a premium over the option's reference
    /// rate uplifted to the tender date (nil: the option's spot premium).
    public var priceCeiling: Double?
    /// Lowest quality score (0–1) admitted or awarded.
    public var minimumQuality: Double
    /// Capacity to mobilise a competitive lot's bidder must show, as a share of the lot's need
    /// per place (its zones' placed and waiting hours a week over its places): its spare hours
    /// now plus what it can recruit before the handover (0: any provider may bid).
    public var minimumMobilisationShare: Double
    /// What happens to an outgoing provider's packages under a contract it loses.
    public var outgoingPackages: OutgoingPackages
    /// Share of the care workers who deliver transferred packages that move with them (TUPE).
    public var tupeShare: Double
    /// Days from the award to the handover: the new contracts start, and the old ones end, at
    /// the end of the term; the tender is held this many days before.
    public var mobilisationDays: Double

    public init(targetMargin: Double = 0.05, bidSpread: Double = 0.04, qualityWeight: Double = 0.4,
                priceCeiling: Double? = nil, minimumQuality: Double = 0, minimumMobilisationShare: Double = 0,
                outgoingPackages: OutgoingPackages = .stay,
                tupeShare: Double = 0.75, mobilisationDays: Double = 60) {
        self.targetMargin = targetMargin
        self.bidSpread = bidSpread
        self.qualityWeight = qualityWeight
        self.priceCeiling = priceCeiling
        self.minimumQuality = minimumQuality
        self.minimumMobilisationShare = minimumMobilisationShare
        self.outgoingPackages = outgoingPackages
        self.tupeShare = tupeShare
        self.mobilisationDays = mobilisationDays
    }
}
