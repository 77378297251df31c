import ActorGraph

@testable import ActorGraphIO
import FuzzDriver

/// Any text as an EDTF date: a date or an error at an offset inside the text; a parsed date prints as text that
/// parses to itself; the importer's byte parser, when it answers, agrees with the text parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEDTF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let buffer = FuzzDriver.input(data, size)
    let text = String(decoding: buffer, as: UTF8.self)
    let parsed = EDTFDate.parse(text)
    switch parsed {
    case .success(let date):
        guard case .success(let again) = EDTFDate.parse(date.description), again == date else {
            fatalError("'\(text)' parsed to \(date), which does not read back as itself")
        }
    case .failure(let error):
        if error.offset < 0 || error.offset > text.count { fatalError("error offset \(error.offset) outside '\(text)'") }
    }
    if let fast = EDTFBytes.parse(buffer), String(validating: buffer, as: UTF8.self) != nil {
        guard case .success(let date) = parsed, date == fast else {
            fatalError("the byte parser read '\(text)' as \(fast), the text parser as \(parsed)")
        }
    }
    _ = CalendarDay.parse(text)
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzEDTF_main`; it hands the arguments to libFuzzer's driver.
@_cdecl("FuzzEDTF_main")
public func fuzzEDTFMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzzEDTF)
}
