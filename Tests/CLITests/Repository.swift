import Foundation

/// The repository these tests belong to: bundled scenarios, README, CI script.
enum Repository {
    /// The folder holding Package.swift, found by walking up from this source file.
    static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        preconditionFailure("No Package.swift above \(#filePath)")
    }()

    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }
}
