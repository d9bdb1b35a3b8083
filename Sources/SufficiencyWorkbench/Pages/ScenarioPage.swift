import Sufficiency

/// `/scenarios/NAME`: the scenario's problems as `validate` reports them, and the run form: one
/// input per lever, the equivalent command line, and buttons to run it, sweep it or solve it.
enum ScenarioPage {
    static func render(_ check: ScenarioCheck) -> String {
        let entry = check.entry
        var body = "<h1>\(HTML.escape(check.title ?? entry.name))</h1>\n"
        body += "<p>File: <code>\(HTML.escape(entry.path))</code>\(entry.uploaded ? " (uploaded)" : " (bundled)")"
            + " · <a id=\"download-scenario\" href=\"/scenarios/\(HTML.escape(entry.name))/yaml\">download it</a> to start your own from it</p>\n"
        body += "<h2>Validation</h2>\n"
        body += check.problems.isEmpty ? "<p id=\"valid\">valid.\(HTML.escape(check.sections))</p>\n" : ""
        body += Pages.problemList(check.problems) + "\n"
        if !check.warnings.isEmpty {
            body += "<ul id=\"warnings\">" + check.warnings.map { "<li>warning: \(HTML.escape($0))</li>" }.joined(separator: "\n") + "</ul>\n"
        }
        guard check.problems.isEmpty else {
            body += "<p>Fix these problems in the file (and upload it again) to run it.</p>"
            return HTML.page(title: check.title ?? entry.name, body: body)
        }
        body += "<h2>Run</h2>\n<form id=\"run-form\" method=\"post\" action=\"/runs\">\n"
        body += "<input type=\"hidden\" name=\"scenario\" value=\"\(HTML.escape(entry.name))\">\n"
        var group: String? = nil
        for field in check.fields {
            if field.group != group {
                if group != nil { body += "</fieldset>\n" }
                body += "<fieldset><legend>\(HTML.escape(field.group))</legend>\n"
                group = field.group
            }
            body += field.html + "\n"
        }
        if group != nil { body += "</fieldset>\n" }
        let base = PreparedRun.commandLine(.run, file: entry.path, overrides: []).prefix(3).map(CommandLineText.quoted).joined(separator: " ")
        body += "<p>The same run from a terminal (CSV files byte for byte):</p>\n"
        body += "<code id=\"command-line\" data-base=\"\(HTML.escape(base))\" data-tail=\"--no-ranking --xlsx\">"
            + "\(HTML.escape(base + " --no-ranking --xlsx"))</code>\n"
        body += "<p><button type=\"submit\" id=\"run\" name=\"kind\" value=\"run\">Run</button>"
        if check.hasSweep { body += "<button type=\"submit\" id=\"sweep\" name=\"kind\" value=\"sweep\">Run the sweep</button>" }
        if check.hasSolve { body += "<button type=\"submit\" id=\"solve\" name=\"kind\" value=\"solve\">Run the solve</button>" }
        body += "</p>\n"
        if check.hasSweep || check.hasSolve {
            body += "<p class=\"hint\">The sweep and the solve use the values above too, as `sufficiency sweep` and `sufficiency solve` with the same --set.</p>\n"
        }
        body += "</form>\n"
        return HTML.page(title: check.title ?? entry.name, body: body)
    }
}
