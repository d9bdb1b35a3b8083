import Yams

extension Mark {
    /// A mark at `line` and `column` (from 1). Yams keeps its initialiser internal; a mark is
    /// its two integers, line first, so it is built from them (`YAMLComposerTests` compares
    /// the marks the quick composer makes this way with those Yams makes).
    static func at(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }
}
