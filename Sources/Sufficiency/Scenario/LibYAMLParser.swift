import CYaml

/// A libyaml parser over UTF-8 text, for the passes that read libyaml's events directly
/// (`YAMLComposer`, `YAMLAliasBudget`).
enum LibYAMLParser {
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
