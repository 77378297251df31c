@testable import ActorGraphCLI
import ActorGraphTestSupport
import Foundation
import Testing

/// Colour on a terminal for statuses and headings; none with NO_COLOR, TERM=dumb, or when piped (issue 18).
@Suite("Colour on a terminal")
struct TerminalColourTests {
    private let b = TerminalColour.bold, d = TerminalColour.dim, r = TerminalColour.red
    private let y = TerminalColour.yellow, m = TerminalColour.magenta, o = TerminalColour.reset

    @Test func onlyATerminalWithoutNoColourGetsColour() {
        #expect(TerminalColour.wanted(isTerminal: true, environment: ["TERM": "xterm-256color"]))
        #expect(TerminalColour.wanted(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!TerminalColour.wanted(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!TerminalColour.wanted(isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(!TerminalColour.wanted(isTerminal: false, environment: [:]))
    }

    @Test func statusesHeadingsAndTablesAreColouredExactly() {
        let answer = """
            Vladimir Putin  [putin]
              kind:        official

            Relations (2)
                A —supplies arms to→ B (2017)  [s L3]  {denied, claimed by x; ungraded; 1 source}  {possibly}
                A —meets— B  [unsourced]  {claimed by y; ungraded; no source}
            (+2 possibly active: add --possibly)

            """
        #expect(TerminalColour.apply(answer) == """
            \(b)Vladimir Putin  [putin]\(o)
              kind:        official

            \(b)Relations (2)\(o)
                A —supplies arms to→ B (2017)  [s L3]  {\(r)denied\(o), claimed by x; ungraded; 1 source}  \(d){possibly}\(o)
                A —meets— B  \(m)[unsourced]\(o)  {\(y)claimed\(o) by y; ungraded; no source}
            \(d)(+2 possibly active: add --possibly)\(o)

            """)
        let table = "ID  STATUS\n--  ------\nr1  denied, claimed by x\nr2  reported\n"
        #expect(TerminalColour.apply(table) == "\(b)ID  STATUS\(o)\n\(d)--  ------\(o)\nr1  \(r)denied\(o), claimed by x\nr2  reported\n")
        // A timeline row (a date first) is no title; a note that says "denied" outside a status is left alone.
        #expect(TerminalColour.apply("/2017  A —x→ B  note: denied it\n") == "/2017  A —x→ B  note: denied it\n")
    }

    @Test func aTerminalSeesColourAndAPipeOrNoColourDoesNot() throws {
        // `script` gives the command a terminal; its output is the terminal's. `swift test` sets NO_COLOR=1 for its
        // children, and an empty NO_COLOR means "not set" (no-color.org).
        let binary = productsDirectory.appendingPathComponent("actorgraph").path
        let command = "\(binary) timeline russia taliban"
        let terminal = try runProcess(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], in: packageRoot,
            environment: ["TERM": "xterm", "NO_COLOR": ""])
        #expect(terminal.stdout.contains("{\(r)denied\(o), claimed by tillerson"), "\(terminal.stdout)")
        let noColour = try runProcess(
            URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], in: packageRoot,
            environment: ["TERM": "xterm", "NO_COLOR": "1"])
        #expect(noColour.status == 0 && !noColour.stdout.contains("\u{1B}["), "\(noColour.stdout)")
        let piped = try runActorGraph(["timeline", "russia", "taliban"])
        #expect(piped.status == 0 && !piped.stdout.contains("\u{1B}["))
        let json = try runProcess(
            URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command + " --format json", "/dev/null"], in: packageRoot,
            environment: ["TERM": "xterm", "NO_COLOR": ""])
        #expect(json.status == 0 && !json.stdout.contains("\u{1B}["), "JSON stays plain on a terminal")
    }
}
