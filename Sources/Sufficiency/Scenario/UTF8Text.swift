import Foundation

/// The text of a file's bytes when they are UTF-8, or where and why they are not.
///
/// Scenario files and the CSV files they name must be UTF-8 (ASCII is UTF-8). A file saved as
/// UTF-16, Latin-1 or Windows-1252, or one that is not text at all, is refused with the line
/// and column (from 1; columns count Unicode scalars) of the first byte that cannot be read,
/// so the user can find it.
enum UTF8Text {
    /// Why bytes are not UTF-8 text, and where the first offending byte is.
    struct Problem: Error, Equatable {
        var line: Int
        var column: Int
        /// A full sentence, e.g. `the file is not UTF-8 text: byte 0xE9 cannot be read as
        /// UTF-8 (Latin-1 or Windows-1252?); save the file as UTF-8.`
        var message: String
    }

    /// The text of `data`, or the first problem that keeps it from being text.
    static func decode(_ data: Data) -> Result<String, Problem> {
        if let encoding = byteOrderMarkEncoding(data) {
            return .failure(Problem(line: 1, column: 1, message: "the file is \(encoding) text (it starts with a "
                                    + "\(encoding) byte-order mark); save it as UTF-8."))
        }
        if !data.contains(0), let text = String(data: data, encoding: .utf8) { return .success(text) }
        return .failure(firstProblem(in: [UInt8](data)))
    }

    /// Where the first NUL or byte that is not UTF-8 is in `bytes`, which hold one.
    private static func firstProblem(in bytes: [UInt8]) -> Problem {
        var line = 1
        var column = 1
        var offset = 0
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\0" {
                    // Valid UTF-8, but no text file holds one: binary data, or UTF-16 without a mark.
                    return Problem(line: line, column: column, message: "the file is not text: it holds a NUL byte "
                                   + "(binary data, or UTF-16 without a byte-order mark?); save it as UTF-8 text.")
                }
                offset += encoded.count
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                let byte = String(format: "0x%02X", bytes[offset])
                return Problem(line: line, column: column, message: "the file is not UTF-8 text: byte \(byte) cannot "
                               + "be read as UTF-8 (Latin-1 or Windows-1252?); save the file as UTF-8.")
            case .emptyInput:
                // Foundation refused bytes the parser accepts; say so without a better place.
                return Problem(line: 1, column: 1, message: "the file is not UTF-8 text; save it as UTF-8.")
            }
        }
    }

    /// The encoding a leading UTF-16 or UTF-32 byte-order mark names, if there is one.
    private static func byteOrderMarkEncoding(_ bytes: Data) -> String? {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return "UTF-32"
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16" }
        return nil
    }
}
