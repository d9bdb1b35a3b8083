import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import SufficiencyWorkbench

extension WorkbenchTests {
    /// What keeps the workbench to its user: the token, the Host check, the upload limits and
    /// checks, and paths that cannot leave the workspace. Each refusal stores and serves nothing.
    @Suite struct SecurityTests {
        @Test func aRequestWithoutTheTokenIsRefused() async throws {
            try await WorkbenchHarness.with { client, _ in
                let none = try await client.get("/", token: nil)
                #expect(none.status == .unauthorized)
                #expect(!none.text.contains("class=\"scenario\""))
                let wrong = try await client.get("/", token: "ffffffffffffffffffffffffffffffff")
                #expect(wrong.status == .unauthorized)
                let wrongInAddress = try await client.get("/?token=ffffffffffffffffffffffffffffffff", token: nil)
                #expect(wrongInAddress.status == .unauthorized)
                #expect(wrongInAddress.headers[.setCookie] == nil)
                // The printed address: the token moves to a cookie and leaves the address.
                let printed = try await client.get("/?token=\(WorkbenchHarness.token)", token: nil)
                #expect(printed.status == .found)
                #expect(printed.headers[.location] == "/")
                let cookie = printed.headers[.setCookie] ?? ""
                #expect(cookie.hasPrefix("sufficiency_token=\(WorkbenchHarness.token)"))
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
                let withCookie = try await client.send(.get, "/", token: nil,
                                                       headers: [.cookie: "sufficiency_token=\(WorkbenchHarness.token)"])
                #expect(withCookie.status == .ok)
                #expect(withCookie.text.contains("<a class=\"scenario\" href=\"/scenarios/quickstart\">"))
            }
        }

        @Test func aForeignHostIsRefusedEvenWithTheToken() async throws {
            try await WorkbenchHarness.with { client, _ in
                for host in ["evil.example:\(client.port)", "evil.example", "127.0.0.1:1", "localhost"] {
                    let response = try await client.get("/", host: host)
                    #expect(response.status == .forbidden, "Host \(host)")
                    #expect(!response.text.contains("class=\"scenario\""))
                }
                for host in ["127.0.0.1:\(client.port)", "localhost:\(client.port)", "[::1]:\(client.port)"] {
                    #expect(try await client.get("/", host: host).status == .ok, "Host \(host)")
                }
                // A form posted from another site's page is refused, token or not.
                let foreign = try await client.send(.post, "/runs", headers: [.origin: "http://evil.example",
                                                                             .contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "scenario=quickstart&kind=run"))
                #expect(foreign.status == .forbidden)
            }
        }

        @Test func aFiftyMegabyteUploadIsRefusedAndNothingStored() async throws {
            try await WorkbenchHarness.with { client, workbench in
                var data = Data("name: big\n".utf8)
                data.append(Data(repeating: UInt8(ascii: "#"), count: 50 * 1_048_576))
                let response = try await client.upload(data, name: "big.yaml")
                #expect(response.status == .contentTooLarge)
                #expect(try FileManager.default.contentsOfDirectory(atPath: workbench.workspace.scenarios.path).isEmpty)
                #expect(!(try await client.get("/").text.contains("href=\"/scenarios/big\"")))
            }
        }

        @Test func aMalformedScenarioIsRefusedWithItsProblemsAndNothingStored() async throws {
            try await WorkbenchHarness.with { client, workbench in
                let broken = try await client.upload(Data("name: x\ncalendar: {start: 2024-04-01, years: 2\n".utf8), name: "broken.yaml")
                #expect(broken.status == .unprocessableContent)
                #expect(broken.text.contains("<ul id=\"problems\"><li>broken.yaml:3:1: this is not valid YAML"))
                let quickstart = try String(contentsOf: WorkbenchHarness.repository.appendingPathComponent("scenarios/quickstart.yaml"),
                                            encoding: .utf8)
                let invalid = quickstart.replacingOccurrences(of: "annual_turnover: 0.291", with: "annual_turnover: -3")
                let refused = try await client.upload(Data(invalid.utf8), name: "turnover.yaml")
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text.contains("turnover.yaml:"))
                #expect(refused.text.contains("workforce.annual_turnover"))
                let notYAML = try await client.upload(Data("hello".utf8), name: "notes.txt")
                #expect(notYAML.status == .unprocessableContent)
                #expect(try FileManager.default.contentsOfDirectory(atPath: workbench.workspace.scenarios.path).isEmpty)
                // The same file, valid, is kept under its name and offered.
                let kept = try await client.upload(Data(quickstart.utf8), name: "my county.yaml")
                #expect(kept.status == .seeOther)
                #expect(kept.headers[.location] == "/scenarios/my-county")
                #expect(try FileManager.default.contentsOfDirectory(atPath: workbench.workspace.scenarios.path) == ["my-county.yaml"])
                #expect(try await client.get("/").text.contains("<a class=\"scenario\" href=\"/scenarios/my-county\">"))
            }
        }

        @Test func pathsThatClimbOutOfTheWorkspaceServeNothing() async throws {
            try await WorkbenchHarness.with { client, workbench in
                let (posted, id) = try await client.run("quickstart", sets: [("run.replications", "2")])
                #expect(posted.status == .seeOther)
                let run = try #require(id)
                #expect(try await client.waitEnded(run) == "finished")
                // A secret beside the workspace, and a link to it inside the results folder.
                let secret = workbench.workspace.root.deletingLastPathComponent().appendingPathComponent("secret.txt")
                try Data("the secret".utf8).write(to: secret)
                let results = workbench.workspace.resultsFolder(run)
                try FileManager.default.createSymbolicLink(at: results.appendingPathComponent("link.txt"), withDestinationURL: secret)
                #expect(try await client.get("/runs/\(run.text)/files/summary.csv").status == .ok)
                let climbs = [
                    "/runs/\(run.text)/files/../request.json",
                    "/runs/\(run.text)/files/../../../secret.txt",
                    "/runs/\(run.text)/files/..%2F..%2F..%2Fsecret.txt",
                    "/runs/\(run.text)/files/%2e%2e/%2e%2e/%2e%2e/secret.txt",
                    "/runs/\(run.text)/files/%2E%2E%2F%2E%2E%2Frequest.json",
                    "/runs/\(run.text)/files/link.txt",
                    "/runs/\(run.text)/files//etc/passwd",
                    "/runs/..%2F..%2Fsecret.txt/files/summary.csv",
                    "/scenarios/..%2F..%2Fsecret",
                    "/scenarios/%2e%2e%2fscenarios%2fquickstart",
                    "/runs/\(run.text)/download/..%2F..%2Fsecret.txt",
                ]
                for climb in climbs {
                    let response = try await client.get(climb)
                    #expect([400, 404].contains(response.status.code), "\(climb): \(response.status)")
                    #expect(!response.text.contains("the secret"), "\(climb)")
                    #expect(!response.text.contains("\"kind\""), "\(climb)")
                }
            }
        }
    }
}
