import Yams

/// The YAML files one scenario is composed from — the scenario file and the files it
/// includes — so that a node of the merged tree can be placed in the file it was written in.
///
/// Yams marks carry only a line and a column, so files are told apart by line: file `k` (the
/// scenario file is 0, included files follow in the order they are read) has its nodes' lines
/// moved up by `k × 2³²` once it is composed (`shift`). No file has 2³² lines, so a mark's
/// line says which file it is in and the line as written, which `location(of:)` gives back.
/// The scenario file's marks are never moved, so a log without included files reads marks as
/// it always has.
struct SourceMap {
    /// One file of the scenario.
    struct File {
        /// How messages name the file, e.g. `scenarios/markets/wiltshire.yaml` (relative to the
        /// current directory when the scenario file's path was).
        let shown: String
        /// Its folder relative to the scenario file's folder ("" for the scenario file and for
        /// files beside it), where the paths written in it are relative to.
        let folder: String

        /// `path`, written in this file, as a path relative to the scenario file's folder: as
        /// written for the scenario file and files beside it, otherwise after this file's
        /// folder, with `.` and `..` worked out (`markets/../prices.yaml` is `prices.yaml`).
        /// `path` has been checked not to climb out of the scenario's folder.
        func path(of path: String) -> String {
            guard !folder.isEmpty else { return path }
            var parts: [Substring] = []
            for part in "\(folder)/\(path)".split(separator: "/", omittingEmptySubsequences: true) {
                switch part {
                case ".": continue
                case "..": if parts.popLast() == nil { parts.append(part) }
                default: parts.append(part)
                }
            }
            return parts.joined(separator: "/")
        }
    }

    /// The files in the order they were read; the scenario file first.
    private(set) var files: [File]

    /// Lines of one file's block of virtual lines.
    private static let blockShift = 32

    /// A mark at `line` and `column` as written in file `index`, in that file's block of lines
    /// (for nodes made from a data file rather than composed from YAML).
    static func mark(line: Int, column: Int, inFile index: Int) -> Mark {
        Mark.at(line: line + (index << blockShift), column: column)
    }

    /// A map holding only the scenario file, named `scenarioFile`.
    init(scenarioFile: String) {
        files = [File(shown: scenarioFile, folder: "")]
    }

    /// Adds an included file and returns its number, by which `shift` moves its marks.
    mutating func add(_ file: File) -> Int {
        files.append(file)
        return files.count - 1
    }

    /// The number of the file a mark of the merged tree is in (0, the scenario file, for a
    /// line of its own or one outside every file's block).
    func fileIndex(of mark: Mark) -> Int {
        let index = mark.line >> SourceMap.blockShift
        return index > 0 && index < files.count ? index : 0
    }

    /// The file, line and column a mark of the merged tree stands for.
    func location(of mark: Mark) -> SourceLocation {
        let index = fileIndex(of: mark)
        let line = mark.line - (index << SourceMap.blockShift)
        return SourceLocation(file: files[index].shown, line: line, column: mark.column)
    }

    /// `node` with every mark moved into file `index`'s block of lines (a copy: aliases that
    /// share a node in the tree come out as separate copies, which the alias budget keeps small).
    static func shift(_ node: Node, toFile index: Int) -> Node {
        guard index > 0 else { return node }
        let offset = index << blockShift
        func moved(_ mark: Mark?) -> Mark? {
            mark.map { Mark.at(line: $0.line + offset, column: $0.column) }
        }
        func walk(_ node: Node) -> Node {
            switch node {
            case .scalar(var scalar):
                scalar.mark = moved(scalar.mark)
                return .scalar(scalar)
            case .sequence(let sequence):
                return .sequence(Node.Sequence(sequence.map(walk), sequence.tag, sequence.style, moved(sequence.mark)))
            case .mapping(let mapping):
                return .mapping(Node.Mapping(mapping.map { (walk($0.key), walk($0.value)) }, mapping.tag, mapping.style,
                                             moved(mapping.mark)))
            case .alias(var alias):
                alias.mark = moved(alias.mark)
                return .alias(alias)
            }
        }
        return walk(node)
    }
}
