import ArgumentParser
import Foundation
import Sufficiency

/// `sufficiency compare A B`: two runs' results compared measure by measure, county-wide and
/// by zone.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two results folders measure by measure, county-wide and by zone.",
        discussion: """
        For every option, window, zone and measure both runs have: A's mean, B's mean, and B − A \
        with its 95% interval — paired on replication (Student's t) for whole-run county figures \
        when both runs used the same seed and replications, Welch's interval otherwise. Options, \
        windows, zones or measures in one run only are listed and left out. Prints the headline \
        measures that differ (the interval excludes 0) and writes compare.csv, compare.html and \
        manifest.json. See docs/OUTPUTS.md, "compare.csv".

        Examples:
          sufficiency run scenarios/quickstart.yaml --out results/base
          sufficiency run scenarios/quickstart.yaml --set providers[1].care_workers=0 --out results/exit
          sufficiency compare results/base results/exit

        Exit status: 0 on success, 2 when a folder is not a run's results or the two have \
        nothing in common, 64 for a mistake on the command line, 1 when the comparison \
        cannot be written.
        """
    )

    @Argument(help: "The first results folder (A), written by `sufficiency run`.")
    var a: String

    @Argument(help: "The second results folder (B); differences are B − A.")
    var b: String

    @Option(help: "Folder for the comparison (default: results/compare-<A>-vs-<B>).")
    var out: String?

    @Flag(help: "No table; print only the comparison folder.")
    var quiet = false

    func run() throws {
        let comparison: RunComparison
        do {
            comparison = try RunComparison(a: ComparedFolder(path: a), b: ComparedFolder(path: b))
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode(2)
        }
        let name = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent }
        let folder = out ?? "results/compare-\(name(a))-vs-\(name(b))"
        let destination = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        for input in [a, b] {
            let inputPath = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            if inputPath == destination || inputPath.hasPrefix(destination + "/") {
                Terminal.standardError("sufficiency: \(CompareError.outputIsAnInput(path: folder))")
                throw ExitCode(2)
            }
        }
        try OutputFolderCheck.prepare(folder)
        try OutputFolderCheck.finish {
            try CompareWriter.write(comparison, to: URL(fileURLWithPath: folder), commandLine: CommandLine.arguments)
        }
        if !quiet { print(CompareText.render(comparison)) }
        print("Comparison in \(folder)/ (compare.csv, compare.html)")
    }
}
