@testable import ActorGraphDOT
import FuzzDriver

/// Any text through the DOT escaper: the result must be the inside of one DOT quoted string (no raw quote or line
/// end, no dangling backslash) within the byte cap, whatever the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOT(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzDriver.input(data, size), as: UTF8.self)
    let escaped = Array(DOTEscaping.escapedText(text).utf8)
    if escaped.count > DOTEscaping.maximumQuotedBytes + 8 { fatalError("\(escaped.count) bytes, over the cap") }
    var index = 0
    while index < escaped.count {
        switch escaped[index] {
        case UInt8(ascii: "\\"):
            if index + 1 >= escaped.count { fatalError("a dangling backslash would swallow the closing quote") }
            index += 2
        case UInt8(ascii: "\""), 0x0A, 0x0D:
            fatalError("a raw quote or line end at byte \(index) of \(escaped)")
        default:
            index += 1
        }
    }
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzDOT_main`; it hands the arguments to libFuzzer's driver.
@_cdecl("FuzzDOT_main")
public func fuzzDOTMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzzDOT)
}
