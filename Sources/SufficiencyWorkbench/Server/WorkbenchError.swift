/// A problem starting the workbench or keeping its workspace; the message names the path or
/// setting involved.
public enum WorkbenchError: Error, CustomStringConvertible, Equatable {
    case cannotCreate(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case noScenariosFolder(path: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason): return "Could not create \(path): \(reason)."
        case let .cannotWrite(path, reason): return "Could not write \(path): \(reason)."
        case let .noScenariosFolder(path):
            return "There is no scenarios folder at \(path); start the workbench in the project's folder or give --scenarios DIR."
        }
    }
}
