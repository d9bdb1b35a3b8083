import Foundation
import HTTPTypes
import Hummingbird

/// Responses the routes share: pages, plain messages, JSON, files.
enum Pages {
    /// An HTML page.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A short page saying `message` (escaped), for refusals and errors.
    static func plain(_ status: HTTPResponse.Status, _ message: String) -> Response {
        html(HTML.page(title: status.reasonPhrase,
                       body: "<h1>\(status.code) \(HTML.escape(status.reasonPhrase))</h1>\n<p class=\"message\">\(HTML.escape(message))</p>"),
             status: status)
    }

    /// A page listing a scenario's problems, for a refused upload or run (422).
    static func problems(_ title: String, _ lines: [String], status: HTTPResponse.Status = .unprocessableContent) -> Response {
        html(HTML.page(title: title, body: "<h1>\(HTML.escape(title))</h1>\n" + problemList(lines)), status: status)
    }

    /// `<ul id="problems">` with one item per line (escaped); an empty list when there are none.
    static func problemList(_ lines: [String]) -> String {
        "<ul id=\"problems\">" + lines.map { "<li>\(HTML.escape($0))</li>" }.joined(separator: "\n") + "</ul>"
    }

    /// JSON from an encodable value.
    static func json(_ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The bytes of a file with its type; `download` names the file to save it as.
    static func file(_ data: Data, type: String, download: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        // A results file is the tool's own output, shown alone: no script runs in it.
        headers[.contentSecurityPolicy] = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The content type of a results file by its extension.
    static func type(of name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "txt", "md": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
