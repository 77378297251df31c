import Dispatch
import Foundation
import Graphviz
import Synchronization
import Testing

/// Every layout × --cluster-by × --legend × labels on the seed graph, end to end through the worker: no
/// combination may crash Graphviz (issue 12 saw SIGABRT with clusters and labels) or fail.
///
/// By default every combination is drawn as SVG and the `dot` layout's in every format (108 renders); with
/// RENDER_MATRIX=full every combination in every format (288 renders, several minutes on two loaded cores).
@Suite("render matrix")
struct RenderMatrixTests {
    struct Combination: CustomStringConvertible {
        let layout: GraphvizLayout
        let cluster: String
        let legend: Bool
        let labels: Bool

        var arguments: [String] {
            var arguments = ["render", "--layout", layout.rawValue, "--cluster-by", cluster, "--format", "dot"]
            if legend { arguments.append("--legend") }
            if !labels { arguments.append("--no-labels") }
            return arguments
        }

        var description: String { arguments.joined(separator: " ") }
    }

    static let full = ProcessInfo.processInfo.environment["RENDER_MATRIX"] == "full"

    static var combinations: [Combination] {
        var result: [Combination] = []
        for layout in GraphvizLayout.allCases {
            for cluster in ["none", "kind", "country"] {
                for legend in [false, true] {
                    for labels in [true, false] {
                        result.append(Combination(layout: layout, cluster: cluster, legend: legend, labels: labels))
                    }
                }
            }
        }
        return result
    }

    /// The command writes each combination's DOT; the real worker (`actorgraph render-worker`, the render path
    /// of every `render`) lays it out for each format, so a crash is counted rather than taking the tests down.
    @Test func noCombinationCrashesOrFails() throws {
        let combinations = Self.combinations
        #expect(combinations.count == 6 * 3 * 2 * 2)
        let seedGraph = packageRoot.appendingPathComponent("graphs").path
        var pending: [(Combination, String, GraphvizFormat)] = []
        for combination in combinations {
            let result = try runActorGraph(combination.arguments + ["--graph", seedGraph])
            #expect(result.status == 0, "\(combination): \(result.stderr)")
            for format in GraphvizFormat.allCases where Self.full || format == .svg || combination.layout == .dot {
                pending.append((combination, result.stdout, format))
            }
        }
        let jobs = pending
        #expect(jobs.count == (Self.full ? 288 : 108))
        let renderer = IsolatedRenderer(
            workerExecutable: productsDirectory.appendingPathComponent("actorgraph").path,
            workerArguments: ["render-worker"], timeout: .seconds(120))
        let crashes = Mutex<[String]>([])
        let failures = Mutex<[String]>([])
        let rendered = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { position in
            let (combination, dot, format) = jobs[position]
            do {
                let bytes = try renderer.render(dot: dot, layout: combination.layout, format: format)
                if !bytes.isEmpty { rendered.withLock { $0 += 1 } }
            } catch {
                let line = "\(combination) → \(format.rawValue): \(error)"
                if let error = error as? GraphvizError, case .crashed = error.cause {
                    crashes.withLock { $0.append(line) }
                } else {
                    failures.withLock { $0.append(line) }
                }
            }
        }
        #expect(crashes.withLock { $0 }.count == 0, "\(crashes.withLock { $0 })")
        #expect(failures.withLock { $0 } == [])
        #expect(rendered.withLock { $0 } == jobs.count)
    }
}
