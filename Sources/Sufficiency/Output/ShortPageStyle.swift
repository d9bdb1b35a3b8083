/// The style of the short self-contained pages that stand beside a results file — compare.html
/// and a selection's report.html: one column, plain tables, figures right-aligned.
enum ShortPageStyle {
    /// Inline CSS; `extra` adds a page's own rules.
    static func css(_ extra: String = "") -> String {
        """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;margin:0;line-height:1.45}\
        main{max-width:60rem;margin:0 auto;padding:1.5rem}\
        table{border-collapse:collapse;margin:.5rem 0 1rem}\
        th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}\
        td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\
        .note{color:#555}\(extra)
        """
    }
}
