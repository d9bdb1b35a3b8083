import Foundation
import ZIPFoundation

/// Zip files of a results folder for download, made in memory from the files as written: the
/// CSV files alone, or the whole folder with its manifest, charts and report. Entries sit in a
/// folder named after the run, so unpacking two runs' zips side by side keeps them apart.
enum ResultsArchive {
    /// The regular files of `folder` (and the folders below it) whose names `keep` accepts,
    /// as paths relative to it, sorted; symbolic links are left out.
    static func files(in folder: URL, keep: (String) -> Bool) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.resolvingSymlinksInPath().path + "/"
        var found: [String] = []
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey]),
                  values.isRegularFile == true, values.isSymbolicLink != true else { continue }
            let path = url.resolvingSymlinksInPath().path
            guard path.hasPrefix(base) else { continue }
            let relative = String(path.dropFirst(base.count))
            if keep(relative) { found.append(relative) }
        }
        return found.sorted()
    }

    /// A zip of `names` (relative to `folder`), each stored under `top/`.
    static func zip(_ names: [String], in folder: URL, top: String) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for name in names {
            try archive.addEntry(with: top + "/" + name, fileURL: folder.appendingPathComponent(name), compressionMethod: .deflate)
        }
        guard let data = archive.data else { throw WorkbenchError.cannotWrite(path: folder.path, reason: "the zip could not be made") }
        return data
    }
}
