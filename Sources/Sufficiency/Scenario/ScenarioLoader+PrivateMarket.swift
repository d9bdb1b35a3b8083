extension ScenarioLoader {
    static let privateMarketKeys = ["need_share", "rate_premium", "provider_share"]

    /// `private_market`: buyers other than the council; every key is optional.
    static func decodePrivateMarket(_ reader: NodeReader) -> PrivateMarket? {
        guard let m = reader.mapping(keys: privateMarketKeys) else { return nil }
        let d = PrivateMarket()
        let share = m.optional("need_share")?
            .number(NumberRule("a share from 0 up to, but not including, 1") { $0 >= 0 && $0 < 1 })
        let premium = m.optional("rate_premium")?
            .number(NumberRule("a premium above -1 (0.1 = 10% over the spot rate)") { $0 > -1 })
        let providerShare = m.optional("provider_share")?.number(.unitInterval("share of a provider's capacity"))
        return PrivateMarket(needShare: share ?? d.needShare, ratePremium: premium ?? d.ratePremium,
                             providerShare: providerShare ?? d.providerShare)
    }
}
