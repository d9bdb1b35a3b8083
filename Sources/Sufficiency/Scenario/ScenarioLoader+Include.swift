import Foundation
import Yams

extension ScenarioLoader {
    /// The top-level key that names the files a scenario file includes.
    static let includeKey = "include"

    /// The scenario file's tree (`text` is its text) with the files it includes read and
    /// merged in, or nil after reporting why it cannot be made: a YAML syntax error in any of
    /// the files, or an `include` that cannot be followed. Problems with an `include` are
    /// placed at its entry (`include` or `include[1]`) in the file that names it, and
    /// problems of an included file's text at its own line and column. Every include is
    /// tried, so all such problems are reported at once.
    static func composeDocument(_ text: String, _ context: Context) -> ScenarioDocument? {
        guard let root = compose(text, log: context.log) else { return nil }
        var reader = IncludeReader(context: context)
        let scenarioFile = context.log.sources.files[0]
        let merged = reader.resolve(root, in: scenarioFile, chain: [reader.link(to: scenarioFile)])
        guard !reader.failed else { return nil }
        return ScenarioDocument(root: merged, sources: context.log.sources, included: reader.included)
    }
}

/// Follows the `include` keys of a scenario file and of the files it includes, depth first,
/// reading each file, checking it and merging it in.
private struct IncludeReader {
    let context: ScenarioLoader.Context
    var log: IssueLog { context.log }
    /// The files read so far, in order.
    var included: [IncludedFile] = []
    /// Whether any include could not be followed (after which nothing is decoded).
    var failed = false
    /// Whether the limit on included files has been reported (it is reported once).
    private var reportedLimit = false

    init(context: ScenarioLoader.Context) {
        self.context = context
    }

    /// A file on the way from the scenario file to the one being read: where it really is
    /// (symbolic links followed, to recognise it however it is named) and how messages show it.
    struct Link {
        let identity: String
        let shown: String
    }

    /// The link for `file`, which is in the scenario's folder (its `folder`).
    func link(to file: SourceMap.File) -> Link {
        let name = (file.shown as NSString).lastPathComponent
        let url = context.locate(file.folder.isEmpty ? name : "\(file.folder)/\(name)").url
        return Link(identity: url.standardizedFileURL.resolvingSymlinksInPath().path, shown: file.shown)
    }

    /// `node` (the tree of `file`) with its `include` key followed: the files it names merged
    /// in order, later ones over earlier ones, and its own keys over them all.
    mutating func resolve(_ node: Node, in file: SourceMap.File, chain: [Link]) -> Node {
        func isInclude(_ key: Node) -> Bool { key.scalar?.string == ScenarioLoader.includeKey }
        guard case .mapping(let mapping) = node, let include = mapping.first(where: { isInclude($0.key) }) else {
            return node
        }
        let includeReader = NodeReader(node: include.value, keyPath: ScenarioLoader.includeKey, log: log)
        let own = Node.Mapping(mapping.filter { !isInclude($0.key) }.map { ($0.key, $0.value) }, mapping.tag,
                               mapping.style, mapping.mark)
        var base: Node?
        for entry in entries(of: includeReader) {
            guard let included = read(entry, from: file, chain: chain) else { continue }
            base = base.map { IncludeMerge.merge(included, over: $0) } ?? included
        }
        return base.map { IncludeMerge.merge(.mapping(own), over: $0) } ?? .mapping(own)
    }

    /// The entries of an `include` value: one file name, or a list of them (an empty value
    /// includes nothing).
    private mutating func entries(of reader: NodeReader) -> [NodeReader] {
        if reader.isNull { return [] }
        let expected = "the name of a YAML file to include, or a list of them, relative to this file's folder"
        switch reader.node {
        case .scalar:
            return [reader]
        case .sequence:
            return reader.list(expected: expected) ?? []
        default:
            reader.reject(expected: expected)
            failed = true
            return []
        }
    }

    /// The tree of the file `entry` names, its own includes followed and its marks moved into
    /// its block of lines; nil after reporting why it cannot be included.
    private mutating func read(_ entry: NodeReader, from file: SourceMap.File, chain: [Link]) -> Node? {
        guard let path = entry.name(expected: "the name of a YAML file to include, relative to this file's folder")
        else {
            failed = true
            return nil
        }
        func refuse(_ shown: String, _ reason: String) -> Node? {
            entry.report("cannot include '\(shown)': \(reason)")
            failed = true
            return nil
        }
        guard included.count < ScenarioLimits.includedFiles else {
            if reportedLimit {
                failed = true
                return nil
            }
            reportedLimit = true
            return refuse(path, "a scenario may include at most \(ScenarioLimits.includedFiles) files in all, "
                          + "counting the files they include; put the shared sections in fewer files.")
        }
        let relativeTo = chain.count == 1 ? "the scenario" : "this file"
        if let problem = ScenarioLoader.outsideProblem(path, in: file.folder, relativeTo: relativeTo) {
            return refuse(path, problem)
        }
        let relative = file.path(of: path)
        let (url, shown) = context.locate(relative)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue { return refuse(shown, "it is a folder; name a YAML file.") }
        if exists, !context.contains(url) {
            return refuse(shown, "it is a symbolic link to a file outside the scenario's folder; copy the file into "
                          + "the scenario's folder (or a folder below it).")
        }
        let identity = url.standardizedFileURL.resolvingSymlinksInPath().path
        if let start = chain.firstIndex(where: { $0.identity == identity }) {
            // e.g. `a.yaml includes b.yaml, which includes a.yaml`.
            let names = chain[start...].map(\.shown) + [shown]
            let cycle = "\(names[0]) includes \(names[1])" + names.dropFirst(2).map { ", which includes \($0)" }.joined()
            return refuse(shown, "\(cycle); a file cannot include itself, directly or through other files.")
        }
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            return refuse(shown, exists ? "it could not be read." : "no such file.")
        }
        let text: String
        switch UTF8Text.decode(bytes) {
        case .success(let decoded):
            text = decoded
        case .failure(let problem):
            log.add(ScenarioIssue(location: SourceLocation(file: shown, line: problem.line, column: problem.column),
                                  keyPath: "", message: problem.message))
            failed = true
            return nil
        }
        included.append(IncludedFile(path: shown, text: text, bytes: bytes))
        let source = SourceMap.File(shown: shown, folder: (relative as NSString).deletingLastPathComponent)
        let number = log.sources.add(source)
        guard let composed = ScenarioLoader.composeTree(text, file: shown, log: log) else {
            failed = true
            return nil
        }
        let sections = "a mapping of scenario sections such as zones, demand and providers"
        guard let tree = composed else { return refuse(shown, "it is empty; expected \(sections).") }
        guard case .mapping = tree else {
            let holds = NodeReader(node: tree, keyPath: "", log: log).shownValue
            return refuse(shown, "it holds \(holds), not \(sections).")
        }
        let shifted = SourceMap.shift(tree, toFile: number)
        return resolve(shifted, in: source, chain: chain + [Link(identity: identity, shown: shown)])
    }
}
