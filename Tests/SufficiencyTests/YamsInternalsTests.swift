import Foundation
import Testing
@testable import Sufficiency

/// The scenario loader's fast passes (`YAMLComposer`, `YAMLAliasBudget`) read libyaml's events
/// through Yams' `CYaml` module, which is not Yams' public API. These tests fail, saying what to
/// check, whenever the Yams pinned or built is not the one those passes were checked against;
/// `YAMLComposerTests` checks that the trees they build still match Yams' own.
@Suite struct YamsInternalsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let resolved = root.appendingPathComponent("Package.resolved")

    static let advice = """
        YAMLComposer and YAMLAliasBudget read libyaml's events through Yams' internal CYaml module \
        (Sources/Sufficiency/Scenario/LibYAMLParser.swift). Before moving to another Yams: check that it \
        still has a CYaml module with libyaml's yaml_parser_t and yaml_event_t, read its changes to \
        Parser.swift (how it builds nodes: tags, styles, marks, repeated keys, aliases), run \
        YAMLComposerTests, then set LibYAMLParser.checkedYams.
        """

    @Test func packageSwiftPinsTheYamsTheFastPassesWereCheckedAgainst() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let pin = try #require(manifest.firstMatch(of: #/jpsim/Yams", exact: "([^"]+)"/#)?.1,
                               "Package.swift no longer pins Yams to one version with exact:. \(Self.advice)")
        #expect(String(pin) == LibYAMLParser.checkedYams,
                "Package.swift pins Yams \(pin), not \(LibYAMLParser.checkedYams). \(Self.advice)")
    }

    /// SwiftPM writes Package.resolved beside Package.swift whenever it resolves the packages.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: resolved.path)))
    func theYamsResolvedIsTheOneTheFastPassesWereCheckedAgainst() throws {
        struct Resolved: Decodable {
            struct Pin: Decodable {
                struct State: Decodable { var version: String? }
                var identity: String
                var state: State
            }
            var pins: [Pin]
        }
        let file = try JSONDecoder().decode(Resolved.self, from: Data(contentsOf: Self.resolved))
        let yams = try #require(file.pins.first { $0.identity == "yams" }, "Package.resolved has no Yams")
        #expect(yams.state.version == LibYAMLParser.checkedYams,
                "Yams \(yams.state.version ?? "at no version") was resolved, not \(LibYAMLParser.checkedYams). \(Self.advice)")
    }
}
