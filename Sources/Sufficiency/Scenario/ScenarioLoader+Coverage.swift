import Foundation

extension ScenarioLoader {
    static let coverageKeys = ["standard_minutes", "road_factor", "speed_km_per_hour", "travel_matrix", "sites",
                               "site_capacity_hours", "additions", "option", "site_objective"]
    static let speedKeys = Zone.Rurality.allCases.map(\.rawValue)

    /// `coverage`: the travel-time standard and how travel is estimated (from the zones'
    /// centroids, or a travel-time matrix CSV), and the candidate sites for new capacity (every
    /// zone centroid and provider base, or a sites CSV). Needs centroids unless a matrix is given.
    static func decodeCoverage(_ reader: NodeReader, zones: [Zone]?, providers: [Provider]?,
                               options: [ProcurementOption]?, _ context: Context) -> CoverageSettings? {
        guard let c = reader.mapping(keys: coverageKeys) else { return nil }
        let d = CoverageSettings()
        let standard = c.optional("standard_minutes")?.number(.positive("number of minutes"))
        let road = c.optional("road_factor")?.number(.atLeast(1, "road distance over straight-line distance"))
        var speeds = d.speedKmPerHour
        var valid = true
        if let speedReader = c.optional("speed_km_per_hour") {
            if let s = speedReader.mapping(keys: speedKeys) {
                for rurality in Zone.Rurality.allCases {
                    guard let r = s.optional(rurality.rawValue) else { continue }
                    if let v = r.number(.positive("speed in km an hour")) { speeds[rurality] = v } else { valid = false }
                }
            } else {
                valid = false
            }
        }
        let matrixReader = c.optional("travel_matrix")
        let matrix = matrixReader.flatMap { readTravelMatrix($0, context) }
        let sitesReader = c.optional("sites")
        let sites = sitesReader.flatMap { readSites($0, context) }
        let capacity = c.optional("site_capacity_hours")?.number(.positive("number of hours a week"))
        let additions = c.optional("additions")?.wholeNumber(.atLeast(1, "whole number of sites"))
        let objectiveReader = c.optional("site_objective")
        let objective = objectiveReader?.choice(SiteObjective.self)
        if objectiveReader != nil && objective == nil { valid = false }
        var option = 0
        if let optionReader = c.optional("option") {
            let names = options?.map(\.name) ?? []
            if let name = optionReader.name(expected: "the name of an option"), let index = names.firstIndex(of: name) {
                option = index
            } else if options != nil {
                optionReader.reject(expected: NodeReader.oneOf(names))
                valid = false
            }
        }
        if matrixReader == nil, let zones, zones.contains(where: { $0.location == nil }) {
            let missing = zones.filter { $0.location == nil }.map { "'\($0.name)'" }
            reader.report("travel times need every zone's centroid or a travel_matrix; no centroid for "
                          + missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "") + ".")
            valid = false
        }
        guard valid, matrixReader == nil || matrix != nil, sitesReader == nil || sites != nil,
              zones != nil, providers != nil else { return nil }
        return CoverageSettings(standardMinutes: standard ?? d.standardMinutes, roadFactor: road ?? d.roadFactor,
                                speedKmPerHour: speeds, matrix: matrix, sites: sites,
                                siteCapacityHours: capacity ?? d.siteCapacityHours, additions: additions ?? d.additions,
                                option: option, siteObjective: objective ?? d.siteObjective)
    }

    /// Reads a CSV file named by `reader` (relative to the scenario's folder): its table and how
    /// messages show it, or nil after reporting why it cannot be read.
    static func readCSVFile(_ reader: NodeReader, what: String, _ context: Context) -> (CSVTable, String)? {
        guard let (text, shown) = readDataFile(reader, what: what, context) else { return nil }
        let table = CSVTable(text: text)
        func issue(_ line: Int, _ column: Int, _ message: String) {
            context.log.add(ScenarioIssue(location: SourceLocation(file: shown, line: line, column: column),
                                          keyPath: "", message: message))
        }
        if let quote = table.unclosedQuote {
            issue(quote.line, quote.column, "a quoted field starts here but its closing quote (\") is missing.")
            return nil
        }
        guard !table.records.isEmpty else {
            issue(1, 1, "the file is empty; expected a header line.")
            return nil
        }
        return (table, shown)
    }

    /// `travel_matrix`: a CSV whose header is `from` then every zone's name, and one row per zone
    /// (its name, then minutes to each zone): square, every entry a non-negative number.
    static func readTravelMatrix(_ reader: NodeReader, _ context: Context) -> [[Double]]? {
        guard let (table, file) = readCSVFile(reader, what: "travel-time matrix", context) else { return nil }
        let zones = context.zones
        guard zones.isComplete else { return nil }
        func issue(_ field: CSVTable.Field, _ message: String) {
            context.log.add(ScenarioIssue(location: SourceLocation(file: file, line: field.line, column: field.column),
                                          keyPath: "", value: field.text, message: message))
        }
        let n = context.zoneCount
        let header = table.records[0].fields
        let blankZone = "an empty value is not allowed; expected the name of a zone (every row and column names one)."

        var columnZone: [Int] = []
        var valid = true
        if header[0].text.trimmingWhitespace.lowercased() != "from" {
            issue(header[0], "the first column of the header must be 'from' (the zone each row starts from), then the zones.")
            valid = false
        }
        for field in header.dropFirst() {
            if let z = zones.index(of: field.text.trimmingWhitespace) {
                if columnZone.contains(z) { issue(field, "the zone \(Excerpt.quoted(field.text)) has a second column."); valid = false }
                columnZone.append(z)
            } else {
                issue(field, field.text.trimmingWhitespace.isEmpty ? blankZone : zones.unknownMessage(field.text.trimmingWhitespace))
                valid = false
            }
        }
        if valid && columnZone.count != n {
            let missing = (0..<n).filter { !columnZone.contains($0) }.map { "'\(zones.names[$0])'" }
            issue(header[0], "the matrix is not square: no column for " + missing.joined(separator: ", ") + ".")
            valid = false
        }
        var matrix = [[Double]](repeating: [Double](repeating: .nan, count: n), count: n)
        var seenRows = Set<Int>()
        for record in table.records.dropFirst() {
            guard let first = record.fields.first else { continue }
            guard let from = zones.index(of: first.text.trimmingWhitespace) else {
                issue(first, first.text.trimmingWhitespace.isEmpty ? blankZone : zones.unknownMessage(first.text.trimmingWhitespace))
                valid = false
                continue
            }
            if !seenRows.insert(from).inserted { issue(first, "the zone \(Excerpt.quoted(first.text)) has a second row."); valid = false }
            if record.fields.count != header.count {
                issue(first, "this row has \(record.fields.count) fields but the header has \(header.count).")
                valid = false
                continue
            }
            for (k, field) in record.fields.dropFirst().enumerated() where k < columnZone.count {
                guard let minutes = NodeReader.parseNumber(field.text.trimmingWhitespace), minutes >= 0, minutes.isFinite
                else {
                    issue(field, "\(field.text.isEmpty ? "an empty value" : Excerpt.quoted(field.text)) is not allowed; "
                          + "expected a non-negative number of minutes.")
                    valid = false
                    continue
                }
                if minutes > ScenarioLimits.matrixMinutes {
                    issue(field, "\(field.text.trimmingWhitespace) is not allowed; expected a non-negative number of "
                          + "minutes, at most \(NumberRule.format(ScenarioLimits.matrixMinutes)) (ten hours); a "
                          + "matrix of seconds should be divided by 60.")
                    valid = false
                    continue
                }
                matrix[from][columnZone[k]] = minutes
            }
        }
        if valid && seenRows.count != n {
            let missing = (0..<n).filter { !seenRows.contains($0) }.map { "'\(zones.names[$0])'" }
            issue(header[0], "the matrix is not square: no row for " + missing.joined(separator: ", ") + ".")
            valid = false
        }
        return valid ? matrix : nil
    }

    /// `sites`: a CSV with the columns `name` and `zone` (the zone the site is in), and optionally
    /// `latitude`,`longitude` or `easting`,`northing` (default: the zone's centroid).
    static func readSites(_ reader: NodeReader, _ context: Context) -> [CandidateSite]? {
        guard let (table, file) = readCSVFile(reader, what: "sites file", context) else { return nil }
        func issue(_ field: CSVTable.Field, _ message: String) {
            context.log.add(ScenarioIssue(location: SourceLocation(file: file, line: field.line, column: field.column),
                                          keyPath: "", value: field.text, message: message))
        }
        let known = ["name", "zone", "latitude", "longitude", "easting", "northing"]
        var columns: [String: Int] = [:]
        var valid = true
        for (i, field) in table.records[0].fields.enumerated() {
            let name = field.text.trimmingWhitespace.lowercased()
            if columns[name] != nil {
                issue(field, "the column \(Excerpt.quoted(name)) appears more than once in the header.")
                valid = false
            } else if known.contains(name) { columns[name] = i } else {
                issue(field, "unknown column \(Excerpt.quoted(field.text)); expected " + known.joined(separator: ", ") + ".")
                valid = false
            }
        }
        guard valid, let nameColumn = columns["name"], let zoneColumn = columns["zone"] else {
            if valid { issue(table.records[0].fields[0], "the sites file needs the columns name and zone.") }
            return nil
        }
        var sites: [CandidateSite] = []
        var siteNames = NameTable(kind: "a site")
        for (row, record) in table.records.dropFirst().enumerated() {
            guard record.fields.count == table.records[0].fields.count else {
                issue(record.fields[0], "this row has \(record.fields.count) fields but the header has "
                      + "\(table.records[0].fields.count).")
                valid = false
                continue
            }
            let zoneField = record.fields[zoneColumn]
            guard let zone = context.zones.index(of: zoneField.text.trimmingWhitespace) else {
                issue(zoneField, "the site is outside every zone: " + context.zones.unknownMessage(zoneField.text))
                valid = false
                continue
            }
            func number(_ column: String, _ low: Double, _ high: Double) -> Double? {
                guard let c = columns[column] else { return nil }
                let field = record.fields[c]
                guard let v = NodeReader.parseNumber(field.text.trimmingWhitespace), v >= low, v <= high else {
                    issue(field, "\(Excerpt.quoted(field.text)) is not allowed; expected \(column) from "
                          + "\(NumberRule.format(low)) to \(NumberRule.format(high)).")
                    valid = false
                    return nil
                }
                return v
            }
            var place: Place?
            let geographic = columns["latitude"] != nil || columns["longitude"] != nil
            let grid = columns["easting"] != nil || columns["northing"] != nil
            let zoneSystemIsGrid = context.zonePlaces.compactMap { $0 }.first?.isGrid
            if (geographic && (columns["latitude"] == nil || columns["longitude"] == nil))
                || (grid && (columns["easting"] == nil || columns["northing"] == nil)) || (geographic && grid) {
                issue(table.records[0].fields[0], "give a site's position as both latitude and longitude, or both "
                      + "easting and northing (or neither, for the zone's centroid).")
                return nil
            }
            if let zoneSystemIsGrid, (geographic && zoneSystemIsGrid) || (grid && !zoneSystemIsGrid) {
                issue(table.records[0].fields[0], "the sites are in a different coordinate system from the zones' "
                      + "centroids; use " + (zoneSystemIsGrid ? "easting and northing." : "latitude and longitude."))
                return nil
            }
            if geographic {
                if let lat = number("latitude", -90, 90), let lon = number("longitude", -180, 180) {
                    place = .geographic(latitude: lat, longitude: lon)
                }
            } else if grid {
                if let e = number("easting", 0, 700_000), let n = number("northing", 0, 1_300_000) {
                    place = .grid(easting: e, northing: n)
                }
            }
            let nameField = record.fields[nameColumn]
            let name = nameField.text.trimmingWhitespace
            if name.isEmpty {
                issue(nameField, "an empty value is not allowed; expected the site's name (sites.csv names each one).")
                valid = false
            } else if let first = siteNames.index(of: name) ?? siteNames.lookalike(of: name) {
                let earlier = table.records[first + 1]
                issue(nameField, "'\(name.visibleEscapes)' is already the name of the site on line \(earlier.line)"
                      + (siteNames.index(of: name) == nil ? " (\(NameReading.difference(name, siteNames.name(at: first))))" : "")
                      + "; each site needs a name a reader can tell apart, or a site would be offered twice.")
                valid = false
            } else {
                siteNames.add(name, at: row)
            }
            sites.append(CandidateSite(name: name, zone: zone, place: place))
        }
        return valid ? sites : nil
    }
}
