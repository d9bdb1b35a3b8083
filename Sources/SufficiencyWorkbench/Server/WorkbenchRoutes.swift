import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Sufficiency

/// The workbench's addresses (docs/WORKBENCH.md lists them) and what each answers.
struct WorkbenchRoutes: Sendable {
    let workbench: Workbench

    private var workspace: Workspace { workbench.workspace }
    private var queue: RunQueue { workbench.queue }
    private var catalogue: ScenarioCatalogue { workbench.catalogue }

    func add(to router: Router<BasicRequestContext>) {
        router.get("/static/workbench.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: ByteBuffer(string: Assets.script)))
        }
        router.get("/static/workbench.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: ByteBuffer(string: Assets.style)))
        }
        router.get("/") { _, _ in home() }
        router.post("/scenarios") { request, _ in try await upload(request) }
        router.get("/scenarios/:name") { _, context in scenario(context.parameters.get("name")) }
        router.get("/scenarios/:name/yaml") { _, context in
            guard let name = context.parameters.get("name")?.removingPercentEncoding,
                  let entry = catalogue.entry(named: name),
                  let data = FileManager.default.contents(atPath: entry.path) else { return notFound() }
            return Pages.file(data, type: "text/plain; charset=utf-8", download: name + ".yaml")
        }
        router.post("/runs") { request, _ in try await submit(request) }
        router.get("/runs/:id") { _, context in
            guard let run = run(context) else { return notFound() }
            return Pages.html(RunPage.render(run, results: workspace.resultsFolder(run.id)))
        }
        router.get("/runs/:id/status") { _, context in
            guard let run = run(context) else { return notFound() }
            return Pages.json(StatusJSON(run))
        }
        router.post("/runs/:id/cancel") { _, context in
            guard let run = run(context) else { return notFound() }
            queue.cancel(run.id)
            return Response.redirect(to: "/runs/\(run.id.text)", type: .normal)
        }
        router.get("/runs/:id/download/:what") { _, context in download(context) }
        router.get("/runs/:id/files/**") { _, context in
            guard let run = run(context), run.state == .finished,
                  let parts = SafeName.relativeParts(context.parameters.getCatchAll()),
                  let url = workspace.file(in: workspace.resultsFolder(run.id), parts: parts),
                  let data = try? Data(contentsOf: url) else { return notFound() }
            return Pages.file(data, type: Pages.type(of: url.lastPathComponent))
        }
        router.get("/runs/:id/:view") { _, context in
            guard let run = run(context), run.state == .finished, run.request.kind == .run,
                  let view = context.parameters.get("view").flatMap(ResultViews.View.init(rawValue:)) else { return notFound() }
            return Pages.html(ResultViews.render(view, run: run.id, results: workspace.resultsFolder(run.id)))
        }
        router.get("/compare") { request, _ in compare(request, full: false) }
        router.get("/compare/full") { request, _ in compare(request, full: true) }
    }

    // MARK: - Pages

    private func home() -> Response {
        let (bundled, uploaded) = catalogue.all()
        return Pages.html(HomePage.render(bundled: bundled, uploaded: uploaded, runs: queue.all(),
                                          uploadLimit: workbench.settings.uploadLimit))
    }

    private func scenario(_ raw: String?) -> Response {
        guard let name = raw?.removingPercentEncoding, let entry = catalogue.entry(named: name) else { return notFound() }
        return Pages.html(ScenarioPage.render(ScenarioCheck(entry)))
    }

    private func notFound() -> Response {
        Pages.plain(.notFound, "There is nothing here; go back to the workbench's home page.")
    }

    private func run(_ context: BasicRequestContext) -> RunSnapshot? {
        guard let id = context.parameters.get("id").flatMap({ RunID($0) }) else { return nil }
        return queue.snapshot(id)
    }

    // MARK: - Uploads

    /// Stores an uploaded scenario once the loader accepts it: 413 when it is over the limit,
    /// 422 with every problem when it is not a valid scenario; nothing is stored either way.
    private func upload(_ request: Request) async throws -> Response {
        let limit = workbench.settings.uploadLimit
        let tooLarge = Pages.plain(.contentTooLarge, "A scenario upload may be at most \(limit / 1_048_576) MB; nothing was stored.")
        // The form's own lines (boundaries, headers) come on top of the file.
        let bodyLimit = limit + 16_384
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bodyLimit { return tooLarge }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: bodyLimit)
        } catch {
            return tooLarge
        }
        guard let form = UploadForm(body: body, contentType: request.headers[.contentType]) else {
            return Pages.plain(.badRequest, "Send the scenario as the upload form does: multipart/form-data with a file field named scenario.")
        }
        guard form.data.count <= limit else { return tooLarge }
        do {
            let name = try ScenarioUpload.store(form.data, fileName: form.fileName, workspace: workspace, catalogue: catalogue)
            return Response.redirect(to: "/scenarios/\(name)", type: .normal)
        } catch ScenarioUpload.Refusal.invalid(let error) {
            return Pages.problems("The scenario has problems; nothing was stored", ScenarioCheck.lines(error))
        } catch ScenarioUpload.Refusal.notYAML(let message) {
            return Pages.problems("Not a scenario file; nothing was stored", [message])
        }
    }

    // MARK: - Runs

    /// Queues a run, a sweep or a solve of the posted form's scenario with its changed levers:
    /// 303 to the run's page; 422 when the values have problems; 503 when the queue is full.
    private func submit(_ request: Request) async throws -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: 1_048_576)
        } catch {
            return Pages.plain(.contentTooLarge, "The form is too large.")
        }
        let posted = PostedForm.fields(body)
        func value(_ name: String) -> String? { posted.first { $0.0 == name }?.1 }
        guard let name = value("scenario"), let entry = catalogue.entry(named: name) else {
            return Pages.plain(.notFound, "There is no such scenario; choose one on the home page.")
        }
        guard let kind = RunRequest.Kind(rawValue: value("kind") ?? "run") else {
            return Pages.plain(.badRequest, "A run's kind is run, sweep or solve.")
        }
        let prepared: PreparedRun
        do {
            let base = try ScenarioLoader.load(path: entry.path)
            let overrides = RunFormFields.overrides(posted: posted, fields: RunFormFields.fields(for: base))
            prepared = try PreparedRun.prepare(kind, scenario: entry, overrides: overrides)
        } catch let error as ScenarioError {
            return Pages.problems("These values have problems; nothing was run", ScenarioCheck.lines(error))
        } catch {
            return Pages.problems("Nothing was run", [String(describing: error)])
        }
        do {
            let id = try queue.submit(prepared.request, total: prepared.total) { [workspace] entry in
                RunExecution.perform(entry, workspace: workspace)
            }
            return Response.redirect(to: "/runs/\(id.text)", type: .normal)
        } catch let full as RunQueue.QueueFull {
            return Pages.plain(.serviceUnavailable, "\(full.waiting) runs are already waiting, the most this workbench "
                               + "queues (--max-queued \(queue.maxQueued)); try again when one has finished.")
        }
    }

    // MARK: - Downloads

    private func download(_ context: BasicRequestContext) -> Response {
        guard let run = run(context), run.state == .finished else { return notFound() }
        let folder = workspace.resultsFolder(run.id)
        let top = "sufficiency-\(run.id.text)"
        do {
            switch context.parameters.get("what") {
            case "csv":
                let names = ResultsArchive.files(in: folder) { !$0.contains("/") && $0.hasSuffix(".csv") }
                return Pages.file(try ResultsArchive.zip(names, in: folder, top: top), type: "application/zip",
                                  download: top + "-csv.zip")
            case "xlsx":
                guard let url = workspace.file(in: folder, parts: ["results.xlsx"]) else { return notFound() }
                return Pages.file(try Data(contentsOf: url), type: Pages.type(of: "results.xlsx"), download: top + ".xlsx")
            case "zip":
                let names = ResultsArchive.files(in: folder) { _ in true }
                return Pages.file(try ResultsArchive.zip(names, in: folder, top: top), type: "application/zip",
                                  download: top + ".zip")
            default:
                return notFound()
            }
        } catch {
            return Pages.plain(.internalServerError, "The download could not be made: \(error).")
        }
    }

    // MARK: - Comparing

    private func compare(_ request: Request, full: Bool) -> Response {
        let query = request.uri.queryParameters
        guard let a = query["a"].flatMap({ RunID($0) }), let b = query["b"].flatMap({ RunID($0) }),
              let runA = queue.snapshot(a), let runB = queue.snapshot(b),
              runA.state == .finished, runB.state == .finished, runA.request.kind == .run, runB.request.kind == .run else {
            return Pages.plain(.notFound, "Choose two finished runs to compare (A and B) on the home page.")
        }
        do {
            let comparison = try RunComparison(a: ComparedFolder(path: workspace.resultsFolder(a).path),
                                               b: ComparedFolder(path: workspace.resultsFolder(b).path))
            if full { return Pages.html(ComparePage.render(comparison)) }
            return Pages.html(ComparisonPage.render(comparison, a: a, b: b))
        } catch {
            return Pages.plain(.unprocessableContent, String(describing: error))
        }
    }
}

/// What `/runs/ID/status` answers: `{"state", "done", "total", "secondsLeft"}` (null while
/// unknown).
struct StatusJSON: Encodable {
    let state: String
    let done: Int
    let total: Int
    let secondsLeft: Double?

    init(_ run: RunSnapshot) {
        state = run.state.rawValue
        done = run.done
        total = run.total
        secondsLeft = run.secondsLeft.map { ($0 * 10).rounded() / 10 }
    }

    enum CodingKeys: String, CodingKey { case state, done, total, secondsLeft }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
        try container.encode(done, forKey: .done)
        try container.encode(total, forKey: .total)
        try container.encode(secondsLeft, forKey: .secondsLeft)
    }
}
