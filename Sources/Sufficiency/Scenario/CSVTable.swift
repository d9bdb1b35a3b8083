/// A comma-separated file read into records of fields, each field remembering its line and
/// column (from 1; columns count Unicode scalars) so messages can point at it.
///
/// Follows RFC 4180: fields may be quoted with `"`, a doubled `""` inside quotes is one
/// quote, quoted fields may hold commas and line breaks; lines end with LF or CRLF. Unquoted
/// fields are trimmed of spaces and tabs. Blank lines are skipped, and a leading byte-order
/// mark is ignored. Spaces before an opening quote are allowed.
struct CSVTable {
    struct Field: Equatable {
        var text: String
        var line: Int
        var column: Int
    }

    struct Record: Equatable {
        var fields: [Field]
        /// The line the record starts on.
        var line: Int
    }

    private(set) var records: [Record] = []
    /// Where a quoted field starts that is never closed, if one is.
    private(set) var unclosedQuote: (line: Int, column: Int)?

    init(text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var line = 1
        var column = 1
        var index = 0
        var fields: [Field] = []
        var recordLine = 1

        func finishRecord() {
            let blank = fields.count == 1 && fields[0].text.isEmpty
            if !blank { records.append(Record(fields: fields, line: recordLine)) }
            fields = []
        }

        while index <= scalars.count {
            // Start of a field; spaces before an opening quote are skipped.
            if fields.isEmpty { recordLine = line }
            var blanks = 0
            while index + blanks < scalars.count, scalars[index + blanks] == " " || scalars[index + blanks] == "\t" {
                blanks += 1
            }
            if index + blanks < scalars.count, scalars[index + blanks] == "\"" {
                index += blanks
                column += blanks
            }
            let fieldLine = line
            let fieldColumn = column
            var text = String.UnicodeScalarView()
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                column += 1
                var closed = false
                while index < scalars.count {
                    let scalar = scalars[index]
                    if scalar == "\"" {
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                            text.append("\"")
                            index += 2
                            column += 2
                            continue
                        }
                        index += 1
                        column += 1
                        closed = true
                        break
                    }
                    text.append(scalar)
                    index += 1
                    if scalar == "\n" {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                }
                if !closed, unclosedQuote == nil { unclosedQuote = (fieldLine, fieldColumn) }
                // Anything between the closing quote and the separator is kept, trimmed.
                while index < scalars.count, scalars[index] != ",", scalars[index] != "\n", scalars[index] != "\r" {
                    if scalars[index] != " " && scalars[index] != "\t" { text.append(scalars[index]) }
                    index += 1
                    column += 1
                }
                fields.append(Field(text: String(text), line: fieldLine, column: fieldColumn))
            } else {
                while index < scalars.count, scalars[index] != ",", scalars[index] != "\n", scalars[index] != "\r" {
                    text.append(scalars[index])
                    index += 1
                    column += 1
                }
                let isBlank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
                let leading = text.prefix(while: isBlank).count
                let trailing = text.reversed().prefix(while: isBlank).count
                let kept = leading == text.count ? "" : String(String.UnicodeScalarView(text.dropFirst(leading).dropLast(trailing)))
                fields.append(Field(text: kept, line: fieldLine, column: fieldColumn + leading))
            }
            // Separator or end.
            if index >= scalars.count {
                finishRecord()
                break
            }
            switch scalars[index] {
            case ",":
                // A separator at the very end is followed by one more (empty) field, read next.
                index += 1
                column += 1
                continue
            case "\r":
                index += 1
                if index < scalars.count, scalars[index] == "\n" { index += 1 }
                finishRecord()
                line += 1
                column = 1
            default: // "\n"
                index += 1
                finishRecord()
                line += 1
                column = 1
            }
            if index >= scalars.count { break }
        }
    }
}
