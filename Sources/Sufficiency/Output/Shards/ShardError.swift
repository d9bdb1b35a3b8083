/// A problem with a shard specification or with shard folders being merged; the message names
/// the folder and what was expected.
public enum ShardError: Error, CustomStringConvertible, Equatable {
    /// `--shard` was not "K/N" with 1 ≤ K ≤ N.
    case badSpecification(text: String)
    /// A folder has no readable shard.json, or it is not a shard's.
    case notAShard(path: String, reason: String)
    /// Two shards disagree on something that must be the same for all (scenario, seed, …).
    case mismatch(path: String, field: String, value: String, expected: String, reference: String)
    /// The shards given do not make up a whole run.
    case incomplete(count: Int, missing: [Int], duplicated: [Int])
    /// A shard's cells file is missing or not the size its shard.json says.
    case damagedCells(path: String, reason: String)
    /// A number or checksum in shard.json is out of bounds or inconsistent with the others.
    case outOfBounds(path: String, field: String, value: String, expected: String)
    /// The scenario file shard.json names is outside the folders merge may read.
    case scenarioOutside(path: String)
    /// The scenario file the shards ran is no longer the same.
    case scenarioChanged(path: String, expected: String, found: String)
    /// More than one of the above, reported together.
    indirect case several([ShardError])

    public var description: String {
        switch self {
        case let .badSpecification(text):
            return "--shard \"\(Excerpt.of(text))\" is not allowed; expected K/N with 1 ≤ K ≤ N ≤ \(Shard.largestCount), e.g. 3/10."
        case let .notAShard(path, reason):
            return "\(path) is not a shard folder: \(reason)."
        case let .mismatch(path, field, value, expected, reference):
            return "\(path)/shard.json: \(field) is \(value), but \(reference) has \(expected); "
                + "every shard of a run must come from the same scenario, seed, replications and build."
        case let .incomplete(count, missing, duplicated):
            var parts: [String] = []
            if !missing.isEmpty { parts.append("shard\(missing.count == 1 ? "" : "s") \(list(missing)) of \(count) missing") }
            if !duplicated.isEmpty { parts.append("shard\(duplicated.count == 1 ? "" : "s") \(list(duplicated)) given more than once") }
            return "The shards do not make up the whole run: \(parts.joined(separator: "; ")). Give each of the \(count) shard folders once."
        case let .damagedCells(path, reason):
            return "\(path): \(reason); run that shard again."
        case let .outOfBounds(path, field, value, expected):
            return "\(path)/shard.json: \(field) is \(value), expected \(expected); the shard record is damaged, run that shard again."
        case let .scenarioOutside(path):
            return "The shards name the scenario file \(Excerpt.of(path, limit: 120)), which is outside the current folder "
                + "and the shard folders given, so merge does not read it; give the scenario the shards ran with "
                + "--scenario FILE (its SHA-256 must be the shards')."
        case let .scenarioChanged(path, expected, found):
            return "\(path), or a file it includes or names, has changed since the shards ran (SHA-256 \(found), "
                + "shards have \(Excerpt.of(expected))); "
                + "merge with the scenario the shards ran (--scenario), or run the shards again."
        case let .several(problems):
            return "\(problems.count) problems with the shards:\n" + problems.map { "  " + $0.description }.joined(separator: "\n")
        }
    }

    private func list(_ numbers: [Int]) -> String {
        numbers.map(String.init).joined(separator: ", ")
    }
}
