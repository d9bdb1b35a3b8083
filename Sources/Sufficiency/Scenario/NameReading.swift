import Foundation

/// How a name reads to a person, so two names that look the same in a results file or a
/// `--set` can be told apart before they are used.
///
/// Two names read the same when they are equal after compatibility normalisation (NFKC: a
/// non-breaking space is a space, a full-width `Ａ` is `A`), removing invisible characters
/// (zero-width spaces and joiners, soft hyphens, byte-order marks: Unicode's format characters),
/// mapping Cyrillic and Greek letters that look like Latin ones to those, trimming and
/// collapsing runs of white space to one space, and folding case.
enum NameReading {
    /// The form of `name` that two names a reader cannot tell apart share.
    static func key(_ name: String) -> String {
        var scalars: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in name.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.generalCategory == .format { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" ") }
            pendingSpace = false
            scalars.append(lookalikes[scalar] ?? scalar)
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text.lowercased()
    }

    /// Whether `name` differs from `other` only in ways `key` ignores, where the two are not
    /// the same text.
    static func confusable(_ name: String, _ other: String) -> Bool {
        name != other && key(name) == key(other)
    }

    /// What is different about two names that read the same, for a message.
    static func difference(_ name: String, _ other: String) -> String {
        let visible = { (text: String) in
            text.unicodeScalars.contains { $0.properties.generalCategory == .format || !$0.isASCII }
        }
        if visible(name) || visible(other) {
            return "they differ only in invisible or look-alike characters, shown as <U+…>"
        }
        return "they differ only in capitals or spacing"
    }

    /// Whether `scalar` is a Cyrillic or Greek letter drawn like a Latin one.
    static func isLookalike(_ scalar: Unicode.Scalar) -> Bool {
        lookalikes[scalar] != nil
    }

    /// Cyrillic and Greek letters drawn like Latin ones, mapped to those.
    private static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(UInt32, Character)] = [
            (0x0410, "A"), (0x0412, "B"), (0x0415, "E"), (0x041A, "K"), (0x041C, "M"), (0x041D, "H"),
            (0x041E, "O"), (0x0420, "P"), (0x0421, "C"), (0x0422, "T"), (0x0425, "X"), (0x0405, "S"),
            (0x0406, "I"), (0x0408, "J"), (0x0430, "a"), (0x0435, "e"), (0x043E, "o"), (0x0440, "p"),
            (0x0441, "c"), (0x0443, "y"), (0x0445, "x"), (0x0455, "s"), (0x0456, "i"), (0x0458, "j"),
            (0x04BB, "h"), (0x0391, "A"), (0x0392, "B"), (0x0395, "E"), (0x0396, "Z"), (0x0397, "H"),
            (0x0399, "I"), (0x039A, "K"), (0x039C, "M"), (0x039D, "N"), (0x039F, "O"), (0x03A1, "P"),
            (0x03A4, "T"), (0x03A5, "Y"), (0x03A7, "X"), (0x03BF, "o"), (0x03BD, "v"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (code, latin) in pairs {
            if let scalar = Unicode.Scalar(code), let target = latin.unicodeScalars.first { table[scalar] = target }
        }
        return table
    }()
}
