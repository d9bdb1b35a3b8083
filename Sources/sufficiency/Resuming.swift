import ArgumentParser
import Foundation
import Sufficiency

extension Resumption {
    /// The resumption of `job` writing `folder`, for a command: with `resume`, its checkpoint
    /// read back and, unless `quiet`, where it resumes from printed; a checkpoint that cannot
    /// be resumed (another job's, or damaged) is printed and ends the command with status 2.
    static func open(_ job: Job, folder: String, scenarioSHA256: String, resume: Bool, quiet: Bool) throws -> Resumption {
        do {
            let resumption = try Resumption(job, resultsFolder: folder, scenarioSHA256: scenarioSHA256, resume: resume)
            if !quiet, let announcement = resumption.announcement { Terminal.standardError(announcement) }
            return resumption
        } catch {
            let location = CheckpointStore(job, resultsFolder: URL(fileURLWithPath: folder), scenarioSHA256: scenarioSHA256).location
            Terminal.standardError("sufficiency: \(location.path): \(error)")
            throw ExitCode(2)
        }
    }
}

extension Interruption {
    /// Ends a command whose job stopped part way at `checkpoint`: saves it for `--resume` unless
    /// it holds nothing finished, says how far it got, and exits with the signal's status.
    func endStopped<Job>(_ checkpoint: Job.Checkpoint, of resumption: Resumption<Job>, folder: String) throws -> Never {
        try endStopped(done: resumption.done(checkpoint), kept: Job.kept, folder: folder, saved: resumption.location,
                       nothingDone: resumption.isEmpty(checkpoint)) {
            try resumption.save(checkpoint)
        }
    }
}
