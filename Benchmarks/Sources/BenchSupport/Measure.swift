import Foundation

/// The options both timing executables take, the same as `peers.py run-one`.
public struct BenchOptions {
    public var csv = ""
    public var pairs = ""
    public var at = "2000-01-01"
    public var bfsSources = 20
    public var extra: [String: String] = [:]

    /// Parses `--csv F --pairs F [--at D] [--bfs-sources N]`, keeping unknown `--name value` pairs in `extra`.
    public static func parse(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> BenchOptions {
        var options = BenchOptions()
        var position = 0
        while position + 1 < arguments.count {
            let name = arguments[position], value = arguments[position + 1]
            switch name {
            case "--csv": options.csv = value
            case "--pairs": options.pairs = value
            case "--at": options.at = value
            case "--bfs-sources": options.bfsSources = Int(value) ?? options.bfsSources
            default: options.extra[String(name.drop { $0 == "-" })] = value
            }
            position += 2
        }
        if options.csv.isEmpty || options.pairs.isEmpty {
            FileHandle.standardError.write(
                Data(
                    "usage: \(CommandLine.arguments[0]) --csv FILE --pairs FILE [--at YYYY-MM-DD] [--bfs-sources N]\n"
                        .utf8))
            exit(2)
        }
        return options
    }
}

/// The query pairs file: `source<TAB>target` actor ids, `#` comments.
public func readPairs(_ path: String) throws -> [(String, String)] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n").compactMap { line in
        if line.hasPrefix("#") { return nil }
        let parts = line.split(separator: "\t")
        return parts.count >= 2 ? (String(parts[0]), String(parts[1])) : nil
    }
}

/// The distinct sources of the pairs, in order, at most `count`: the full-BFS start actors.
public func bfsSources(_ pairs: [(String, String)], count: Int) -> [String] {
    var seen: Set<String> = []
    var sources: [String] = []
    for (source, _) in pairs where sources.count < count && seen.insert(source).inserted { sources.append(source) }
    return sources
}

/// Resident memory of this process, from /proc/self/statm.
public func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

/// Resident bytes of this process's malloc heap (the `[heap]` mapping: allocations below glibc's mmap threshold) and
/// of its other anonymous mappings (large allocations glibc maps on their own, thread stacks), from /proc/self/smaps:
/// where a load's resident growth sits, for docs/PERFORMANCE.md ("Memory after a CSV load").
public func residentBreakdown() -> (heap: Int, otherAnonymous: Int) {
    // Read to the end in a loop: /proc reports a size of 0, and a single read returns only the first page or so.
    guard let handle = FileHandle(forReadingAtPath: "/proc/self/smaps"), let data = try? handle.readToEnd() else {
        return (0, 0)
    }
    let text = String(decoding: data, as: UTF8.self)
    var heap = 0, other = 0
    var current: Substring = ""
    for line in text.split(separator: "\n") {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = fields.first else { continue }
        if first.contains("-") && !first.hasSuffix(":") {
            // A mapping's header: address range, permissions, offset, device, inode, then the path if any.
            current = fields.count > 5 ? fields[5] : ""
        } else if first == "Rss:", fields.count > 1, let kilobytes = Int(fields[1]) {
            if current == "[heap]" { heap += kilobytes * 1024 } else if current.isEmpty { other += kilobytes * 1024 }
        }
    }
    return (heap, other)
}

public func nanoseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
}

/// Times `body` with the continuous clock, in nanoseconds.
@inline(__always)
public func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    return (value, nanoseconds(clock.now - start))
}

/// Median and p99 in milliseconds, computed as `peers.py` does (median averages the middle two; p99 is the
/// nearest rank).
public func summary(_ samples: [Double]) -> [(String, JSON)] {
    guard !samples.isEmpty else { return [("count", .int(0))] }
    let ordered = samples.sorted()
    let count = ordered.count
    let median = count % 2 == 1 ? ordered[count / 2] : (ordered[count / 2 - 1] + ordered[count / 2]) / 2
    let rank = min(count - 1, max(0, Int((0.99 * Double(count)).rounded(.up)) - 1))
    return [
        ("count", .int(count)), ("median_ms", .number(median / 1e6)), ("p99_ms", .number(ordered[rank] / 1e6)),
        ("min_ms", .number(ordered[0] / 1e6)), ("max_ms", .number(ordered[count - 1] / 1e6)),
        ("total_ms", .number(ordered.reduce(0, +) / 1e6)),
    ]
}

/// Times one shortest-path answer per pair (after one untimed warm-up) and sums the hop counts.
public func timePairs(_ pairs: [(Int, Int)], _ query: (Int, Int) -> Int?) -> JSON {
    if let first = pairs.first { _ = query(first.0, first.1) }
    var samples: [Double] = []
    samples.reserveCapacity(pairs.count)
    var hops = 0, unreachable = 0
    for (source, target) in pairs {
        let (length, elapsed) = measure { query(source, target) }
        samples.append(elapsed)
        if let length { hops += length } else { unreachable += 1 }
    }
    return .object(summary(samples) + [("hops_sum", .int(hops)), ("unreachable", .int(unreachable))])
}

/// A minimal ordered JSON value: keys print in the order given.
public indirect enum JSON {
    case int(Int)
    case number(Double)
    case string(String)
    case bool(Bool)
    case object([(String, JSON)])
    case array([JSON])

    public var text: String {
        switch self {
        case .int(let value): return String(value)
        case .number(let value): return value.isFinite ? String(value) : "null"
        case .bool(let value): return value ? "true" : "false"
        case .string(let value):
            var escaped = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                default:
                    if scalar.value < 0x20 {
                        escaped += String(format: "\\u%04x", scalar.value)
                    } else {
                        escaped.unicodeScalars.append(scalar)
                    }
                }
            }
            return escaped + "\""
        case .object(let members):
            return "{" + members.map { JSON.string($0.0).text + ": " + $0.1.text }.joined(separator: ", ") + "}"
        case .array(let items):
            return "[" + items.map(\.text).joined(separator: ", ") + "]"
        }
    }
}

/// Writes the result to standard output, as `peers.py run-one` does.
public func emit(_ result: [(String, JSON)]) {
    print(JSON.object(result).text)
}

/// A progress line on standard error.
public func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
