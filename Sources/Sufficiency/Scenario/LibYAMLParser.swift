import CYaml

/// A libyaml parser over UTF-8 text, for the passes that read libyaml's events directly
/// (`YAMLComposer`, `YAMLAliasBudget`).
///
/// libyaml comes from Yams' `CYaml` module, which is not part of Yams' public API (Yams'
/// only product is `Yams`; its public `Parser` gives nodes, not events). A Yams release may
/// rename or drop that module, or bundle another libyaml (6.2.2 bundles libyaml 0.2.5, without
/// its version functions), so the pin in Package.swift is exact and `YamsInternalsTests`
/// fails, naming what to check, when the Yams pinned or resolved is not this one.
enum LibYAMLParser {
    /// The Yams release these passes were written and checked against.
    static let checkedYams = "6.2.2"

    /// Calls `body` with a parser reading `text`, freed afterwards; nil if libyaml cannot make one.
    static func withParser<Result>(_ text: String, _ body: (UnsafeMutablePointer<yaml_parser_t>) -> Result?) -> Result? {
        var text = text
        return text.withUTF8 { bytes in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            return body(parser)
        }
    }
}
