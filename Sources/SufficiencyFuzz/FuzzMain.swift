import Foundation

/// The `sufficiency-fuzz` tool's entry point.
///
/// Built by `scripts/fuzz` (with `-sanitize=fuzzer` and `-D SUFFICIENCY_FUZZING`), it hands
/// control to libFuzzer's driver, which takes libFuzzer's options and corpus folders and calls
/// `fuzzOneInput` with each input it generates. (SwiftPM names every executable's entry point
/// itself, so libFuzzer's own `main` cannot be used; `LLVMFuzzerRunDriver` is its documented
/// alternative.) Any other build makes it `sufficiency-fuzz FILE...`, which loads each file
/// through the harness and prints the outcome: the harness keeps compiling in every
/// `swift build`, and a finding can be replayed without libFuzzer.
@main
enum FuzzMain {
    static func main() {
        #if SUFFICIENCY_FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
        replay(CommandLine.arguments.dropFirst())
        #endif
    }

    static func replay(_ files: ArraySlice<String>) {
        if files.isEmpty {
            print("""
                usage: sufficiency-fuzz FILE...
                Loads each file through the fuzzing harness and prints the outcome. To fuzz, run
                scripts/fuzz [SECONDS], which builds this tool with libFuzzer.
                """)
            exit(64)
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                print("\(file): cannot read it")
                exit(1)
            }
            print("\(file): \(FuzzCase(data: data).run())")
        }
    }
}

#if SUFFICIENCY_FUZZING
/// libFuzzer's driver (compiler-rt `FuzzerInterface.h`): parses libFuzzer's options from the
/// arguments and runs `callback` on each input; returns the exit status.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
