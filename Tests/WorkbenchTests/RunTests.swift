import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Sufficiency
import Testing
import ZIPFoundation
@testable import SufficiencyWorkbench

extension WorkbenchTests {
    /// Runs asked for in the browser: the same files as the command line's, live status, cancel,
    /// a bounded queue, and runs that outlive the server.
    @Suite struct RunTests {
        /// The results folder the library writes for `scenario` with `overrides`, as `sufficiency run`
        /// writes it.
        static func libraryResults(_ scenario: String, overrides: [String]) throws -> URL {
            let path = WorkbenchHarness.repository.appendingPathComponent("scenarios/\(scenario).yaml").path
            let loaded = try ScenarioLoader.load(path: path, overrides: overrides)
            let runner = Runner(scenario: loaded.scenario)
            let results = runner.run()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-cli-\(UUID().uuidString)")
            let manifest = Manifest.run(results, runner: runner, scenarioFile: path, sha256: loaded.sha256,
                                        includedFiles: loaded.includedFiles, commandLine: ["sufficiency", "run", path],
                                        startedAt: Date(), overrides: overrides, warnings: loaded.warnings)
            try ResultsWriter.write(results, runner: runner, to: folder, manifest: manifest)
            return folder
        }

        @Test func aRunFromTheFormWritesTheLibrarysFilesByteForByte() async throws {
            try await WorkbenchHarness.with { client, workbench in
                let page = try await client.get("/scenarios/quickstart")
                #expect(page.status == .ok)
                #expect(page.text.contains("<form id=\"run-form\" method=\"post\" action=\"/runs\">"))
                #expect(page.text.contains("data-set-path=\"workforce.annual_turnover\" data-default=\"0.291\""))
                #expect(page.text.contains("<code id=\"command-line\""))
                let sets = [("run.replications", "5"), ("workforce.annual_turnover", "0.35"), ("run.seed", "42")]
                let (posted, id) = try await client.run("quickstart", sets: sets)
                #expect(posted.status == .seeOther)
                let run = try #require(id)
                #expect(try await client.waitEnded(run) == "finished")
                let status = try await client.status(run)
                #expect(status["done"] as? Int == 5 && status["total"] as? Int == 5)

                // Unchanged fields (the seed's default) are not overrides; changed ones come in the form's order.
                let request = try JSONDecoder().decode(RunRequest.self, from: Data(contentsOf: workbench.workspace.runFolder(run)
                    .appendingPathComponent("request.json")))
                #expect(request.overrides == ["workforce.annual_turnover=0.35", "run.replications=5"])
                #expect(request.seed == 42 && request.replications == 5)

                let expected = try Self.libraryResults("quickstart", overrides: request.overrides)
                defer { try? FileManager.default.removeItem(at: expected) }
                let results = workbench.workspace.resultsFolder(run)
                for file in ["summary.csv", "bands.csv", "replications.csv", "comparison.csv", "providers.csv"] {
                    #expect(try Data(contentsOf: results.appendingPathComponent(file))
                                == Data(contentsOf: expected.appendingPathComponent(file)), "\(file)")
                }
                #expect(FileManager.default.fileExists(atPath: results.appendingPathComponent("results.xlsx").path))

                // The page's table shows summary.csv's means rounded as the headline table does,
                // each with the file's own text in data-value.
                let shown = try await client.get("/runs/\(run.text)").text
                #expect(shown.contains("<span id=\"run-state\" data-status=\"/runs/\(run.text)/status\">finished</span>"))
                let csv = try #require(ResultsCSV(contentsOf: results.appendingPathComponent("summary.csv")))
                let row = try #require(csv.rows.first {
                    $0[csv.column("option")!] == "framework" && $0[csv.column("window")!] == "horizon"
                        && $0[csv.column("zone")!] == "all" && $0[csv.column("measure")!] == MeasureName.unmetHours
                })
                let mean = row[csv.column("mean")!]
                let rowStart = "<tr data-option=\"framework\" data-measure=\"\(MeasureName.unmetHours)\""
                #expect(shown.contains(rowStart + " data-window=\"horizon\""))
                let cell = shown.components(separatedBy: rowStart)[1]
                let rounded = String(format: "%.0f", try #require(Double(mean)))
                #expect(cell.contains("<td class=\"mean\" data-value=\"\(mean)\">\(rounded)</td>"))

                // The downloads: the CSV files and the whole folder, zipped.
                let zipped = try await client.get("/runs/\(run.text)/download/csv")
                #expect(zipped.status == .ok)
                let archive = try Archive(data: Data(buffer: try #require(zipped.body)), accessMode: .read)
                var summary = Data()
                _ = try archive.extract(try #require(archive["sufficiency-\(run.text)/summary.csv"])) { summary.append($0) }
                #expect(summary == (try Data(contentsOf: expected.appendingPathComponent("summary.csv"))))
                let whole = try await client.get("/runs/\(run.text)/download/zip")
                let wholeArchive = try Archive(data: Data(buffer: try #require(whole.body)), accessMode: .read)
                #expect(wholeArchive["sufficiency-\(run.text)/manifest.json"] != nil)
                #expect(wholeArchive["sufficiency-\(run.text)/report.html"] != nil)
                #expect(try await client.get("/runs/\(run.text)/download/xlsx").status == .ok)
                for view in ["providers", "coverage", "finance", "files/report.html"] {
                    #expect(try await client.get("/runs/\(run.text)/\(view)").status == .ok, "\(view)")
                }
            }
        }

        @Test func cancellingARunStopsItAndWritesNoResults() async throws {
            try await WorkbenchHarness.with { client, workbench in
                let (_, id) = try await client.run("quickstart", sets: [("run.replications", "100000")])
                let run = try #require(id)
                try await client.wait(run) { $0["state"] as? String == "running" && ($0["done"] as? Int ?? 0) > 0 }
                let cancelled = try await client.send(.post, "/runs/\(run.text)/cancel")
                #expect(cancelled.status == .seeOther)
                #expect(try await client.waitEnded(run) == "cancelled")
                let folder = workbench.workspace.runFolder(run)
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["request.json", "status.json"])
                #expect(try await client.get("/runs/\(run.text)").text.contains(">cancelled</span>"))
                #expect(try await client.get("/runs/\(run.text)/download/zip").status == .notFound)
            }
        }

        @Test func aFullQueueRefusesMoreRuns() async throws {
            try await WorkbenchHarness.with(maxQueued: 1, workers: 1) { client, _ in
                let long = [("run.replications", "100000")]
                let (first, a) = try await client.run("quickstart", sets: long)
                let (second, b) = try await client.run("quickstart", sets: long)
                let (third, c) = try await client.run("quickstart", sets: long)
                #expect(first.status == .seeOther && second.status == .seeOther)
                #expect(third.status == .serviceUnavailable)
                #expect(c == nil)
                #expect(third.text.contains("--max-queued 1"))
                let running = try #require(a), waiting = try #require(b)
                #expect(try await client.status(waiting)["state"] as? String == "queued")
                _ = try await client.send(.post, "/runs/\(waiting.text)/cancel")
                _ = try await client.send(.post, "/runs/\(running.text)/cancel")
                #expect(try await client.waitEnded(waiting) == "cancelled")
                #expect(try await client.waitEnded(running) == "cancelled")
                // Room again.
                let (again, _) = try await client.run("quickstart", sets: [("run.replications", "1")])
                #expect(again.status == .seeOther)
            }
        }

        @Test func runsAreListedAgainAfterARestart() async throws {
            let (folder, settings) = WorkbenchHarness.settings()
            defer { try? FileManager.default.removeItem(at: folder) }
            let finished: RunID = try await {
                let workbench = try Workbench(settings: settings)
                return try await workbench.application().test(.live) { _ in
                    let client = WorkbenchHarness.Client(port: workbench.port.value!)
                    let (_, id) = try await client.run("quickstart", sets: [("run.replications", "2")])
                    let run = try #require(id)
                    #expect(try await client.waitEnded(run) == "finished")
                    return run
                }
            }()
            // A run the server was stopped in the middle of: its request, no status.
            let workspace = try Workspace(folder: URL(fileURLWithPath: settings.workspace))
            let interrupted = try RunID.claim(in: workspace.runs)
            try FileManager.default.copyItem(at: workspace.runFolder(finished).appendingPathComponent("request.json"),
                                             to: workspace.runFolder(interrupted).appendingPathComponent("request.json"))
            let workbench = try Workbench(settings: settings)
            try await workbench.application().test(.live) { _ in
                let client = WorkbenchHarness.Client(port: workbench.port.value!)
                let home = try await client.get("/").text
                #expect(home.contains("<a class=\"run\" href=\"/runs/\(finished.text)\">"))
                #expect(home.contains("<a class=\"run\" href=\"/runs/\(interrupted.text)\">"))
                #expect(try await client.status(finished)["state"] as? String == "finished")
                #expect(try await client.status(interrupted)["state"] as? String == "failed")
                #expect(try await client.get("/runs/\(finished.text)").text.contains("<table id=\"summary\">"))
                // A new run gets a new folder.
                let (_, id) = try await client.run("quickstart", sets: [("run.replications", "1")])
                let next = try #require(id)
                #expect(next != finished && next != interrupted)
            }
        }
    }
}
