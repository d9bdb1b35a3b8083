import Foundation

extension String {
    /// The text without the spaces and tabs around it: exactly
    /// `trimmingCharacters(in: .whitespaces)`, without calling Foundation for the usual text
    /// that has nothing to trim (scalars from YAML come trimmed), which the loader does for
    /// nearly every value.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        // Among ASCII characters only space and tab are whitespace; others Foundation decides.
        if first.isASCII, last.isASCII, first != " ", first != "\t", last != " ", last != "\t" { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
