extension MeasureDefinition.Table {
    /// The line before the table in docs/OUTPUTS.md.
    public var startMarker: String {
        "<!-- measures:\(rawValue): generated from MeasureDefinition; SUFFICIENCY_WRITE_DOCS=1 swift test --filter MeasureCatalogueTests -->"
    }

    /// The line after it.
    public var endMarker: String { "<!-- end measures:\(rawValue) -->" }

    /// The table of measures as docs/OUTPUTS.md gives it (Markdown, one line a measure).
    public var markdown: String {
        var header = ["measure", "unit", "over a window", "meaning"]
        if self == .coverage { header.append("county (`all`)") }
        if self != .providers { header.append("better") }
        var lines = ["| " + header.joined(separator: " | ") + " |",
                     "|" + String(repeating: "---|", count: header.count)]
        for d in definitions {
            var cells = ["`\(d.name)`", d.unit, d.aggregation.rawValue, d.meaning]
            if self == .coverage { cells.append(d.county ?? "—") }
            if self != .providers { cells.append(d.better?.rawValue ?? "—") }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}

/// docs/OUTPUTS.md's tables of measures, written from `MeasureDefinition`'s tables.
public enum MeasureDocument {
    /// A table's markers are missing or out of order.
    public struct MarkersMissing: Error, CustomStringConvertible {
        public let table: MeasureDefinition.Table
        public var description: String {
            "docs/OUTPUTS.md has no \"\(table.startMarker)\" line followed by \"\(table.endMarker)\"."
        }
    }

    /// `text` (docs/OUTPUTS.md) with the lines between each table's markers replaced by the table.
    public static func updating(_ text: String) throws(MarkersMissing) -> String {
        var lines = text.components(separatedBy: "\n")
        for table in MeasureDefinition.Table.allCases {
            guard let start = lines.firstIndex(of: table.startMarker),
                  let end = lines[start...].firstIndex(of: table.endMarker) else { throw MarkersMissing(table: table) }
            lines.replaceSubrange((start + 1)..<end, with: table.markdown.components(separatedBy: "\n"))
        }
        return lines.joined(separator: "\n")
    }
}
