import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import SufficiencyWorkbench

/// A workbench on a free loopback port with a workspace of its own (removed afterwards),
/// offering the repository's bundled scenarios, and a client that speaks to it as a browser
/// would: `Host: localhost:PORT`, the token in a header.
struct WorkbenchHarness {
    static let repository: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        preconditionFailure("No Package.swift above \(#filePath)")
    }()

    static let token = "0123456789abcdef0123456789abcdef"

    /// A new temporary folder holding `workspace/`, and the settings of a workbench on it.
    static func settings(maxQueued: Int = 32, workers: Int = 1) -> (folder: URL, settings: WorkbenchSettings) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var settings = WorkbenchSettings()
        settings.port = 0
        settings.workspace = folder.appendingPathComponent("workspace").path
        settings.scenarios = repository.appendingPathComponent("scenarios").path
        settings.token = AccessToken(given: token)!
        settings.maxQueued = maxQueued
        settings.workers = workers
        return (folder, settings)
    }

    /// Runs `body` against a live workbench with `settings` (by default a new temporary one).
    static func with<Value: Sendable>(maxQueued: Int = 32, workers: Int = 1,
                                      _ body: @Sendable (Client, Workbench) async throws -> Value) async throws -> Value {
        let (folder, settings) = Self.settings(maxQueued: maxQueued, workers: workers)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbench = try Workbench(settings: settings)
        defer { workbench.cancelAll() }
        return try await workbench.application().test(.live) { _ in
            let port = workbench.port.value!
            return try await body(Client(port: port), workbench)
        }
    }

    /// Requests to the workbench on `port`, each on a new connection.
    struct Client: Sendable {
        let port: Int

        var host: String { "localhost:\(port)" }

        /// Sends one request; `token` nil sends none; `host` replaces the Host header.
        func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = WorkbenchHarness.token,
                  host: String? = nil, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> TestClient.Response {
            var headers = headers
            if let token { headers[HTTPField.Name("X-Sufficiency-Token")!] = token }
            let client = TestClient(host: "localhost", port: port, configuration: .init(timeout: .seconds(600)))
            client.connect()
            do {
                let response = try await client.execute(TestClient.Request(uri, method: method, authority: host ?? self.host,
                                                                           headers: headers, body: body))
                try? await client.shutdown()
                return response
            } catch {
                try? await client.shutdown()
                throw error
            }
        }

        func get(_ uri: String, token: String? = WorkbenchHarness.token, host: String? = nil) async throws -> TestClient.Response {
            try await send(.get, uri, token: token, host: host)
        }

        /// Posts a form (`application/x-www-form-urlencoded`) of `fields`.
        func post(_ uri: String, fields: [(String, String)]) async throws -> TestClient.Response {
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._"))
            let text = fields.map { name, value in
                name.addingPercentEncoding(withAllowedCharacters: allowed)! + "=" + value.addingPercentEncoding(withAllowedCharacters: allowed)!
            }.joined(separator: "&")
            return try await send(.post, uri, headers: [.contentType: "application/x-www-form-urlencoded"],
                                  body: ByteBuffer(string: text))
        }

        /// Uploads `data` as the upload form does, as a file called `name`.
        func upload(_ data: Data, name: String) async throws -> TestClient.Response {
            let boundary = "----workbench-test-boundary"
            var body = ByteBuffer()
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"scenario\"; filename=\"\(name)\"\r\n"
                             + "Content-Type: application/x-yaml\r\n\r\n")
            body.writeBytes(data)
            body.writeString("\r\n--\(boundary)--\r\n")
            return try await send(.post, "/scenarios", headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                  body: body)
        }

        /// Posts a run of `scenario` with `sets` (`--set` path → value) and returns its id.
        func run(_ scenario: String, sets: [(String, String)], kind: String = "run") async throws -> (TestClient.Response, RunID?) {
            let response = try await post("/runs", fields: [("scenario", scenario), ("kind", kind)] + sets.map { ("set:" + $0.0, $0.1) })
            let id = response.headers[.location].flatMap { $0.hasPrefix("/runs/") ? RunID($0.dropFirst(6)) : nil }
            return (response, id)
        }

        /// The run's status, as the page's script reads it.
        func status(_ id: RunID) async throws -> [String: Any] {
            let response = try await get("/runs/\(id.text)/status")
            return try JSONSerialization.jsonObject(with: Data(buffer: response.body ?? ByteBuffer())) as! [String: Any]
        }

        /// Polls the run's status until `until` accepts it (at most 10 minutes, a guard against a hang).
        @discardableResult
        func wait(_ id: RunID, until: ([String: Any]) -> Bool) async throws -> [String: Any] {
            for _ in 0..<6_000 {
                let status = try await status(id)
                if until(status) { return status }
                try await Task.sleep(for: .milliseconds(100))
            }
            return try await status(id)
        }

        func waitEnded(_ id: RunID) async throws -> String {
            let status = try await wait(id) { ["finished", "failed", "cancelled"].contains($0["state"] as? String ?? "") }
            return status["state"] as? String ?? ""
        }
    }
}

extension TestClient.Response {
    var text: String { body.map { String(buffer: $0) } ?? "" }
}
