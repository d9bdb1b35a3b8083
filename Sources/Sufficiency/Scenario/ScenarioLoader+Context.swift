import Foundation

extension ScenarioLoader {
    /// What one load has learnt so far, shared by the section decoders: the issue log, the
    /// names later sections refer to, and the extra files read.
    final class Context {
        let log: IssueLog
        /// The scenario file as the user named it.
        let fileName: String
        /// The scenario's folder, where the files it includes and the data files it names are
        /// found (those named in an included file, below that file's folder); nil means the
        /// folder of `fileName`.
        let baseDirectory: URL?

        /// The first day of the run, once `calendar.start` has been read (to turn dates into days).
        var calendarStart: Date?
        /// The zones' names; incomplete until `zones` has been read.
        var zones = NameTable(kind: "a zone", isComplete: false)
        /// How many zones the scenario lists.
        var zoneCount = 0
        /// The zones' centroids, where given.
        var zonePlaces: [Place?] = []
        /// The county's referrals a week when the zones give their own rates.
        var zoneReferralsPerWeek: Double?
        /// The reach of providers that do not give their own (`workforce.reach`).
        var defaultReach = 1.0
        /// The providers' names; incomplete until `providers` has been read.
        var providers = NameTable(kind: "a provider", isComplete: false)
        /// The zones each provider serves (by provider position), nil where they could not be read.
        var providerZones: [[Int]?] = []
        /// The options' names; incomplete until `options` has been read.
        var options = NameTable(kind: "an option", isComplete: false)
        /// The client groups' names; incomplete until `demand.client_groups` has been read.
        var clientGroups = NameTable(kind: "a client group", isComplete: false)
        /// The bytes of the data files the scenario names (a caseload CSV), for its fingerprint
        /// (the files it includes are the document's).
        var extraInputs: [Data] = []
        /// The key paths of lists given as CSV files that could not be read (`providers`,
        /// `options[1].contracts`); their problems are reported, so their decoders say nothing more.
        var unreadTableFiles: Set<String> = []

        init(log: IssueLog, fileName: String, baseDirectory: URL?) {
            self.log = log
            self.fileName = fileName
            self.baseDirectory = baseDirectory
        }

        /// Where the file the scenario names as `relativePath` is, and how messages show it
        /// (relative to the current directory when the scenario file's path was). Paths that
        /// lead outside the scenario's folder are refused before this (`readDataFile`).
        func locate(_ relativePath: String) -> (url: URL, shown: String) {
            if let baseDirectory {
                let url = baseDirectory.appendingPathComponent(relativePath)
                return (url, url.path)
            }
            let folder = (fileName as NSString).deletingLastPathComponent
            let shown = folder.isEmpty ? relativePath : (folder as NSString).appendingPathComponent(relativePath)
            return (URL(fileURLWithPath: shown), shown)
        }

        /// The name of the zone at `index`, for messages.
        func zoneName(_ index: Int) -> String {
            zones.names.first { zones.index(of: $0) == index } ?? "zone \(index)"
        }
    }
}
