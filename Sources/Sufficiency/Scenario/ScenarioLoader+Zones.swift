extension ScenarioLoader {
    static let zoneKeys = ["name", "referral_share", "referrals_per_week", "rurality", "travel_minutes_per_visit",
                           "reference_caseload", "labour_pool_per_week", "centroid"]
    static let centroidKeys = ["latitude", "longitude", "easting", "northing"]

    /// `zones`: a non-empty list of zones with unique names, each with either a share of the
    /// county's referrals (shares add up to 1, then are normalised) or its own referrals a week
    /// (then the shares are the rates over their total, and the total is recorded in
    /// `context` as the county's rate). Records the zones' names in `context`.
    static func decodeZones(_ reader: NodeReader?, _ context: Context) -> [Zone]? {
        guard let reader, let elements = reader.nonEmptyList(of: "zone") else { return nil }
        guard elements.count <= ScenarioLimits.zones else {
            reader.report("there are \(elements.count) zones; a scenario can have at most "
                          + "\(NumberRule.format(Double(ScenarioLimits.zones))) (every zone has a row of results for "
                          + "every period, measure and option), so merge small areas into larger ones.", value: nil)
            return nil
        }
        context.zones = NameTable.build(from: elements, kind: "a zone", plural: "zones")
        context.zoneCount = elements.count
        let zones = elements.map(decodeZone)
        let byRate = elements.map { $0.peekText("referrals_per_week") != nil }
        if byRate.contains(true) && byRate.contains(false) {
            reader.report("some zones give referral_share and others referrals_per_week; give every zone one "
                          + "kind: shares of the county's demand.referrals_per_week, or each zone's own rate.")
            return nil
        }
        // Shares are checked even when a zone has other problems, so all are reported at once.
        let shareSum = byRate.first == true ? nil : checkShares(of: reader, elements, key: "referral_share")
        guard zones.allSatisfy({ $0 != nil }) else { return nil }
        let places = zones.compactMap { $0!.location }
        if places.contains(where: \.isGrid) && places.contains(where: { !$0.isGrid }) {
            reader.report("some zones' centroids are latitude and longitude and others eastings and northings; "
                          + "give every centroid in one system.")
            return nil
        }
        context.zonePlaces = zones.map { $0!.location }
        if byRate.first == true {
            let total = zones.reduce(0) { $0 + $1!.referralShare }
            guard total > 0 else {
                reader.report("the zones' referrals_per_week add up to 0; at least one zone must have referrals.")
                return nil
            }
            guard total <= ScenarioLimits.referralsPerWeek else {
                let shown = NumberRule.format(total)
                reader.report("the zones' referrals_per_week add up to \(shown); together they can be at most "
                              + "\(NumberRule.format(ScenarioLimits.referralsPerWeek)) a week.", value: shown)
                return nil
            }
            context.zoneReferralsPerWeek = total
            return zones.map { zone in
                var zone = zone!
                zone.referralShare /= total
                return zone
            }
        }
        guard let sum = shareSum else { return nil }
        return zones.map { zone in
            var zone = zone!
            zone.referralShare /= sum
            return zone
        }
    }

    /// One zone: name, its share of referrals (0–1) or its referrals a week, and its labour
    /// pool (people a week) are required; travel minutes default by rurality. A zone given
    /// by rate carries the rate in `referralShare` until `decodeZones` normalises it.
    static func decodeZone(_ reader: NodeReader) -> Zone? {
        guard let zone = reader.mapping(keys: zoneKeys) else { return nil }
        let defaults = Zone(name: "", referralShare: 0, travelMinutesPerVisit: 0, labourPoolPerWeek: 0)
        let name = zone.required("name")?.name(expected: "a name for the zone")
        let share: Double?
        switch (zone.has("referral_share"), zone.has("referrals_per_week")) {
        case (true, true):
            zone.report("give either referral_share or referrals_per_week, not both.")
            share = nil
        case (false, true):
            share = zone.optional("referrals_per_week")?
                .number(.nonNegative("number of referrals a week", atMost: ScenarioLimits.referralsPerWeek))
        default:
            share = zone.required("referral_share")?.number(.unitInterval("share"))
        }
        let rurality = zone.optional("rurality")?.choice(Zone.Rurality.self) ?? defaults.rurality
        let travel = zone.optional("travel_minutes_per_visit")?
            .number(.nonNegative("number of minutes", atMost: ScenarioLimits.travelMinutesPerVisit))
            ?? Zone.defaultTravelMinutes(rurality)
        let referenceCaseload = zone.optional("reference_caseload")?.number(.positive("number of customers"))
            ?? defaults.referenceCaseload
        let labourPool = zone.required("labour_pool_per_week")?
            .number(.nonNegative("number of people a week", atMost: ScenarioLimits.peoplePerWeek))
        let centroidReader = zone.optional("centroid")
        let centroid = centroidReader.flatMap(decodePlace)
        guard let name, let share, let labourPool, centroidReader == nil || centroid != nil else { return nil }
        return Zone(name: name, referralShare: share, rurality: rurality, travelMinutesPerVisit: travel,
                    referenceCaseload: referenceCaseload, labourPoolPerWeek: labourPool, location: centroid)
    }

    /// `{latitude, longitude}` in decimal degrees (WGS84), or `{easting, northing}` in metres
    /// on the British National Grid.
    static func decodePlace(_ reader: NodeReader) -> Place? {
        let expected = "a mapping {latitude, longitude} or {easting, northing}"
        let grid = reader.peekChild("easting") != nil || reader.peekChild("northing") != nil
        let keys = grid ? ["easting", "northing"] : ["latitude", "longitude"]
        guard let point = reader.mapping(keys: keys, expected: expected) else { return nil }
        if grid {
            let easting = point.required("easting")?.number(.between(0, 700_000, "easting in metres (British National Grid)"))
            let northing = point.required("northing")?.number(.between(0, 1_300_000, "northing in metres (British National Grid)"))
            guard let easting, let northing else { return nil }
            return .grid(easting: easting, northing: northing)
        }
        let latitude = point.required("latitude")?.number(.between(-90, 90, "latitude in degrees"))
        let longitude = point.required("longitude")?.number(.between(-180, 180, "longitude in degrees"))
        guard let latitude, let longitude else { return nil }
        return .geographic(latitude: latitude, longitude: longitude)
    }

    /// A list of zone names, or the word `all`, as sorted unique zone indices. Each name is
    /// resolved by `resolve` (zones only, or an option's areas too).
    static func zoneSet(_ reader: NodeReader, _ context: Context, what: String = "zone names",
                        resolve: (NodeReader) -> [Int]?) -> [Int]? {
        if reader.text?.trimmingWhitespace == "all" {
            return Array(0..<context.zoneCount)
        }
        guard let elements = reader.list(expected: "a list of \(what), or all") else { return nil }
        var indices = Set<Int>()
        var valid = true
        for element in elements {
            if let resolved = resolve(element) { indices.formUnion(resolved) } else { valid = false }
        }
        return valid ? indices.sorted() : nil
    }
}
