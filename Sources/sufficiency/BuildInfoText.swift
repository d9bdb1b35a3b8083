import Sufficiency

/// Version text for `--version`.
enum BuildInfoText {
    static var version: String {
        "sufficiency \(BuildInfo.sufficiencyVersion) (Swift \(BuildInfo.swiftVersion), GSL \(GSL.version))"
    }
}
