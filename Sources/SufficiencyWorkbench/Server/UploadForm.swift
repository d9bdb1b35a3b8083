import Foundation
import MultipartKit
import NIOCore

/// The scenario file of the upload form (`multipart/form-data`, field `scenario`): its name as
/// the browser gave it and its bytes.
struct UploadForm {
    let fileName: String
    let data: Data

    /// Reads `body`, sent with `contentType`; nil when it is not a multipart form with a
    /// `scenario` file in it.
    init?(body: ByteBuffer, contentType: String?) {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = UploadForm.parameter("boundary", in: contentType) else { return nil }
        let parser = MultipartParser(boundary: boundary)
        var headers: [(String, String)] = []
        var part = ByteBuffer()
        var found: (String, Data)? = nil
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { chunk in part.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            if found == nil, UploadForm.parameter("name", in: disposition) == "scenario" {
                found = (UploadForm.parameter("filename", in: disposition) ?? "", Data(part.readableBytesView))
            }
            headers = []
            part.clear()
        }
        do { try parser.execute(body) } catch { return nil }
        guard let found else { return nil }
        fileName = found.0
        data = found.1
    }

    /// The value of `name=value` or `name="value"` among the `;`-separated parts of a header.
    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pieces = part.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2, pieces[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pieces[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}

/// The fields of a form posted as `application/x-www-form-urlencoded`, in order.
enum PostedForm {
    static func fields(_ body: ByteBuffer) -> [(String, String)] {
        let text = String(buffer: body)
        return text.split(separator: "&").compactMap { pair in
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(pieces[0]) else { return nil }
            return (name, pieces.count > 1 ? decode(pieces[1]) ?? "" : "")
        }
    }
}
