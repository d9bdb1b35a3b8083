import Testing

/// The workbench's tests, one at a time: each starts a server and runs on a machine of two
/// cores, where servers and runs side by side would only wait for each other.
@Suite(.serialized) struct WorkbenchTests {}
