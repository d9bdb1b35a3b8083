import ArgumentParser
import Foundation
import Sufficiency

/// `sufficiency calibrate PACKAGES.csv`: a council's package history fitted into a scenario fragment.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit referral rates, growth, seasonality, package hours and durations from a package history.",
        discussion: """
        Reads a CSV of packages of care, one row each, with the columns package_id, person_id, zone, \
        client_group, start_date, end_date (empty while open), hours_per_week and provider, and \
        optionally end_reason, in any order (see docs/CALIBRATION.md). Writes into the output folder \
        calibrated.yaml, a scenario fragment a scenario can include (demand: referrals a week, growth, \
        twelve seasonal factors, client groups with their package hours and durations; caseload: \
        the packages open at the end of the as-of date with their days in care, for a scenario \
        starting the day after; the zones' referral shares as comments), fit.csv (every \
        fitted quantity with its 95% interval, each duration family's log-likelihood and AIC, the \
        empirical quantiles of hours) and fit.html (the duration fits against the Kaplan–Meier curve).

        Referrals: Poisson regression of weekly starts on a trend and month effects. Durations: \
        right-censored maximum likelihood for exponential, gamma, lognormal and Weibull, chosen by \
        AIC. Hours: lognormal and gamma, chosen by AIC.

        Examples:
          sufficiency calibrate packages.csv
          sufficiency calibrate packages.csv --out calibration --as-of 2025-03-31

        Exit status: 0 on success, 2 when the file has problems (each printed as \
        FILE:LINE:COLUMN: COLUMN: message; nothing is written), 64 for a mistake on the command \
        line, 1 for other failures.
        """
    )

    @Argument(help: "Package history (CSV).")
    var file: String

    @Option(help: ArgumentHelp("Output folder.", valueName: "folder"))
    var out: String = "calibration"

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "The date the history is read to (yyyy-mm-dd): packages open then are censored there and make the caseload; default the latest date in the file.",
        valueName: "date"))
    var asOf: String?

    @Flag(help: "Also replay the history: run the scenario the fragment makes over the history's dates (199 replications, ample capacity) and compare its monthly referrals and people in care with the history's, in replay.csv and fit.html.")
    var check = false

    func validate() throws {
        if let asOf, CalibrationDate.day(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date; expected yyyy-mm-dd, e.g. 2025-03-31.")
        }
    }

    func run() throws {
        try OutputFolderCheck.prepare(out)
        let calibration: Calibration
        let history: PackageHistory
        do {
            history = try PackageHistory.load(path: file)
            calibration = try Calibration.fit(history, asOf: asOf.flatMap(CalibrationDate.day))
        } catch {
            Terminal.standardError(error.description)
            throw ExitCode(2)
        }
        var replay: CalibrationReplay?
        if check {
            do {
                replay = try CalibrationReplay.run(calibration, history: history)
            } catch {
                Terminal.standardError("The calibrated scenario cannot be replayed:\n" + error.description)
                throw ExitCode(1)
            }
        }
        try OutputFolderCheck.finish {
            try CalibrationWriter.write(calibration, source: file, to: URL(fileURLWithPath: out), replay: replay)
        }
        let r = calibration.referrals
        func f(_ x: Double) -> String { String(format: "%.3g", x) }
        print("Calibrated \(calibration.packages) packages to \(out)/: \(f(r.ratePerWeek.value)) referrals a week "
              + "(95% \(f(r.ratePerWeek.low)) to \(f(r.ratePerWeek.high))), growth \(f(100 * r.growth.value))% a year; "
              + calibration.groups.map { "\($0.name): \($0.durations[0].family.rawValue) durations, mean \(f($0.durations[0].mean)) days" }
                .joined(separator: "; ") + ".")
        if let replay { print("Replay: " + replay.summary + ".") }
    }
}
