import Foundation

/// A job that may continue one stopped before, as every command that resumes runs it: its
/// checkpoint read back when asked to resume, what to tell the user, the save when it is
/// stopped again, and the removal once its results are written.
///
///     let resumption = try Resumption(job, resultsFolder: folder, scenarioSHA256: sha, resume: true)
///     // run from resumption.checkpoint; when stopped: try resumption.save(stopped)
///     // once the results are written: resumption.finish()
public struct Resumption<Job: ResumableJob> {
    public let store: CheckpointStore<Job>
    /// The checkpoint the job continues from: nil when not resuming or nothing is saved.
    public let checkpoint: Job.Checkpoint?
    /// What to tell the user before the job starts: nil when not resuming.
    public let announcement: String?

    /// The job writing results folder `folder` (as the user gave it); with `resume`, reads back
    /// its checkpoint. Throws when there is one but it belongs to another job or cannot be read.
    public init(_ job: Job, resultsFolder folder: String, scenarioSHA256: String, resume: Bool) throws(CheckpointError) {
        store = CheckpointStore(job, resultsFolder: URL(fileURLWithPath: folder), scenarioSHA256: scenarioSHA256)
        guard resume else {
            checkpoint = nil
            announcement = nil
            return
        }
        let saved = try store.read()
        checkpoint = saved
        announcement = saved.map { "Resuming \(folder) from \(job.resumed($0))." }
            ?? "No stopped \(Job.noun) of \(folder) to resume; starting from \(Job.firstStep)."
    }

    /// Where the checkpoint is kept.
    public var location: URL { store.location }

    /// How far `checkpoint` got: "131 of 400 replications".
    public func done(_ checkpoint: Job.Checkpoint) -> String { store.job.done(checkpoint) }

    /// Whether `checkpoint` holds nothing finished, so there is nothing to save.
    public func isEmpty(_ checkpoint: Job.Checkpoint) -> Bool { store.job.isEmpty(checkpoint) }

    /// Saves `checkpoint` of the job stopped again, for the next `--resume`.
    public func save(_ checkpoint: Job.Checkpoint) throws { try store.save(checkpoint) }

    /// Deletes the checkpoint: the job's results are written, so it is of no further use.
    public func finish() { store.remove() }
}
