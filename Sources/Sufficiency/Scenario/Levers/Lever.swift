/// One input of a scenario that people argue about (an option's uplift, care worker turnover,
/// referral growth, a provider's exit date, the replications), as a form shows it and as
/// `--set` changes it.
///
/// `setPath` and `value` are exactly what `--set PATH=VALUE` takes: setting a lever to the
/// value shown loads the scenario unchanged, and the limits shown are the loader's own, so a
/// value within them is accepted by the key's own rule and one beyond them is refused.
public struct Lever: Sendable, Hashable {
    /// What the value is.
    public enum Kind: Sendable, Hashable {
        /// A number, possibly fractional (`0.0537`).
        case number
        /// A whole number (`400`).
        case integer
        /// An ISO date, `yyyy-mm-dd`.
        case date
        /// One of these texts.
        case choice([String])
        /// A YAML value written out (a flow mapping or list such as `{rule: flat, rate: 0.03}`).
        case text
    }

    /// The key path `--set` takes, e.g. `options[option 2].uplift.table.framework.2025`.
    public let setPath: String
    /// What the form calls it, e.g. `2025/26 uplift, framework`.
    public let label: String
    /// The value's unit, e.g. `fraction a year (0.03 = 3%)`; empty for none.
    public let unit: String
    public let kind: Kind
    /// The value as the scenario has it (its default where the file leaves the key out), as
    /// `--set` takes it.
    public let value: String
    /// The smallest value the loader accepts, as `--set` takes it; nil when there is none or
    /// only values above a bound are accepted (then `help` says which).
    public let minimum: String?
    /// The largest value the loader accepts, as `--set` takes it; nil when there is none.
    public let maximum: String?
    /// What the lever does and what the loader accepts, in a sentence or two.
    public let help: String
    /// The section a form puts it under: an option's name, `Workforce`, `Recruitment`,
    /// `Demand`, `Events` or `Run`.
    public let group: String

    public init(setPath: String, label: String, unit: String, kind: Kind, value: String,
                minimum: String? = nil, maximum: String? = nil, help: String, group: String) {
        self.setPath = setPath
        self.label = label
        self.unit = unit
        self.kind = kind
        self.value = value
        self.minimum = minimum
        self.maximum = maximum
        self.help = help
        self.group = group
    }
}
