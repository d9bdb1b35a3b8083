import Foundation

extension ScenarioLoader {
    static let localityKeys = ["name", "share", "centroid"]
    static let dayTravelKeys = ["road_factor", "speed_km_per_hour", "local_km", "standard_minutes", "reach_minutes",
                                "choice"]
    static let dayTransportKeys = ["cost_per_mile", "cost_per_vehicle_day", "people_per_vehicle", "cost_per_trip",
                                   "cost_per_attendance"]

    /// `localities`: a list of `{name, share, centroid}`; one locality, `all`, when left out.
    /// With more than one, every locality needs a centroid (travel is worked out from them).
    static func decodeLocalities(_ reader: NodeReader?, _ names: DayNames) -> [DayLocality]? {
        guard let reader else {
            var table = NameTable(kind: "a locality")
            table.add("all", at: 0)
            names.localities = table
            return [DayLocality(name: "all", place: nil, share: 1)]
        }
        guard let elements = reader.nonEmptyList(of: "locality") else { return nil }
        names.localities = NameTable.build(from: elements, kind: "a locality", plural: "localities")
        let several = elements.count > 1
        let localities = elements.map { element -> DayLocality? in
            guard let l = element.mapping(keys: localityKeys) else { return nil }
            let name = l.required("name")?.name(expected: "a name for the locality")
            let share = (several ? l.required("share") : l.optional("share"))?.number(.unitInterval("share of referrals"))
            let centroidReader = several ? l.required("centroid") : l.optional("centroid")
            let place = centroidReader.flatMap(decodePlace)
            guard let name, share != nil || !several, centroidReader == nil || place != nil,
                  !several || place != nil else { return nil }
            return DayLocality(name: name, place: place, share: share ?? 1)
        }
        let sum = several ? checkShares(of: reader, elements, key: "share") : 1
        guard let sum, localities.allSatisfy({ $0 != nil }) else { return nil }
        let places = localities.compactMap { $0!.place }
        if places.contains(where: \.isGrid) && places.contains(where: { !$0.isGrid }) {
            reader.report("some localities' centroids are latitude and longitude and others eastings and northings; "
                          + "give every centroid in one system.")
            return nil
        }
        return localities.map { locality in
            var locality = locality!
            locality.share /= sum
            return locality
        }
    }

    /// `travel` and `transport`: how far people go and what council transport costs; the flat
    /// `transport_cost_per_attendance` of earlier scenarios is `transport.cost_per_attendance`.
    static func decodeDayTravel(_ travelReader: NodeReader?, _ transportReader: NodeReader?,
                                flat: NodeReader?) -> DayTravel? {
        var travel = DayTravel()
        var valid = true
        if let reader = travelReader {
            guard let r = reader.mapping(keys: dayTravelKeys) else { return nil }
            func read(_ key: String, _ rule: NumberRule) -> Double? { optionalNumber(r, key, rule, valid: &valid) }
            travel.roadFactor = read("road_factor", .atLeast(1, "road distance over straight-line distance"))
                ?? travel.roadFactor
            travel.speedKmPerHour = read("speed_km_per_hour", .positive("speed in km an hour", atMost: 200))
                ?? travel.speedKmPerHour
            travel.localKilometres = read("local_km", .nonNegative("distance in km", atMost: 1000))
                ?? travel.localKilometres
            travel.standardMinutes = read("standard_minutes", .positive("number of minutes", atMost: ScenarioLimits.matrixMinutes))
                ?? travel.standardMinutes
            travel.reachMinutes = read("reach_minutes", .positive("number of minutes", atMost: ScenarioLimits.matrixMinutes))
            if let choiceReader = r.optional("choice") {
                if let choice = choiceReader.choice(DayTravel.Choice.self) { travel.choice = choice } else { valid = false }
            }
        }
        if let reader = transportReader {
            if flat != nil {
                reader.report("give the flat cost as transport.cost_per_attendance or as transport_cost_per_attendance, "
                              + "not both.")
                valid = false
            }
            guard let r = reader.mapping(keys: dayTransportKeys) else { return nil }
            func read(_ key: String, _ rule: NumberRule) -> Double? { optionalNumber(r, key, rule, valid: &valid) }
            travel.costPerMile = read("cost_per_mile", .nonNegative("amount in £ a vehicle mile")) ?? 0
            travel.peoplePerVehicle = read("people_per_vehicle", .between(1, 100, "number of people sharing a run")) ?? 1
            travel.costPerTrip = read("cost_per_trip", .nonNegative("amount in £ a one-way trip")) ?? 0
            travel.costPerAttendance = read("cost_per_attendance", .nonNegative("amount in £ a day")) ?? 0
            travel.costPerVehicleDay = read("cost_per_vehicle_day", .nonNegative("amount in £ a vehicle day")) ?? 0
        }
        if let flat {
            if let cost = flat.number(.nonNegative("amount in £ a day")) { travel.costPerAttendance = cost } else { valid = false }
        }
        return valid ? travel : nil
    }

    /// The number under `key`, if it is there; a value that breaks `rule` is reported and
    /// clears `valid`.
    static func optionalNumber(_ r: MappingReader, _ key: String, _ rule: NumberRule, valid: inout Bool) -> Double? {
        guard let node = r.optional(key) else { return nil }
        let value = node.number(rule)
        if value == nil { valid = false }
        return value
    }

    /// `open_days` or a provider's `days`: a list of `mon` … `sun`.
    static func decodeWeekdays(_ reader: NodeReader) -> Weekdays? {
        let expected = "a list of days of the week from mon, tue, wed, thu, fri, sat, sun"
        guard let items = reader.list(expected: expected) else { return nil }
        var mask: UInt8 = 0
        var valid = !items.isEmpty
        if items.isEmpty { reader.report("no days are listed; expected \(expected).") }
        for item in items {
            guard let text = item.name(expected: "a day of the week") else { valid = false; continue }
            guard let d = Weekdays.names.firstIndex(of: text.lowercased()) else {
                item.report("\(Excerpt.quoted(text)) is not a day of the week; expected one of mon, tue, wed, thu, fri, sat, sun.")
                valid = false
                continue
            }
            if mask & (1 << UInt8(d)) != 0 {
                item.report("\(Excerpt.quoted(text)) is listed twice; list each day once.")
                valid = false
            }
            mask |= 1 << UInt8(d)
        }
        return valid ? Weekdays(mask: mask) : nil
    }

    /// A provider's places a day: a number shared by every level, or `{level: places}`, plus
    /// `groups: {level: sessions}` at levels with a group size; nil places for a level mean none.
    static func decodeProviderPlaces(_ p: MappingReader, _ levels: [SupportLevel]?,
                                     _ names: DayNames) -> (shared: Int, byLevel: [Int]?)? {
        let rule = NumberRule.nonNegative("whole number of places a day", atMost: ScenarioLimits.workers)
        let placesReader = p.optional("places")
        let groupsReader = p.optional("groups")
        if placesReader == nil && groupsReader == nil {
            p.reportMissing("places")
            return nil
        }
        var byLevel: [Int]?
        var shared = 0
        var valid = true
        if let placesReader {
            if case .mapping = placesReader.node {
                guard let entries = placesReader.entries(expected: "a number of places a day, or a mapping from levels to places")
                else { return nil }
                var counts = [Int](repeating: 0, count: names.levels.count)
                for entry in entries {
                    let index = names.levels.resolve(entry.key)
                    let places = entry.value.wholeNumber(rule)
                    if let index, let places { counts[index] = places } else { valid = false }
                }
                byLevel = counts
            } else if let places = placesReader.wholeNumber(rule) {
                shared = places
            } else {
                valid = false
            }
        }
        if let groupsReader {
            if placesReader != nil && byLevel == nil {
                groupsReader.report("groups add places at a level; give the provider's other places by level too, "
                                    + "e.g. places: {one to one: 4}.")
                return nil
            }
            guard let entries = groupsReader.entries(expected: "a mapping from levels to a number of group sessions a day")
            else { return nil }
            var counts = byLevel ?? [Int](repeating: 0, count: names.levels.count)
            for entry in entries {
                let index = names.levels.resolve(entry.key)
                let sessions = entry.value.wholeNumber(.nonNegative("whole number of group sessions a day", atMost: 100_000))
                guard let index, let sessions else { valid = false; continue }
                guard let size = levels?[index].groupSize else {
                    if levels != nil {
                        entry.key.report("the level \(Excerpt.quoted(names.levels.name(at: index))) has no group_size; "
                                         + "give its places instead, or a group_size for the level.")
                    }
                    valid = false
                    continue
                }
                counts[index] += sessions * size
            }
            byLevel = counts
        }
        guard valid, names.levels.isComplete || byLevel == nil else { return nil }
        return (shared, byLevel)
    }
}
