import Yams

/// A scenario file's YAML tree with the files it includes merged in (`IncludeMerge`), before
/// any override is applied: what the sections are decoded from.
///
/// Composing it reads every included file once; an experiment keeps it and decodes each of
/// its points' scenarios from it, so every point sees the same files.
struct ScenarioDocument {
    /// The merged tree, without its `include` keys. Its marks point into `sources`.
    let root: Node
    /// The scenario file and the files it includes, in the order they were read.
    let sources: SourceMap
    /// The included files, in the order they were read (a file included twice is listed twice).
    let included: [IncludedFile]
}
