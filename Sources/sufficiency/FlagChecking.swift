import ArgumentParser
import Sufficiency

/// Turns flags outside their limits into exit status 2 (bad input), every problem printed at
/// once, before any scenario is run or anything written.
enum FlagChecking {
    /// `also`: problems with the command's other flags, printed with these.
    static func check(_ flags: RunFlags, shard: String? = nil, also: [FlagProblem] = []) throws {
        var problems = flags.problems + also
        if let shard {
            do { _ = try Shard(parsing: shard) } catch {
                problems.append(FlagProblem(flag: "--shard", value: shard,
                                            expected: "K/N with 1 ≤ K ≤ N ≤ \(Shard.largestCount), e.g. 3/10"))
            }
        }
        guard problems.isEmpty else {
            Terminal.standardError(FlagError(problems).description)
            throw ExitCode(2)
        }
    }

    /// `settings` with `flags` applied; the flags must have passed `check`.
    static func applied(_ flags: RunFlags, to settings: RunSettings) throws -> RunSettings {
        do {
            return try flags.applied(to: settings)
        } catch {
            Terminal.standardError(error.description)
            throw ExitCode(2)
        }
    }
}
