import Foundation

/// What a run studied, for its report's "what was run" and "how this was produced" sections:
/// the scenario's own description, its options, its time frame and the inputs its file marks
/// as assumptions. Recorded in `manifest.json` so a report can be rebuilt from the folder alone.
public struct StudyRecord: Codable, Sendable, Equatable {
    public var scenarioName: String
    public var description: String
    /// `home_care` or `day_opportunities`.
    public var service: String
    /// Each option's description, in output order.
    public var optionDescriptions: [String]
    /// First day of the run (ISO date), days run, reporting period, days of warm-up before it.
    public var start: String
    public var horizonDays: Int
    public var period: String
    public var warmUpDays: Int
    /// The scenario file's lines whose comment marks an assumption, as written (trimmed), then
    /// those of the files it includes, each after its file's path and a colon
    /// (`scenarios/markets/wiltshire.yaml: annual_turnover: 0.291  # assumption: …`).
    public var assumptions: [String]
    /// The files the scenario includes, in the order first read; nil when it includes none
    /// (so a manifest without includes reads as before).
    public var includedFiles: [String]?

    /// - Parameters:
    ///   - fileText: the scenario file's text, nil when it cannot be read.
    ///   - includedFiles: the files it includes, as the loader read them.
    public init(scenario: Scenario, fileText: String?, includedFiles: [IncludedFile] = []) {
        scenarioName = scenario.name
        description = scenario.description
        service = scenario.service.name
        optionDescriptions = scenario.options.map(\.description)
        start = CSVFormat.date(scenario.calendar.start)
        horizonDays = scenario.calendar.horizonDays
        period = scenario.calendar.period.rawValue
        warmUpDays = scenario.calendar.warmUpDays
        // A file included twice (by two files that share it) is listed once.
        var seen = Set<String>()
        let files = includedFiles.filter { seen.insert($0.path).inserted }
        assumptions = StudyRecord.assumptions(in: fileText ?? "")
            + files.flatMap { file in StudyRecord.assumptions(in: file.text).map { "\(file.path): \($0)" } }
        self.includedFiles = files.isEmpty ? nil : files.map(\.path)
    }

    /// The lines of `text` that mark an assumption, trimmed: a value whose comment mentions an
    /// assumption (`rate: 26.75   # assumption: the bid`, or `# bid (assumption)`), the comment
    /// possibly continued on comment lines lined up under it; and a comment line of its own that
    /// starts `# assumption:` (one not tied to a single value). Other comment lines that mention
    /// assumptions explain a section and are not listed.
    static func assumptions(in text: String) -> [String] {
        var out: [String] = []
        // The value line whose comment the next lines may continue, its comment's column, and
        // whether it is listed already.
        var open: (line: String, column: Int, listed: Bool)?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let hash = line.firstIndex(of: "#") else { open = nil; continue }
            let column = line.distance(from: line.startIndex, to: hash)
            let comment = line[line.index(after: hash)...].trimmingCharacters(in: .whitespaces).lowercased()
            let marks = comment.contains("assumption")
            let code = line[..<hash].trimmingCharacters(in: .whitespaces)
            if code.isEmpty {
                if var value = open, value.column == column {
                    if marks && !value.listed { out.append(value.line); value.listed = true }
                    open = value
                    continue
                }
                open = nil
                if comment.hasPrefix("assumption:") { out.append(line.trimmingCharacters(in: .whitespaces)) }
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if marks { out.append(trimmed) }
            open = (trimmed, column, marks)
        }
        return out
    }
}
