/// Text put into the workbench's pages. Everything a user or a file can set — scenario and
/// option names, values, problem messages, file names — passes through `escape`, so it is
/// shown, never run.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by their character references: safe
    /// between tags and inside a quoted attribute.
    static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A whole page: the title (escaped), the workbench's style sheet and script, a header
    /// linking home, and `body` (already HTML).
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Sufficiency workbench</title>
        <link rel="stylesheet" href="/static/workbench.css">
        <script src="/static/workbench.js" defer></script>
        </head>
        <body>
        <header><a href="/" class="home">Sufficiency workbench</a></header>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// A table of `header` and `rows` (text, escaped), with `id` when given.
    static func table(id: String? = nil, header: [String], rows: [[String]], numericFrom: Int = Int.max) -> String {
        var out = "<table\(id.map { " id=\"\(escape($0))\"" } ?? "")><thead><tr>"
        out += header.map { "<th>\(escape($0))</th>" }.joined()
        out += "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { i, cell in
                i >= numericFrom ? "<td class=\"num\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>"
    }
}
