import Yams

/// A scenario's `sweep:` section: which values to vary and how to choose the points.
public struct SweepSettings: Sendable {
    public var design: SweepDesign
    /// Points of a Latin hypercube or Sobol design, or a Saltelli design's base rows N (it runs
    /// N·(k + 2) points for k parameters); nil for a grid (one point per combination).
    public var points: Int?
    public var parameters: [SweepParameter]
    /// Where the section is written, for problems with the whole sweep.
    var location: SourceLocation?

    static let keys = ["design", "points", "parameters"]
    static let parameterKeys = ["path", "values", "range", "steps"]
    /// Sections a sweep may not vary: every point runs with the same seed and replications
    /// (common random numbers), and experiments do not nest.
    static let fixedSections = ["run", "sweep", "solve"]
    /// The most points a sweep may have. Every point's scenario is loaded and checked before
    /// any runs, and each runs every replication, so more would not finish; without a bound,
    /// a mistyped `points` or `steps` asked for more memory than exists.
    static let maximumPoints = 10_000

    /// Every point of the design, numbered from 1, each with one value per parameter.
    ///
    /// - Parameter seed: the run's master seed (a Latin hypercube's shuffle derives from it).
    public func designPoints(seed: UInt64) -> [SweepPoint] {
        let rows: [[SweepValue]]
        switch design {
        case .grid:
            let values = parameters.map { $0.gridValues() }
            rows = SweepDesign.gridIndices(counts: values.map(\.count)).map { indices in
                indices.enumerated().map { values[$0.offset][$0.element] }
            }
        case .latinHypercube, .sobol, .saltelli:
            let n = points ?? 1
            let unit = switch design {
            case .sobol: SweepDesign.sobol(points: n, dimensions: parameters.count)
            case .saltelli: SweepDesign.saltelli(baseRows: n, dimensions: parameters.count)
            default: SweepDesign.latinHypercube(points: n, dimensions: parameters.count, seed: seed)
            }
            rows = unit.map { u in u.enumerated().map { parameters[$0.offset].scaled($0.element) } }
        }
        return rows.enumerated().map { SweepPoint(number: $0.offset + 1, values: $0.element) }
    }

    /// Reads `sweep:`, reporting every problem to the reader's log; nil when there was one.
    static func decode(_ reader: NodeReader) -> SweepSettings? {
        guard let sweep = reader.mapping(keys: keys, expected: "a mapping with the keys design, points and parameters")
        else { return nil }
        let design = sweep.optional("design").map { $0.choice(SweepDesign.self) } ?? .grid
        var points: Int?
        var valid = design != nil
        if let reader = sweep.optional("points") {
            if design == .grid {
                reader.report("points applies to the latin_hypercube, sobol and saltelli designs; a grid has one "
                              + "point for each combination of its parameters' values.")
                valid = false
            } else if let n = reader.wholeNumber(.between(1, Double(maximumPoints), "whole number of points")) {
                points = n
            } else {
                valid = false
            }
        } else if let design, design != .grid {
            sweep.report(design == .saltelli
                         ? "a saltelli design needs points: the number of base rows N (it runs N × (parameters + 2) points)."
                         : "a \(design.rawValue) design needs points: the number of points to run.")
            valid = false
        }
        guard let list = sweep.required("parameters")?.nonEmptyList(of: "parameter to vary") else { return nil }
        let parameters = list.map { decodeParameter($0, design: design ?? .grid) }
        if design == .sobol, list.count > SweepDesign.sobolMaximumDimensions {
            sweep.required("parameters")?.report("a sobol design takes at most \(SweepDesign.sobolMaximumDimensions) "
                                                 + "parameters (GSL's limit); this one has \(list.count).")
            valid = false
        }
        if design == .saltelli, list.count > SweepDesign.saltelliMaximumParameters {
            sweep.required("parameters")?.report("a saltelli design takes at most \(SweepDesign.saltelliMaximumParameters) "
                                                 + "parameters (it draws two Sobol dimensions per parameter, and GSL's "
                                                 + "generator has 40); this one has \(list.count).")
            valid = false
        } else if design == .saltelli, let n = points, n * (list.count + 2) > maximumPoints {
            sweep.optional("points")?.report("a saltelli design of \(n) base rows over \(list.count) parameters runs "
                                             + "\(n) × \(list.count + 2) = \(n * (list.count + 2)) points; a sweep has at most "
                                             + "\(maximumPoints) points, so at most \(maximumPoints / (list.count + 2)) base rows.")
            valid = false
        }
        guard valid, let design, parameters.allSatisfy({ $0 != nil }) else { return nil }
        if design == .grid {
            // Counted with a ceiling: the product of mistyped steps would overflow.
            let count = parameters.reduce(1) { count, parameter in
                let (product, overflow) = count.multipliedReportingOverflow(by: parameter!.gridCount)
                return overflow ? maximumPoints + 1 : min(product, maximumPoints + 1)
            }
            if count > maximumPoints {
                let counts = parameters.map { String($0!.gridCount) }.joined(separator: " × ")
                sweep.required("parameters")?.report("this grid has \(counts) points; a sweep has at most "
                                                     + "\(maximumPoints) points.")
                return nil
            }
        }
        return SweepSettings(design: design, points: points, parameters: parameters.map { $0! },
                             location: reader.location)
    }

    /// One parameter: `path` and either `values` (grid only) or `range` (with `steps` for a grid).
    private static func decodeParameter(_ reader: NodeReader, design: SweepDesign) -> SweepParameter? {
        guard let parameter = reader.mapping(keys: parameterKeys,
                                             expected: "a mapping such as {path: demand.growth, range: [0.01, 0.05], steps: 5}")
        else { return nil }
        var valid = true
        let pathReader = parameter.required("path")
        let path = pathReader?.name(expected: "a key path such as options[framework].uplift.rate")
        if let path, let pathReader {
            if let segments = KeyPathOverride.segments(of: path) {
                if case .key(let first) = segments[0], fixedSections.contains(first) {
                    pathReader.report("a sweep cannot vary \(Excerpt.quoted(first)): every point runs with the same seed and "
                                      + "replications (common random numbers); use --replications or --seed instead.")
                    valid = false
                }
            } else {
                pathReader.reject(expected: "a key path: keys separated by dots, each optionally followed by "
                                  + "[position] or [name], e.g. options[framework].uplift.rate")
                valid = false
            }
        }
        let valuesReader = parameter.optional("values")
        let rangeReader = parameter.optional("range")
        let stepsReader = parameter.optional("steps")
        var values: SweepParameter.Values?
        switch (valuesReader, rangeReader) {
        case (nil, nil):
            parameter.report("give the parameter either values (a list) or range ([low, high]).")
        case (.some, .some):
            parameter.report("give the parameter either values or range, not both.")
        case (let valuesReader?, nil):
            if design != .grid {
                valuesReader.report("values apply to a grid; a \(design.rawValue) design scales points into a "
                                    + "range, so give range: [low, high] instead.")
            } else if let elements = valuesReader.nonEmptyList(of: "value") {
                values = .listed(elements.map { SweepValue(node: $0.node, location: $0.location) })
            }
            if let stepsReader { stepsReader.report("steps applies to a range, not to listed values.") }
        case (nil, let rangeReader?):
            let ends = rangeReader.list(expected: "a list of two numbers [low, high]")
            var steps: Int?
            if let stepsReader {
                if design == .grid {
                    steps = stepsReader.wholeNumber(NumberRule("a whole number of values, at least 2") { $0 >= 2 })
                } else {
                    stepsReader.report("steps applies to a grid; a \(design.rawValue) design has points instead.")
                }
            } else if design == .grid {
                parameter.report("a range in a grid needs steps: how many evenly spaced values, both ends included.")
            }
            if let ends {
                if ends.count != 2 {
                    rangeReader.reject(expected: "a list of two numbers [low, high]")
                } else if let low = ends[0].number(.init("a number", accepts: { _ in true })),
                          let high = ends[1].number(.init("a number greater than the low end \(ends[0].writtenValue ?? "")",
                                                          accepts: { $0 > low })),
                          design != .grid || steps != nil {
                    values = .range(low: low, high: high, steps: steps)
                }
            }
        }
        guard valid, let path, let values else { return nil }
        return SweepParameter(path: path, values: values, pathLocation: pathReader?.location,
                              rangeLocation: rangeReader?.location)
    }
}

/// One point of a sweep: its number (from 1) and the value it gives each parameter, in the
/// order the parameters are listed.
public struct SweepPoint: Sendable {
    public var number: Int
    public var values: [SweepValue]
}

extension NodeReader {
    /// Where this node is written: in the scenario file or a file it includes; nil for a value
    /// from the command line.
    var location: SourceLocation? {
        node.mark.map(log.location(of:))
    }
}
