/// Builds the text of one standalone SVG 1.1 image, element by element.
///
/// Every attribute value and text is escaped here, so no caller can break the XML with a
/// series called "A & B <test>". Styling is by presentation attributes, not a `<style>`
/// element: the report puts several charts inline in one HTML page, where a `<style>` in one
/// chart would restyle all of them. Nothing refers outside the file (no links, fonts or
/// scripts), so a chart opens the same from disk, from an e-mail or inside the report.
struct SVGDocument {
    private(set) var text = ""
    private var depth = 0
    private var open: [String] = []

    /// Starts the image: the root element, sized in pixels with a matching viewBox so it scales,
    /// then its `<title>` (what screen readers announce, and the tooltip). The title's id is
    /// derived from the chart's kind and title, so it is stable from run to run and differs
    /// between the charts of one report page.
    init(width: Int, height: Int, kind: String, title: String) {
        let id = "chart-\(kind)-" + Self.hash(kind + "\u{1}" + title)
        start("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
                      ("viewBox", "0 0 \(width) \(height)"), ("width", "\(width)"), ("height", "\(height)"),
                      ("role", "img"), ("aria-labelledby", id), ("class", "chart chart-\(kind)"),
                      ("font-family", ChartStyle.fontFamily), ("font-size", "12"), ("fill", ChartStyle.textColour)])
        element("title", [("id", id)], text: title)
        // A white ground, so the chart reads the same on a dark page or a transparent viewer.
        element("rect", [("class", "background"), ("x", "0"), ("y", "0"), ("width", "\(width)"),
                         ("height", "\(height)"), ("fill", "#FFFFFF")])
    }

    /// Opens an element that will hold others; close it with `end()`.
    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        line("<" + name + Self.attributes(attributes) + ">")
        open.append(name)
        depth += 1
    }

    /// Closes the element most recently opened.
    mutating func end() {
        depth -= 1
        line("</" + open.removeLast() + ">")
    }

    /// An element with no children, or with `text` as its content.
    mutating func element(_ name: String, _ attributes: [(String, String)], text content: String? = nil) {
        if let content {
            line("<" + name + Self.attributes(attributes) + ">" + Self.escape(content) + "</" + name + ">")
        } else {
            line("<" + name + Self.attributes(attributes) + "/>")
        }
    }

    /// A `<text>` of several lines, one `<tspan>` a line, each `lineHeight` pixels below the
    /// one before and starting at `x`; with one line, a plain text element.
    mutating func lines(_ attributes: [(String, String)], lines: [String], x: Double, lineHeight: Double) {
        guard lines.count > 1 else { element("text", attributes, text: lines.first ?? ""); return }
        start("text", attributes)
        for (i, line) in lines.enumerated() {
            element("tspan", [("x", ChartNumber.px(x)), ("dy", i == 0 ? "0" : ChartNumber.px(lineHeight))], text: line)
        }
        end()
    }

    /// The finished image, every element closed.
    mutating func finish() -> String {
        while !open.isEmpty { end() }
        return text
    }

    private mutating func line(_ s: String) {
        text += String(repeating: " ", count: depth) + s + "\n"
    }

    private static func attributes(_ list: [(String, String)]) -> String {
        list.map { " " + $0.0 + "=\"" + escape($0.1) + "\"" }.joined()
    }

    /// `s` safe as XML text or attribute value: the five special characters as entities, and
    /// the control characters XML 1.0 forbids (all below space but tab, newline and return)
    /// dropped rather than making the file unreadable.
    static func escape(_ s: String) -> String {
        // Most strings (numbers, path data, plain names) need nothing: one pass over the bytes
        // finds out, and a long path's data is not copied a scalar at a time.
        if !s.utf8.contains(where: mayNeedEscaping) { return s }
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether a UTF-8 byte may start something `escape` changes: a special character, a
    /// forbidden control character, or 0xEF, the first byte of U+FFFE and U+FFFF (and of other
    /// characters, which the full pass then keeps).
    private static func mayNeedEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        case 0x09, 0x0A, 0x0D: return false
        case 0..<0x20, 0xEF: return true
        default: return false
        }
    }

    /// 64-bit FNV-1a of `s`'s UTF-8, as 16 hex digits: a stable id, unlike Swift's `hashValue`,
    /// which is seeded afresh in every process.
    static func hash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in s.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
