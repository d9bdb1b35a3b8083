/// `/`: the scenarios to open (bundled and uploaded), the upload form, and every run so far.
enum HomePage {
    static func render(bundled: [ScenarioEntry], uploaded: [ScenarioEntry], runs: [RunSnapshot], uploadLimit: Int) -> String {
        func links(_ entries: [ScenarioEntry]) -> String {
            entries.isEmpty ? "<p>None yet.</p>"
                : "<ul>" + entries.map { "<li><a class=\"scenario\" href=\"/scenarios/\(HTML.escape($0.name))\">\(HTML.escape($0.name))</a></li>" }
                    .joined(separator: "\n") + "</ul>"
        }
        var body = "<h1>Scenarios</h1>\n<h2>Bundled</h2>\n" + links(bundled)
        body += "\n<h2>Uploaded</h2>\n" + links(uploaded)
        body += """

        <h2>Upload a scenario</h2>
        <form id="upload-form" method="post" action="/scenarios" enctype="multipart/form-data">
        <input type="file" name="scenario" accept=".yaml,.yml" required>
        <button type="submit" id="upload">Upload</button>
        <span class="hint">A .yaml file of at most \(uploadLimit / 1_048_576) MB; it is checked before it is kept, and the files it includes must already be in the workspace's scenarios folder.</span>
        </form>
        <h2>Runs</h2>

        """
        if runs.isEmpty {
            body += "<p>No runs yet: open a scenario and run it.</p>"
        } else {
            body += "<form method=\"get\" action=\"/compare\" id=\"compare-form\"><table id=\"runs\"><thead><tr><th>A</th><th>B</th><th>Run</th><th>Kind</th><th>Scenario</th><th>State</th><th>Asked for</th><th>Changes</th></tr></thead><tbody>\n"
            for run in runs {
                let id = HTML.escape(run.id.text)
                let compare = run.request.kind == .run && run.state == .finished
                body += "<tr><td>" + (compare ? "<input type=\"radio\" name=\"a\" value=\"\(id)\">" : "")
                    + "</td><td>" + (compare ? "<input type=\"radio\" name=\"b\" value=\"\(id)\">" : "")
                    + "</td><td><a class=\"run\" href=\"/runs/\(id)\">\(id)</a></td><td>\(run.request.kind.rawValue)</td>"
                    + "<td>\(HTML.escape(run.request.scenario))</td><td class=\"state\">\(run.state.rawValue)</td>"
                    + "<td>\(HTML.escape(run.request.requestedAt))</td>"
                    + "<td>\(HTML.escape(run.request.overrides.joined(separator: "; ")))</td></tr>\n"
            }
            body += "</tbody></table><button type=\"submit\" id=\"compare\">Compare A with B</button></form>"
        }
        return HTML.page(title: "Home", body: body)
    }
}
