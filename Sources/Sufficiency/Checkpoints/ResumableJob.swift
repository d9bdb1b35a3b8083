import Foundation

/// Work that can be stopped part way and resumed to the same bytes as work never stopped: a run,
/// a sweep or a solve. A job says what it keeps when stopped (`Checkpoint`), the record that
/// says which work that belongs to (`Record`, `checkpoint.json`), how the two are written and
/// read back, and how far a checkpoint got, in words. `CheckpointStore` keeps one on disk for
/// any job, and `Resumption` is the workflow every command that resumes follows.
public protocol ResumableJob {
    /// What a stopped job keeps: the exact state it continues from.
    associatedtype Checkpoint
    /// `checkpoint.json`: which job a checkpoint belongs to and how far it got.
    associatedtype Record: Codable & CheckpointOrigin

    /// The record's `kind`, which tells a stopped run, sweep and solve apart.
    static var kind: String { get }
    /// The job in messages: "run", "sweep", "solve".
    static var noun: String { get }
    /// Where the job starts when there is nothing saved to resume: "the first replication".
    static var firstStep: String { get }
    /// What a checkpoint keeps, in messages: "replications", "points", "evaluations".
    static var kept: String { get }

    /// The master seed and the replications of every evaluation, which a checkpoint must share.
    var seed: UInt64 { get }
    var replications: Int { get }

    /// The record of `checkpoint` for this job, on a scenario file and overrides hashing to
    /// `scenarioSHA256` (its `stateSHA256` is set when saved).
    func record(of checkpoint: Checkpoint, scenarioSHA256: String) -> Record
    /// `checkpoint`'s exact state, as `restore` reads it back.
    func archive(_ checkpoint: Checkpoint, into archive: inout StateArchive)
    /// What else `record` must share with this job beyond the scenario, seed, replications and
    /// build (field, saved value, this job's value), checked in that order after the
    /// replications.
    func checks(_ record: Record) throws(CheckpointError) -> [(field: String, saved: String, now: String)]
    /// The checkpoint `record` and the state in `reader` hold, for this job; throws when they
    /// do not fit it (`location` names it in the message).
    func restore(_ record: Record, from reader: inout StateArchiveReader, at location: URL) throws(CheckpointError) -> Checkpoint

    /// How far `checkpoint` got, as "Stopped after …" says it: "131 of 400 replications".
    func done(_ checkpoint: Checkpoint) -> String
    /// How far `checkpoint` got, as "Resuming … from …" says it: "131 of 400 replications done".
    func resumed(_ checkpoint: Checkpoint) -> String
    /// Whether `checkpoint` holds nothing finished, so there is nothing to save.
    func isEmpty(_ checkpoint: Checkpoint) -> Bool
}
