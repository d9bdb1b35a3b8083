import Yams

/// Why YAML text could not be read, in words, and where (line and column from 1).
struct YAMLProblem {
    let line: Int?
    let column: Int?
    /// libyaml's description, without a final full stop, e.g. `mapping values are not
    /// allowed in this context`.
    let summary: String

    init(_ error: any Error) {
        guard let error = error as? YamlError else {
            (line, column, summary) = (nil, nil, String(describing: error))
            return
        }
        switch error {
        case let .scanner(context, problem, mark, yaml),
             let .parser(context, problem, mark, yaml),
             let .composer(context, problem, mark, yaml):
            var summary = problem
            // libyaml does not say which alias; it is the text where the problem is.
            if problem == "found undefined alias", let alias = YAMLProblem.token(atLine: mark.line, column: mark.column, in: yaml) {
                summary += " \(Excerpt.quoted(alias)) (no anchor '&\(alias.dropFirst())' comes before it)"
            }
            if let context {
                summary += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            (line, column, self.summary) = (mark.line, mark.column, summary)
        case let .reader(problem, offset, _, yaml):
            if let offset, let (line, column) = YAMLProblem.position(ofCharacter: offset, in: yaml) {
                (self.line, self.column) = (line, column)
            } else {
                (line, column) = (nil, nil)
            }
            summary = problem
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            (line, column) = (context.mark.line, context.mark.column)
            summary = duplicates.count == 1
                ? "the key \(keys) appears more than once in the same mapping"
                : "the keys \(keys) appear more than once in the same mapping"
        default:
            (line, column, summary) = (nil, nil, String(describing: error))
        }
    }

    /// The text at `line` and `column` (from 1, columns in Unicode scalars) up to the next space
    /// or flow punctuation, e.g. an alias `*rate`; nil when there is none.
    private static func token(atLine line: Int, column: Int, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count, column >= 1 else { return nil }
        let scalars = lines[line - 1].unicodeScalars
        guard column <= scalars.count else { return nil }
        let token = scalars.dropFirst(column - 1).prefix { !" \t\r,[]{}#".unicodeScalars.contains($0) }
        return token.isEmpty ? nil : String(String.UnicodeScalarView(token))
    }

    /// Line and column (from 1, columns in Unicode scalars) of the character at `offset`.
    private static func position(ofCharacter offset: Int, in text: String) -> (Int, Int)? {
        guard offset >= 0, offset <= text.count else { return nil }
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}
