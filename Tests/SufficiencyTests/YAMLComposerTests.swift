import Foundation
import Testing
import Yams
@testable import Sufficiency

/// The quick composer builds the tree Yams builds, node for node (text, tags, styles, line
/// and column), and leaves to Yams whatever it does not handle the same way.
@Suite struct YAMLComposerTests {
    static let scenarioFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios")

    /// The node as a line per node, naming everything the loader can read of it. Tags are
    /// shown resolved: Yams resolves its keys' tags in place, the quick composer leaves them.
    static func outline(_ node: Node?, indent: String = "") -> String {
        guard let node else { return "\(indent)nothing\n" }
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "-"
        switch node {
        case .scalar(let scalar):
            let reader = NodeReader(node: node, keyPath: "", log: IssueLog(file: ""))
            return "\(indent)scalar \(scalar.string.debugDescription) tag=\(Resolver.default.resolveTag(of: node).rawValue) "
                + "null=\(reader.isNull) style=\(scalar.style) at \(mark)\n"
        case .sequence(let sequence):
            return "\(indent)sequence tag=\(sequence.tag.rawValue) style=\(sequence.style) at \(mark)\n"
                + sequence.map { outline($0, indent: indent + "  ") }.joined()
        case .mapping(let mapping):
            return "\(indent)mapping tag=\(mapping.tag.rawValue) style=\(mapping.style) at \(mark)\n"
                + mapping.map { outline($0.key, indent: indent + "  ") + outline($0.value, indent: indent + "    ") }
                    .joined()
        case .alias:
            return "\(indent)alias\n"
        }
    }

    static func expectSameTree(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let quick = try #require(YAMLComposer.compose(yaml), "the quick composer gave up", sourceLocation: sourceLocation)
        let expected = try Yams.compose(yaml: yaml)
        let (got, want) = (outline(quick).split(separator: "\n"), outline(expected).split(separator: "\n"))
        let firstDifference = zip(got, want).first { $0 != $1 }
        #expect(got.count == want.count && firstDifference == nil,
                "first difference: \(String(describing: firstDifference))", sourceLocation: sourceLocation)
    }

    @Test func theScenarioFilesComposeAsYamsComposesThem() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.scenarioFolder.path)
            .filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: Self.scenarioFolder.appendingPathComponent(file), encoding: .utf8)
            try Self.expectSameTree(text)
        }
    }

    @Test func stylesTagsAnchorsAndMergesComposeAsYamsComposesThem() throws {
        try Self.expectSameTree("""
            # comment
            plain: 12
            quoted: '12'
            double: "a\\tb"
            empty:
            tilde: ~
            tagged: !!str 3
            nonspecific: ! 4
            literal: |
              two
              lines
            folded: >
              one
              line
            flow: {a: 1, b: [x, y, "z"]}
            list:
              - &base {rate: 1, name: first}
              - <<: *base
                name: second
              - *base
            ünïcödé: "£ and ✓"
            2025: 0.05
            """)
        try Self.expectSameTree("just text")
        try Self.expectSameTree("- 1\n- - 2\n  - 3\n")
        try Self.expectSameTree("--- {a: 1}\n...\n")
    }

    @Test func anEmptyStreamHasNoRoot() throws {
        let composed = try #require(YAMLComposer.compose("# nothing here\n"))
        #expect(composed == nil)
        #expect(try Yams.compose(yaml: "# nothing here\n") == nil)
    }

    @Test func leavesToYamsWhatItDoesNotHandleTheSameWay() {
        for yaml in ["a: 1\na: 2\n",                  // a repeated key
                     "a: 1\n'a': 2\n",                // the same text, quoted
                     "? [1, 2]\n: x\n",               // a key that is not a scalar
                     "a: *nowhere\n",                 // an undefined alias
                     "a: [1, 2\n",                    // a syntax error
                     "--- 1\n--- 2\n"] {              // two documents
            #expect(YAMLComposer.compose(yaml) == nil, "\(yaml.debugDescription)")
        }
    }
}
