extension String {
    /// The text with invisible and unusual space characters written as `<U+200B>`, so a
    /// message can show how two names that look the same differ: format characters (zero-width
    /// spaces and joiners, soft hyphens), every white space but the ordinary space, and the
    /// Cyrillic and Greek letters drawn like Latin ones.
    var visibleEscapes: String {
        var shown = ""
        for scalar in unicodeScalars {
            let invisible = scalar.properties.generalCategory == .format
                || (scalar.properties.isWhitespace && scalar != " ") || NameReading.isLookalike(scalar)
            if invisible {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                shown += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
