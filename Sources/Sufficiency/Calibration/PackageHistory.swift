import Foundation

/// A council's package history read from CSV: one row per package, columns named by the header
/// in any order (see docs/CALIBRATION.md).
public struct PackageHistory: Sendable {
    /// The columns every file has.
    public static let requiredColumns = ["package_id", "person_id", "zone", "client_group", "start_date",
                                         "end_date", "hours_per_week", "provider"]
    /// Columns a file may have.
    public static let optionalColumns = ["end_reason"]

    public var packages: [PackageRecord]
    /// The file as the user named it.
    public var file: String
    /// The latest start or end date in the file, in days since 1970.
    public var latestDay: Int

    /// Reads the file at `path`, reporting every problem in it at once.
    public static func load(path: String) throws(CalibrationError) -> PackageHistory {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CalibrationError(issues: [ScenarioIssue(keyPath: "", message: "\(path) cannot be read: \(error.localizedDescription).")],
                                   file: path)
        }
        return try read(data, file: path)
    }

    /// Reads the bytes of a package file named `file` (in messages).
    public static func read(_ data: Data, file: String) throws(CalibrationError) -> PackageHistory {
        let text: String
        switch UTF8Text.decode(data) {
        case .success(let decoded): text = decoded
        case .failure(let problem):
            throw CalibrationError(issues: [ScenarioIssue(location: SourceLocation(file: file, line: problem.line, column: problem.column),
                                                          keyPath: "", message: problem.message)], file: file)
        }
        let table = CSVTable(text: text)
        var issues: [ScenarioIssue] = []
        func report(_ line: Int, _ column: Int, _ key: String, _ value: String?, _ message: String) {
            guard issues.count < ScenarioLimits.keptProblems else { return }
            issues.append(ScenarioIssue(location: SourceLocation(file: file, line: line, column: column),
                                        keyPath: key, value: value, message: message))
        }
        if let (line, column) = table.unclosedQuote {
            report(line, column, "", nil, "a quoted field is never closed; add the closing \".")
        }
        guard let header = table.records.first else {
            report(1, 1, "", nil, "the file is empty; expected a header naming the columns "
                   + requiredColumns.joined(separator: ", ") + ".")
            throw CalibrationError(issues: issues, file: file)
        }
        var position: [String: Int] = [:]
        let known = Set(requiredColumns + optionalColumns)
        for (i, field) in header.fields.enumerated() {
            let name = field.text.lowercased()
            if !known.contains(name) {
                let hint = DidYouMean.suggestion(for: name, among: Array(known)).map { " (did you mean '\($0)'?)" } ?? ""
                report(field.line, field.column, name, field.text, "'\(field.text)' is not a column of a package file\(hint); "
                       + "expected " + (requiredColumns + optionalColumns).joined(separator: ", ") + ".")
            } else if position[name] != nil {
                report(field.line, field.column, name, field.text, "the column '\(name)' is named twice.")
            } else {
                position[name] = i
            }
        }
        let missing = requiredColumns.filter { position[$0] == nil }
        if !missing.isEmpty {
            report(header.line, 1, "", nil, "the header lacks the column\(missing.count == 1 ? "" : "s") "
                   + missing.joined(separator: ", ") + "; every package file has "
                   + requiredColumns.joined(separator: ", ") + ".")
        }
        var packages: [PackageRecord] = []
        var firstLine: [String: Int] = [:]
        var latest = Int.min
        let width = header.fields.count
        for record in table.records.dropFirst() {
            if record.fields.count != width {
                report(record.line, 1, "", nil, "this row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"); "
                       + "the header names \(width) columns.")
                continue
            }
            guard missing.isEmpty else { continue }
            func field(_ name: String) -> CSVTable.Field { record.fields[position[name]!] }
            func text(_ name: String) -> String? {
                let f = field(name)
                if f.text.isEmpty {
                    report(f.line, f.column, name, nil, "the \(name) is empty; every package needs one.")
                    return nil
                }
                return f.text
            }
            func day(_ name: String) -> Int? {
                let f = field(name)
                guard let date = ISODate.parse(f.text) else {
                    report(f.line, f.column, name, f.text, "'\(f.text)' is not a date; expected yyyy-mm-dd, e.g. 2024-04-01.")
                    return nil
                }
                return ISODate.days(from: Date(timeIntervalSince1970: 0), to: date)
            }
            let id = text("package_id")
            let person = text("person_id"), zone = text("zone"), group = text("client_group"), provider = text("provider")
            var start: Int?
            if field("start_date").text.isEmpty { _ = text("start_date") } else { start = day("start_date") }
            var end: Int?
            var endRead = true
            if !field("end_date").text.isEmpty {
                end = day("end_date")
                endRead = end != nil
            }
            let hoursField = field("hours_per_week")
            var hours: Double?
            if let value = Double(hoursField.text), value.isFinite, value > 0, value <= ScenarioLimits.hoursPerWeek {
                hours = value
            } else {
                report(hoursField.line, hoursField.column, "hours_per_week", hoursField.text.isEmpty ? nil : hoursField.text,
                       "'\(hoursField.text)' is not allowed; expected a number of hours a week above 0 and at most "
                       + "\(NumberRule.format(ScenarioLimits.hoursPerWeek)).")
            }
            if let start, let last = end, last < start {
                let f = field("end_date")
                report(f.line, f.column, "end_date", f.text, "the package ends before it starts (\(field("start_date").text)).")
                continue
            }
            if let id {
                if let earlier = firstLine[id] {
                    let f = field("package_id")
                    report(f.line, f.column, "package_id", id, "the package id '\(id)' is also on line \(earlier); each package needs its own id.")
                    continue
                }
                firstLine[id] = record.line
            }
            guard let id, let person, let zone, let group, let provider, let start, let hours, endRead else { continue }
            let last = end
            latest = max(latest, start, last ?? start)
            let reason = position["end_reason"].map { record.fields[$0].text }.flatMap { $0.isEmpty ? nil : $0 }
            packages.append(PackageRecord(id: id, person: person, zone: zone, clientGroup: group, start: start, end: last,
                                          hoursPerWeek: hours, provider: provider, endReason: reason))
        }
        if issues.isEmpty, packages.isEmpty {
            report(header.line, 1, "", nil, "the file has a header but no packages.")
        }
        if !issues.isEmpty { throw CalibrationError(issues: issues, file: file) }
        return PackageHistory(packages: packages, file: file, latestDay: latest)
    }
}
