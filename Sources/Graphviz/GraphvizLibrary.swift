import CGraphviz
import Glibc
import Synchronization

/// The one door to libgvc/libcgraph: a process-wide lock plus capture of Graphviz's messages.
///
/// "The library is not thread safe" (`man 3 cgraph`): cdt's splay trees reorganise themselves
/// even on lookups, and error state, the lexer and several layout engines live in C globals. So
/// every Graphviz call in this process, whatever the handle, runs inside `withLock`.
enum GraphvizLibrary {
    private static let lock = Mutex<Void>(())

    /// Messages Graphviz reported through `agerr` since the last `resetMessages()`.
    ///
    /// A C callback cannot capture context, so the buffer is a global. It is only read or written
    /// while `lock` is held: the callback runs synchronously inside a Graphviz call made under the
    /// lock, and every other access is from `withLock`'s body.
    nonisolated(unsafe) private static var messageBytes: [UInt8] = []

    /// When set, each message fragment is also written to standard error as it arrives, so a
    /// worker that later crashes still leaves Graphviz's last words for its parent. Same locking
    /// rule as `messageBytes`.
    nonisolated(unsafe) static var mirrorsMessagesToStandardError = false

    /// Receives the fragments `agerr` formats ("Error", ": ", the text); they are joined later.
    private static let collectMessage: agusererrf = { fragment in
        guard let fragment else { return 0 }
        let buffer = UnsafeRawBufferPointer(start: fragment, count: strlen(fragment))
        GraphvizLibrary.messageBytes.append(contentsOf: buffer)
        if GraphvizLibrary.mirrorsMessagesToStandardError {
            _ = writeAll(fileDescriptor: 2, bytes: buffer)
        }
        return 0
    }

    /// Runs `body` with exclusive use of Graphviz and our message callback installed.
    static func withLock<Result: Sendable, Failure: Error>(
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try lock.withLock { (_: inout Void) throws(Failure) -> Result in
            let previousHandler = agseterrf(collectMessage)
            defer { agseterrf(previousHandler) }
            resetMessages()
            return try body()
        }
    }

    /// Must be called with the lock held.
    static func resetMessages() {
        messageBytes.removeAll(keepingCapacity: true)
        _ = agreseterrors()
    }

    /// The collected messages as one trimmed string, without the "Error: " that `agerr` puts
    /// before each error (the error type already says it); "Warning: " stays, to tell them apart.
    /// Must be called with the lock held.
    static func collectedMessages() -> String {
        let text = String(decoding: messageBytes, as: UTF8.self)
        let errorPrefix = "Error: "
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(errorPrefix) ? $0.dropFirst(errorPrefix.count) : $0 }
            .joined(separator: "\n")
            .trimmingWhitespace()
    }

    /// Runs one Graphviz step and turns every way it can fail into a `GraphvizError`.
    ///
    /// Graphviz does not report all failures through return values, and its error level is a
    /// global that stays raised until reset: so the level is reset before the call and read after
    /// it, and any error-level message fails the step even if the return value looks fine (the
    /// anti-model, SwiftDocOrg/GraphViz, never resets it, so one failure poisons every later
    /// render). Warnings alone do not fail a step. Must be called with the lock held.
    ///
    /// - Parameters:
    ///   - stage: Reported in the error.
    ///   - fallbackMessage: Used when Graphviz failed without saying anything.
    ///   - call: The C call; returns `nil` to signal failure through its return value.
    static func step<Value>(
        _ stage: GraphvizError.Stage,
        fallbackMessage: @autoclosure () -> String,
        _ call: () -> Value?
    ) throws(GraphvizError) -> Value {
        resetMessages()
        let value = call()
        let errorCount = agerrors()
        guard let value, errorCount == 0 else {
            let message = collectedMessages()
            throw GraphvizError(stage: stage, message: message.isEmpty ? fallbackMessage() : message)
        }
        return value
    }
}

/// Writes every byte, retrying short writes and interruptions. Returns `false` on an error.
@discardableResult
func writeAll(fileDescriptor: Int32, bytes: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < bytes.count {
        guard let base = bytes.baseAddress else { return true }
        let written = write(fileDescriptor, base + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += written
    }
    return true
}

extension String {
    /// Trims spaces, tabs and line breaks from both ends, without needing Foundation.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        let isWhitespace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
            let last = scalars.lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}

/// Calls `body` with a mutable NUL-terminated copy of `text`: many cgraph functions take
/// `char *` for names they only read.
func withMutableCString<Result>(_ text: String, _ body: (UnsafeMutablePointer<CChar>) -> Result) -> Result {
    var characters = Array(text.utf8CString)
    return characters.withUnsafeMutableBufferPointer { buffer in
        // `utf8CString` always holds at least the terminating NUL, so the base is never nil.
        guard let base = buffer.baseAddress else { preconditionFailure("utf8CString is never empty") }
        return body(base)
    }
}

/// Looks up a declared attribute; `nil` when the graph does not declare it for `kind`.
func attributeSymbol(
    in graph: UnsafeMutablePointer<Agraph_t>,
    kind: Int32,
    name: String
) -> UnsafeMutablePointer<Agsym_t>? {
    withMutableCString(name) { agattr(graph, kind, $0, nil) }
}
