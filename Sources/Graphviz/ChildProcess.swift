import Glibc

/// Runs a command with byte input, collecting its output, under a wall-clock deadline.
///
/// Written on posix_spawn rather than Foundation.Process because the child needs resource limits
/// and its own process group. Everything is driven by one `poll` loop: stdin is written only when
/// the child can take more, and stdout/stderr are drained as they fill, so a child that writes a
/// lot before reading all its input can never deadlock against us.
struct ChildProcess {
    enum Termination: Equatable {
        case exited(status: Int32)
        case signaled(signal: Int32)
        /// We killed the child's process group at the deadline.
        case deadlineExceeded
        /// We killed the child's process group because stdout grew past the limit.
        case outputLimitExceeded
    }

    struct Result {
        var standardOutput: [UInt8]
        var standardError: [UInt8]
        var termination: Termination
    }

    var executable: String
    var arguments: [String]
    var environment: [String]
    var timeout: Duration
    var outputLimitBytes: Int
    /// Kept small: only the error report and Graphviz's last messages are needed from it.
    var errorLimitBytes = 1 << 16

    /// Starts the child, feeds it `input`, and waits for it to finish or for the deadline.
    ///
    /// - Throws: the `errno` of a failed launch.
    func run(input inputBytes: [UInt8]) throws(LaunchFailure) -> Result {
        let deadline = ContinuousClock.now + timeout
        // Socket pairs rather than pipes: they can be created close-on-exec atomically without
        // GNU `pipe2`, and `send(MSG_NOSIGNAL)` reports a child that stopped reading as EPIPE
        // instead of raising SIGPIPE, which would kill the whole CLI.
        let input = try SocketPair()
        let output = try SocketPair()
        let error = try SocketPair()
        let processID = try spawn(
            standardInput: input.child.value,
            standardOutput: output.child.value,
            standardError: error.child.value
        )
        WorkerGroups.add(processID)
        defer { WorkerGroups.remove(processID) }
        // The child holds its own copies now; ours must go so that end-of-file can arrive.
        for pair in [input, output, error] {
            pair.child.close()
            _ = fcntl(pair.parent.value, F_SETFL, fcntl(pair.parent.value, F_GETFL) | O_NONBLOCK)
        }
        return communicate(
            processID: processID,
            deadline: deadline,
            input: inputBytes,
            inputDescriptor: input.parent,
            output: output.parent,
            error: error.parent
        )
    }

    struct LaunchFailure: Error {
        var errno: Int32
    }

    private func spawn(
        standardInput: Int32,
        standardOutput: Int32,
        standardError: Int32
    ) throws(LaunchFailure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
        posix_spawn_file_actions_adddup2(&actions, standardOutput, 1)
        posix_spawn_file_actions_adddup2(&actions, standardError, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group, so the deadline can kill grandchildren too; default signal handling
        // and an empty mask, so nothing the parent ignores or blocks leaks into the child.
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argumentPointers = ([executable] + arguments).map { strdup($0) }
        let environmentPointers = environment.map { strdup($0) }
        defer { (argumentPointers + environmentPointers).forEach { free($0) } }
        var processID: pid_t = 0
        let status = posix_spawn(
            &processID,
            executable,
            &actions,
            &attributes,
            argumentPointers + [nil],
            environmentPointers + [nil]
        )
        guard status == 0 else { throw LaunchFailure(errno: status) }
        return processID
    }

    private func communicate(
        processID: pid_t,
        deadline: ContinuousClock.Instant,
        input: [UInt8],
        inputDescriptor: OwnedDescriptor,
        output: OwnedDescriptor,
        error: OwnedDescriptor
    ) -> Result {
        var result = Result(standardOutput: [], standardError: [], termination: .exited(status: 0))
        var inputOffset = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var exitStatus: Int32?
        if input.isEmpty { inputDescriptor.close() }

        /// Reads what is available; returns false once the stream is at end of file.
        func drain(_ descriptor: OwnedDescriptor, into buffer: inout [UInt8], limit: Int) -> Bool {
            while descriptor.isOpen {
                let count = chunk.withUnsafeMutableBytes { read(descriptor.value, $0.baseAddress, $0.count) }
                if count > 0 {
                    // Past the limit we keep reading (so the child is never blocked) but drop bytes.
                    let room = max(0, limit + 1 - buffer.count)
                    buffer.append(contentsOf: chunk[0..<min(count, room)])
                    continue
                }
                if count < 0 && errno == EINTR { continue }
                if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return true }
                descriptor.close()
                return false
            }
            return false
        }

        while true {
            if exitStatus == nil { exitStatus = reap(processID, blocking: false) }
            if let status = exitStatus {
                // The child is gone, so everything it wrote is already in the pipes; a grandchild
                // that still holds them open must not keep us waiting.
                _ = drain(output, into: &result.standardOutput, limit: outputLimitBytes)
                _ = drain(error, into: &result.standardError, limit: errorLimitBytes)
                result.termination = Self.termination(fromWaitStatus: status)
                break
            }
            if result.standardOutput.count > outputLimitBytes {
                result.termination = kill(processGroup: processID, reason: .outputLimitExceeded)
                break
            }
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero {
                result.termination = kill(processGroup: processID, reason: .deadlineExceeded)
                break
            }
            var pollDescriptors: [pollfd] = []
            if inputDescriptor.isOpen {
                pollDescriptors.append(pollfd(fd: inputDescriptor.value, events: Int16(POLLOUT), revents: 0))
            }
            for descriptor in [output, error] where descriptor.isOpen {
                pollDescriptors.append(pollfd(fd: descriptor.value, events: Int16(POLLIN), revents: 0))
            }
            // With all streams closed we only wait for the exit, checking every few milliseconds.
            let waitMilliseconds = pollDescriptors.isEmpty ? 5 : Self.milliseconds(remaining)
            let ready = poll(&pollDescriptors, nfds_t(pollDescriptors.count), Int32(min(waitMilliseconds, 100)))
            if ready < 0 && errno != EINTR { break }

            if inputDescriptor.isOpen {
                inputOffset = sendSome(input, from: inputOffset, to: inputDescriptor)
            }
            if output.isOpen {
                _ = drain(output, into: &result.standardOutput, limit: outputLimitBytes)
            }
            if error.isOpen {
                _ = drain(error, into: &result.standardError, limit: errorLimitBytes)
            }
        }
        if result.standardError.count > errorLimitBytes {
            result.standardError.removeLast(result.standardError.count - errorLimitBytes)
        }
        return result
    }

    /// Sends as much input as the socket takes; closes it when done or when the child hung up.
    private func sendSome(_ input: [UInt8], from offset: Int, to descriptor: OwnedDescriptor) -> Int {
        var offset = offset
        while offset < input.count {
            let sent = input.withUnsafeBytes { bytes in
                send(descriptor.value, bytes.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
                continue
            }
            if sent < 0 && errno == EINTR { continue }
            if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return offset }
            // EPIPE or ECONNRESET: the child will not read the rest; its exit status says why.
            break
        }
        descriptor.close()
        return offset
    }

    private func kill(processGroup processID: pid_t, reason: Termination) -> Termination {
        // The child leads its own group (POSIX_SPAWN_SETPGROUP) and is not reaped yet, so the
        // group id cannot have been reused.
        _ = Glibc.kill(-processID, SIGKILL)
        _ = reap(processID, blocking: true)
        return reason
    }

    private func reap(_ processID: pid_t, blocking: Bool) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(processID, &status, blocking ? 0 : WNOHANG)
            if result == processID { return status }
            if result < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// Decodes a `waitpid` status; `WIFEXITED` and friends are macros Swift cannot import.
    static func termination(fromWaitStatus status: Int32) -> Termination {
        let signal = status & 0x7f
        if signal == 0 { return .exited(status: (status >> 8) & 0xff) }
        return .signaled(signal: signal)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(clamping: max(0, total))
    }
}

/// One owner per file descriptor: closed exactly once, by `close()` or at the latest on deinit.
///
/// Not `Sendable`: the descriptor is driven by one thread's poll loop.
private final class OwnedDescriptor {
    private(set) var value: Int32

    init(_ value: Int32) { self.value = value }

    var isOpen: Bool { value >= 0 }

    func close() {
        if value >= 0 {
            _ = Glibc.close(value)
            value = -1
        }
    }

    deinit { close() }
}

@available(*, unavailable)
extension OwnedDescriptor: Sendable {}

/// A connected stream socket pair, both ends close-on-exec; `child` is handed to the child.
private struct SocketPair {
    let parent: OwnedDescriptor
    let child: OwnedDescriptor

    init() throws(ChildProcess.LaunchFailure) {
        var descriptors: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &descriptors) == 0 else {
            throw ChildProcess.LaunchFailure(errno: errno)
        }
        parent = OwnedDescriptor(descriptors[0])
        child = OwnedDescriptor(descriptors[1])
    }
}
