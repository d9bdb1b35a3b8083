import Foundation

/// Where a job's checkpoint is kept, and the one way every job's is saved, read back and
/// checked, and removed: a hidden folder `.NAME.resume` beside results folder `NAME` holding
/// `checkpoint.json` (the job's record) and `state.bin` (its exact state), written atomically
/// (`CheckpointFolder`).
///
/// Reading one back checks, in order, that it is a checkpoint of this kind of job, that it was
/// saved from the same scenario file and overrides, seed and replications, then the job's own
/// fields (`ResumableJob.checks`), then the build, then that `state.bin` is the file that was
/// saved; the first that differs is the error.
public struct CheckpointStore<Job: ResumableJob> {
    public let job: Job
    /// The checkpoint's folder.
    public let location: URL
    /// SHA-256 of the scenario file and overrides the job runs.
    public let scenarioSHA256: String

    /// The store of `job`'s checkpoint at `location` (see `CheckpointFolder.location(for:)`).
    public init(_ job: Job, at location: URL, scenarioSHA256: String) {
        self.job = job
        self.location = location
        self.scenarioSHA256 = scenarioSHA256
    }

    /// The store of the checkpoint of `job` writing results folder `folder`.
    public init(_ job: Job, resultsFolder folder: URL, scenarioSHA256: String) {
        self.init(job, at: CheckpointFolder.location(for: folder), scenarioSHA256: scenarioSHA256)
    }

    /// Saves `checkpoint`, replacing what was saved before.
    public func save(_ checkpoint: Job.Checkpoint) throws {
        var archive = StateArchive()
        job.archive(checkpoint, into: &archive)
        try CheckpointFolder.write(state: archive.data, record: job.record(of: checkpoint, scenarioSHA256: scenarioSHA256),
                                   to: location)
    }

    /// The saved checkpoint, or nil when there is none. Throws when there is one but it belongs
    /// to another job or cannot be read.
    public func read() throws(CheckpointError) -> Job.Checkpoint? {
        guard let record = try CheckpointFolder.record(Job.Record.self, at: location,
                                                       what: "the record of a stopped \(Job.noun)") else { return nil }
        guard record.kind == Job.kind else {
            throw .damaged("\(location.path) holds a stopped \(Self.noun(ofKind: record.kind)), not a \(Job.noun)")
        }
        try CheckpointFolder.checkOrigin(record, scenarioSHA256: scenarioSHA256, seed: job.seed,
                                         replications: job.replications, and: try job.checks(record), at: location)
        var reader = StateArchiveReader(try CheckpointFolder.state(at: location, record: record))
        return try job.restore(record, from: &reader, at: location)
    }

    /// Deletes the checkpoint, if any (after the job it saved has finished).
    public func remove() {
        try? FileManager.default.removeItem(at: location)
    }

    /// The job a record's `kind` names, for a checkpoint of the wrong kind.
    private static func noun(ofKind kind: String) -> String {
        switch kind {
        case RunJob.kind: return RunJob.noun
        case SweepJob.kind: return SweepJob.noun
        case SolveJob.kind: return SolveJob.noun
        default: return kind
        }
    }
}
