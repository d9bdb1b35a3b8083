import Foundation

extension Calibration {
    /// `fit.html`: a self-contained page (no scripts, no network) with the referral fit and, for
    /// each client group, the duration fits drawn against the Kaplan–Meier curve and its 95% band.
    /// Every name from the package file is HTML-escaped. With `replay`, a last section sets the
    /// history's monthly referrals and people in care beside the calibrated scenario's.
    public func fitReport(source: String, replay: CalibrationReplay? = nil) -> String {
        func e(_ s: String) -> String { Report.escape(s) }
        func f(_ x: Double) -> String { String(format: "%.4g", x) }
        func interval(_ x: Estimate) -> String { "\(f(x.value)) (\(f(x.low)) to \(f(x.high)))" }
        var h = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Calibration of \(e(source))</title>
        <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#222}
        table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:right}
        td:first-child,th:first-child{text-align:left}.note{color:#555}</style></head><body>
        <h1>Calibration of \(e(source))</h1>
        <p>\(packages) packages starting \(CSVFormat.day(firstStart)) to the as-of date \(CSVFormat.day(asOf)). \
        Intervals are 95%. Every figure is in fit.csv.</p>
        <h2>Referrals</h2>
        <p>Poisson regression of \(referrals.weeks) weekly counts (\(referrals.starts) starts) on a trend\
        \(referrals.seasonality == nil ? " (the history is shorter than a year, so no month effects)" : " and month effects").</p>
        <table><tr><th>quantity</th><th>estimate (95% interval)</th></tr>
        <tr><td>referrals a week at the start</td><td>\(interval(referrals.ratePerWeek))</td></tr>
        <tr><td>referrals a week on the as-of date</td><td>\(interval(referrals.ratePerWeekAtAsOf))</td></tr>
        <tr><td>annual growth</td><td>\(interval(referrals.growth))</td></tr>

        """
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        for (m, factor) in (referrals.seasonality ?? []).enumerated() {
            h += "<tr><td>seasonal factor, \(months[m])</td><td>\(interval(factor))</td></tr>\n"
        }
        h += "</table>\n"
        for group in groups {
            h += "<h2>Durations: \(e(group.name))</h2>\n"
            h += "<p>\(group.ended) ended, \(group.open) open on the as-of date (censored). Chosen by AIC: "
                + "<strong>\(group.durations[0].family.rawValue)</strong>, mean \(f(group.durations[0].mean)) days.</p>\n"
            h += "<table><tr><th>family</th><th>mean days (95% interval)</th><th>log-likelihood</th><th>AIC</th></tr>\n"
            for fit in group.durations {
                h += "<tr><td>\(fit.family.rawValue)</td><td>\(interval(fit.parameter("mean")!))</td>"
                    + "<td>\(f(fit.logLikelihood))</td><td>\(f(fit.aic))</td></tr>\n"
            }
            h += "</table>\n" + survivalChart(group)
            let hours = group.hours[0]
            h += "<p>Hours a week: \(hours.family.rawValue), mean \(interval(hours.parameter("mean")!)), sd \(f(hours.sd)); "
                + "empirical quartiles \(group.hoursQuantiles.filter { [0.25, 0.5, 0.75].contains($0.probability) }.map { f($0.value) }.joined(separator: ", ")).</p>\n"
        }
        if let replay { h += replay.section() }
        h += "</body></html>\n"
        return h
    }

    /// An SVG of the share still open against days: the Kaplan–Meier steps, their band shaded,
    /// and each fitted family's survival curve.
    func survivalChart(_ group: Group) -> String {
        let width = 640.0, height = 320.0, left = 50.0, right = 130.0, top = 15.0, bottom = 35.0
        let points = group.kaplanMeier.points
        let maxTime = max(points.last?.time ?? 1, 1)
        func x(_ t: Double) -> Double { left + (width - left - right) * t / maxTime }
        func y(_ s: Double) -> Double { top + (height - top - bottom) * (1 - s) }
        func p(_ a: Double, _ b: Double) -> String { String(format: "%.1f,%.1f", a, b) }
        var steps = [p(x(0), y(1))], upper = [p(x(0), y(1))], lower = [p(x(0), y(1))]
        var previous = (s: 1.0, low: 1.0, high: 1.0)
        for point in points {
            steps += [p(x(point.time), y(previous.s)), p(x(point.time), y(point.survival))]
            upper += [p(x(point.time), y(previous.high)), p(x(point.time), y(point.high))]
            lower += [p(x(point.time), y(previous.low)), p(x(point.time), y(point.low))]
            previous = (point.survival, point.low, point.high)
        }
        let colours = ["#1b6ac9", "#c9461b", "#2a9d3c", "#8a3fb5"]
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" "
            + "height=\"\(Int(height))\" role=\"img\" aria-label=\"Share of packages still open against days\">\n"
        svg += "<polygon points=\"\((upper + lower.reversed()).joined(separator: " "))\" fill=\"#bbb\" fill-opacity=\"0.5\"/>\n"
        svg += "<polyline points=\"\(steps.joined(separator: " "))\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/>\n"
        for (i, fit) in group.durations.enumerated() {
            let curve = (0...100).map { k -> String in
                let t = maxTime * Double(k) / 100
                return p(x(t), y(t == 0 ? 1 : fit.survival(t)))
            }
            let colour = colours[i % colours.count]
            svg += "<polyline points=\"\(curve.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.2\""
                + (i == 0 ? "" : " stroke-dasharray=\"4 3\"") + "/>\n"
            svg += "<text x=\"\(Int(width - right + 8))\" y=\"\(Int(top + 16 * Double(i + 2)))\" font-size=\"12\" fill=\"\(colour)\">"
                + "\(fit.family.rawValue)\(i == 0 ? " (chosen)" : "")</text>\n"
        }
        svg += "<text x=\"\(Int(width - right + 8))\" y=\"\(Int(top + 16))\" font-size=\"12\">Kaplan–Meier, 95% band</text>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(width - right)\" y2=\"\(y(0))\" stroke=\"#444\"/>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(left)\" y2=\"\(y(1))\" stroke=\"#444\"/>\n"
        for s in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += "<text x=\"\(Int(left - 6))\" y=\"\(Int(y(s) + 4))\" font-size=\"11\" text-anchor=\"end\">\(Int(s * 100))%</text>\n"
        }
        for k in 0...4 {
            let t = maxTime * Double(k) / 4
            svg += "<text x=\"\(Int(x(t)))\" y=\"\(Int(height - bottom + 16))\" font-size=\"11\" text-anchor=\"middle\">\(Int(t.rounded()))</text>\n"
        }
        svg += "<text x=\"\(Int((left + width - right) / 2))\" y=\"\(Int(height - 4))\" font-size=\"12\" text-anchor=\"middle\">days from the package's start</text>\n"
        return svg + "</svg>\n"
    }
}
