import Foundation
import XCTest

/// The README opens with two commands; they must keep working and its transcript must keep
/// matching what the tool prints.
final class ReadmeCommandsTests: XCTestCase {
    static let expectedTestCommand = "./scripts/setup && swift test"

    // MARK: Reading the README

    /// A fenced code block's language and lines.
    struct CodeBlock {
        var language: String
        var lines: [String]
        var isShell: Bool { ["sh", "bash", "shell", "console", "zsh", "shell-session", "terminal"].contains(language) }
    }

    struct MissingReadme: Error, CustomStringConvertible {
        var description: String { "README.md is missing from the repository root \(Repository.root.path)" }
    }

    static func readme() throws -> String {
        let url = Repository.url("README.md")
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingReadme() }
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func codeBlocks(_ markdown: String) -> [CodeBlock] {
        var blocks: [CodeBlock] = []
        var current: CodeBlock?
        for line in markdown.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if let block = current {
                    blocks.append(block)
                    current = nil
                } else {
                    let language = trimmed.dropFirst(3).split(separator: " ").first.map { String($0).lowercased() } ?? ""
                    current = CodeBlock(language: language, lines: [])
                }
            } else {
                current?.lines.append(line)
            }
        }
        return blocks
    }

    /// The commands in the README's shell code blocks, in order: `$ ` prompts removed, lines
    /// continued with a backslash joined, comments and (in console blocks) output skipped.
    static func shellCommands(_ markdown: String) -> [String] {
        var commands: [String] = []
        for block in codeBlocks(markdown) where block.isShell {
            let prompted = block.lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("$ ") }
            var pending: String?
            for raw in block.lines {
                var line = raw.trimmingCharacters(in: .whitespaces)
                if let start = pending {
                    line = start + " " + line
                    pending = nil
                } else if prompted {
                    guard line.hasPrefix("$ ") else { continue }  // output
                    line = String(line.dropFirst(2))
                }
                if line.isEmpty || line.hasPrefix("#") { continue }
                if line.hasSuffix("\\") {
                    pending = String(line.dropLast()).trimmingCharacters(in: .whitespaces)
                    continue
                }
                commands.append(line)
            }
        }
        return commands
    }

    /// Splits a shell command into words, honouring single and double quotes.
    static func words(_ command: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for c in command {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c; inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(word); word = ""; inWord = false }
            } else {
                word.append(c); inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// The README's first command that runs a scenario, and the arguments it gives the tool.
    static func runCommand(_ markdown: String) -> (command: String, arguments: [String])? {
        for command in shellCommands(markdown) where command.contains("sufficiency run ") {
            let words = words(command)
            guard let tool = words.lastIndex(where: { $0 == "sufficiency" || $0.hasSuffix("/sufficiency") }) else { continue }
            let arguments = words[(tool + 1)...].prefix { !["&&", "||", "|", ";", ">", "2>", "2>&1"].contains($0) }
            return (command, Array(arguments))
        }
        return nil
    }

    /// A command's arguments made quick and harmless to run: its own `--out` and
    /// `--replications` replaced by one replication, quietly, into `folder`; a run to a precision
    /// gets the fewest replications it can have (`--max-replications 3`) instead.
    static func oneReplication(_ arguments: [String], into folder: URL) -> [String] {
        var kept: [String] = []
        var rest = arguments.makeIterator()
        while let word = rest.next() {
            if word == "--out" || word == "--replications" || word == "--max-replications" { _ = rest.next(); continue }
            kept.append(word)
        }
        let fewest = kept.contains("--precision") ? ["--max-replications", "3"] : ["--replications", "1"]
        return kept + fewest + ["--quiet", "--out", folder.path]
    }

    /// Table cells: a line split at runs of two or more spaces.
    static func cells(_ line: String) -> [String] {
        line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    // MARK: The first command: run the Wiltshire scenario

    func testTheFirstCommandSetsUpThenRunsTheWiltshireScenario() throws {
        let readme = try Self.readme()
        let commands = Self.shellCommands(readme)
        let run = try XCTUnwrap(Self.runCommand(readme), "no `sufficiency run` command in a shell code block of README.md")

        XCTAssertTrue(run.command.contains("swift run -c release sufficiency run scenarios/wiltshire-home-care.yaml"),
                      "the README's run command is `\(run.command)`")
        XCTAssertEqual(Array(run.arguments.prefix(2)), ["run", "scenarios/wiltshire-home-care.yaml"])
        let runIndex = try XCTUnwrap(commands.firstIndex { $0.contains("sufficiency run ") })
        XCTAssertTrue(commands[...runIndex].contains { $0.contains("./scripts/setup") },
                      "`./scripts/setup` does not come before the run command: \(commands)")
        let setup = Repository.url("scripts/setup")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: setup.path), "scripts/setup is missing or not executable")
    }

    func testTheScenarioTheReadmeRunsIsValid() throws {
        let readme = try Self.readme()
        let run = try XCTUnwrap(Self.runCommand(readme), "no `sufficiency run` command in README.md")
        let scenario = try XCTUnwrap(run.arguments.dropFirst().first)

        XCTAssertTrue(FileManager.default.fileExists(atPath: Repository.url(scenario).path), "\(scenario) does not exist")
        let result = try runTool(["validate", scenario], in: Repository.root, expecting: 0)
        XCTAssertTrue(result.stdout.hasPrefix("\(scenario): valid."), result.transcript)
    }

    func testTheReadmeRunCommandWorksAndPrintsTheTranscriptsTable() throws {
        let readme = try Self.readme()
        let run = try XCTUnwrap(Self.runCommand(readme), "no `sufficiency run` command in README.md")
        let transcriptHeader = try XCTUnwrap(
            readme.components(separatedBy: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Measure (mean [95% CI])") },
            "the README's transcript has no line starting with `Measure (mean [95% CI])`")
        let out = try makeTemporaryFolder().appendingPathComponent("readme")

        // The README's own arguments, kept small: 3 replications into a temporary folder.
        let result = try runTool(run.arguments + ["--replications", "3", "--out", out.path],
                                 in: Repository.root, expecting: 0, timeout: 300)

        let header = try XCTUnwrap(result.stdoutLines.first { $0.hasPrefix("Measure (mean [95% CI])") },
                                   "no comparison table:\n\(result.transcript)")
        // Column widths depend on the numbers, so compare the cells.
        XCTAssertEqual(Self.cells(header), Self.cells(transcriptHeader),
                       "the README's table header\n\(transcriptHeader)\nis not what the tool prints:\n\(header)")
        // The README's table rows are the tool's table rows.
        let readmeRows = Self.tableLabels(after: transcriptHeader, in: readme.components(separatedBy: "\n"))
        let toolRows = Self.tableLabels(after: header, in: result.stdoutLines)
        XCTAssertFalse(toolRows.isEmpty, result.transcript)
        XCTAssertEqual(readmeRows, toolRows, "the README's table rows are not the tool's")
        XCTAssertEqual(try contents(of: out), ["bands.csv", "charts", "comparison.csv", "manifest.json", "providers.csv", "ranking.csv", "replications.csv",
                                               "report.html", "summary.csv"])
    }

    /// The first cell of each table row after the header line and its rule of dashes.
    static func tableLabels(after header: String, in lines: [String]) -> [String] {
        guard let start = lines.firstIndex(of: header) else { return [] }
        var labels: [String] = []
        for line in lines[(start + 1)...] {
            if !line.isEmpty && line.allSatisfy({ $0 == "-" || $0 == " " }) { continue }  // the rule under the header
            // Rows have cells separated by at least two spaces; the table ends at the first line without.
            guard line.contains("  "), let first = cells(line).first else { break }
            labels.append(first)
        }
        return labels
    }

    // MARK: The other commands the README shows

    /// Every `run`, `sweep`, `solve` and `coverage` command in the README, after the first, is
    /// accepted as written and completes: each runs with its own arguments (up to a trailing
    /// comment), at one replication and into a temporary folder instead of its own `--out`.
    /// The commands that answer users' questions are `UserQuestionsTests`' business (a solve
    /// whose answer is "none in range" exits with status 1 on purpose).
    func testEveryOtherCommandTheReadmeShowsWorksAsWritten() throws {
        let readme = try Self.readme()
        let first = try XCTUnwrap(Self.runCommand(readme)).command
        let answered = Set(try UserQuestionsTests.sectionCommands())
        let folder = try makeTemporaryFolder()
        var checked: [String] = []
        // Commands with shell variables (the shard loop) are the merge tests' business.
        for command in Self.shellCommands(readme) where command != first && !command.contains("$")
            && !answered.contains(command) {
            let words = Self.words(command).prefix { !$0.hasPrefix("#") }
            guard let tool = words.firstIndex(where: { $0 == "sufficiency" || $0.hasSuffix("/sufficiency") }),
                  tool + 1 < words.count, ["run", "sweep", "solve", "coverage"].contains(words[tool + 1]) else { continue }
            let given = words[(tool + 1)...].prefix { !["&&", "||", "|", ";", ">", "2>", "2>&1"].contains($0) }
            let out = folder.appendingPathComponent("command-\(checked.count + 1)")
            let result = try runTool(Self.oneReplication(Array(given), into: out),
                                     in: Repository.root, expecting: 0, timeout: 300)
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.path), "`\(command)` wrote nothing:\n\(result.transcript)")
            checked.append(words[tool + 1])
        }
        // The README shows every command at least once.
        XCTAssertEqual(Set(checked), ["run", "sweep", "solve", "coverage"], "commands checked: \(checked)")
    }

    // MARK: The second command: the tests, as CI runs them

    func testTheTestCommandIsInTheReadmeAndInCI() throws {
        let commands = Self.shellCommands(try Self.readme())
        XCTAssertTrue(commands.contains(Self.expectedTestCommand),
                      "README.md has no `\(Self.expectedTestCommand)` in a shell code block; its commands are \(commands)")
        let ci = try String(contentsOf: Repository.url(".ci/run"), encoding: .utf8)
        let ciLines = ci.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertTrue(ciLines.contains(Self.expectedTestCommand), ".ci/run does not run `\(Self.expectedTestCommand)`:\n\(ci)")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Repository.url(".ci/run").path), ".ci/run is not executable")
    }
}
