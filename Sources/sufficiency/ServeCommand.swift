import ArgumentParser
import Foundation
import Hummingbird
import SufficiencyWorkbench

/// `sufficiency serve`: the local web workbench (SufficiencyWorkbench), until Ctrl-C.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the local web workbench: pick or upload a scenario, change its levers, run, read and compare results in a browser.",
        discussion: """
        Listens on 127.0.0.1 only (unless --host says otherwise) and prints the address to open, \
        with a random token that every request must carry; keeps uploaded scenarios and every run \
        in the workspace folder (one folder per run, with its request and results), so the same \
        runs are there next time. Runs execute one at a time (--workers) in the server, at most \
        --max-queued waiting. See docs/WORKBENCH.md.

        Examples:
          sufficiency serve
          sufficiency serve --port 0 --workspace ~/sufficiency-workspace

        Exit status: 0 when stopped with Ctrl-C or SIGTERM, 1 when the server cannot start, 64 for \
        a mistake on the command line.
        """
    )

    @Option(help: "The address to listen on; give it only to reach the workbench from other machines (the token still guards it).")
    var host: String?

    @Option(help: "The port to listen on; 0 takes a free one.")
    var port = 8470

    @Option(help: "The folder keeping uploaded scenarios and runs.")
    var workspace = "workspace"

    @Option(help: "The bundled scenarios' folder (default: scenarios, when there is one).")
    var scenarios: String?

    @Option(help: "The access token (16 to 128 letters, digits, - or _; default: 32 random hexadecimal digits).")
    var token: String?

    @Option(name: .customLong("max-queued"), help: "Runs that may wait for a worker; more are refused until one ends.")
    var maxQueued = 32

    @Option(help: "Runs that may run at once (each uses the scenario's own thread setting).")
    var workers = 1

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port takes 0 to 65535; \(port) is not a port.") }
        if token != nil && token.flatMap(AccessToken.init(given:)) == nil {
            throw ValidationError("--token takes 16 to 128 letters, digits, - or _.")
        }
        if maxQueued < 0 { throw ValidationError("--max-queued takes 0 or more runs.") }
        if !(1...64).contains(workers) { throw ValidationError("--workers takes 1 to 64 runs at once.") }
    }

    func run() throws {
        var settings = WorkbenchSettings()
        if let host {
            settings.host = host
            settings.hostGiven = true
        }
        settings.port = port
        settings.workspace = workspace
        settings.scenarios = scenarios
        if let token { settings.token = AccessToken(given: token)! }
        settings.maxQueued = maxQueued
        settings.workers = workers
        let workbench: Workbench
        do {
            workbench = try Workbench(settings: settings)
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode.failure
        }
        let app = workbench.application { address in
            FileHandle.standardOutput.write(Data("Sufficiency workbench: \(address)\n".utf8))
        }
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await app.runService()
            } catch {
                failure.error = error
            }
            workbench.cancelAll()
            finished.signal()
        }
        finished.wait()
        if let error = failure.error {
            Terminal.standardError("sufficiency: the workbench stopped: \(error)")
            throw ExitCode.failure
        }
    }

    /// The server's error, handed from its task to the command.
    private final class FailureBox: @unchecked Sendable {
        var error: (any Error)?
    }
}
