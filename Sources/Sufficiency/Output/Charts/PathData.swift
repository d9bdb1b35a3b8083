/// SVG path data (`d` attributes) for lines and bands that break where values are missing.
enum PathData {
    /// A polyline through `points`, broken into separate pieces at each nil, so a missing
    /// period shows as a gap rather than a line drawn across it. A piece of one point is drawn
    /// as a zero-length segment, which round line caps show as a dot. Empty when no point is given.
    static func line(_ points: [(x: Double, y: Double)?]) -> String {
        runs(points).map { run in
            let head = "M" + pair(run[0])
            if run.count == 1 { return head + " h0" }
            return head + run.dropFirst().map { " L" + pair($0) }.joined()
        }.joined(separator: " ")
    }

    /// A filled band between `lower` and `upper` (matched by index), closed piece by piece
    /// wherever either edge is missing. Empty when no index has both.
    static func band(lower: [(x: Double, y: Double)?], upper: [(x: Double, y: Double)?]) -> String {
        let both: [((x: Double, y: Double), (x: Double, y: Double))?] = zip(lower, upper).map { l, u in
            guard let l, let u else { return nil }
            return (l, u)
        }
        return runs(both).map { run in
            // Along the lower edge, back along the upper one.
            let outward = run.map(\.0), back = run.map(\.1).reversed()
            return "M" + pair(outward[0]) + outward.dropFirst().map { " L" + pair($0) }.joined()
                + back.map { " L" + pair($0) }.joined() + " Z"
        }.joined(separator: " ")
    }

    private static func pair(_ p: (x: Double, y: Double)) -> String {
        ChartNumber.px(p.x) + "," + ChartNumber.px(p.y)
    }

    /// The unbroken stretches of non-nil elements.
    private static func runs<T>(_ items: [T?]) -> [[T]] {
        var out: [[T]] = [], current: [T] = []
        for item in items {
            if let item { current.append(item) } else if !current.isEmpty { out.append(current); current = [] }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
