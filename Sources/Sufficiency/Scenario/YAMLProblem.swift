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
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var summary = problem
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
