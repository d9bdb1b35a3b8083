import Foundation
import Hummingbird
import Logging

/// The local web workbench: its workspace, its run queue and the HTTP application serving its
/// pages (`WorkbenchRoutes`), guarded by `AccessGuard`.
public final class Workbench: Sendable {
    public let settings: WorkbenchSettings
    public let workspace: Workspace
    let catalogue: ScenarioCatalogue
    let queue: RunQueue
    /// The port listened on, once the server runs.
    public let port = BoundPort()

    /// Opens the workspace (listing the runs left in it) and finds the bundled scenarios.
    public init(settings: WorkbenchSettings) throws {
        self.settings = settings
        workspace = try Workspace(folder: URL(fileURLWithPath: settings.workspace))
        let bundled: String?
        if let given = settings.scenarios {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: given, isDirectory: &isFolder), isFolder.boolValue else {
                throw WorkbenchError.noScenariosFolder(path: given)
            }
            bundled = given
        } else {
            var isFolder: ObjCBool = false
            bundled = FileManager.default.fileExists(atPath: "scenarios", isDirectory: &isFolder) && isFolder.boolValue ? "scenarios" : nil
        }
        catalogue = ScenarioCatalogue(bundledFolder: bundled,
                                      uploadedFolder: (settings.workspace as NSString).appendingPathComponent("scenarios"))
        queue = RunQueue(workspace: workspace, workers: settings.workers, maxQueued: settings.maxQueued)
    }

    /// The address to open: `http://HOST:PORT/?token=TOKEN`, with the port listened on.
    public var address: String {
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        return "http://\(host):\(port.value ?? settings.port)/?token=\(settings.token.text)"
    }

    /// The HTTP application; `onRunning` is called with the address once it listens.
    public func application(onRunning: @escaping @Sendable (String) -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: AccessGuard(token: settings.token, hosts: HostCheck(anyHost: settings.hostGiven, port: port)))
        WorkbenchRoutes(workbench: self).add(to: router)
        var logger = Logger(label: "sufficiency-workbench")
        logger.logLevel = .warning
        return Application(router: router,
                           configuration: .init(address: .hostname(settings.host, port: settings.port),
                                                serverName: "sufficiency"),
                           onServerRunning: { [self] channel in
                               if let bound = channel.localAddress?.port { port.set(bound) }
                               onRunning(address)
                           },
                           logger: logger)
    }

    /// Cancels every run still waiting or running (the server is stopping).
    public func cancelAll() {
        for run in queue.all() where !run.state.ended { queue.cancel(run.id) }
    }
}
