import Foundation

/// libFuzzer's entry point: loads one input as a scenario file. Returns 0 (libFuzzer keeps
/// the input if it reached new code); a crash, hang or runaway memory is what it reports.
///
/// `FuzzMain` hands it to libFuzzer's driver; the name is libFuzzer's usual one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzCase(data: data).run()
    return 0
}
