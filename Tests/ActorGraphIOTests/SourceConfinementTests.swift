import ActorGraph
import ActorGraphIO
import Foundation
import Testing

/// The catalogue's `file:` stays inside `--sources` (issue 17, item 8), and `lines:` counts at least one line.
@Suite("Source texts confined to the sources folder")
struct SourceConfinementTests {
    private static let secret = "root:x:0:0\n"
    private static let secretHash = "0f2f1b5a7f8e8b8b0b7c7d3a5d8c2d0e1c0c6a0f8d1e7c2a4e5b6d9f0a1b2c3d"

    /// A folder with `sources/` and a secret file beside it; returns the folder.
    private func layout() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-confine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sources"), withIntermediateDirectories: true)
        try Data(Self.secret.utf8).write(to: folder.appendingPathComponent("secret.txt"))
        return folder
    }

    private func catalogue(file: String, lines: String = "1") -> String {
        """
        sources:
          - id: doc
            file: \(file)
            title: T
            language: en
            sha256: \(Self.secretHash)
            lines: \(lines)
            summary: S.
        """
    }

    private func messages(_ catalogueText: String, folder: URL) -> String {
        let graph = folder.appendingPathComponent("graph.yaml")
        let catalogueURL = folder.appendingPathComponent("sources.yaml")
        do {
            try Data("actors: []\n".utf8).write(to: graph)
            try Data(catalogueText.utf8).write(to: catalogueURL)
            _ = try GraphLoader.load(
                GraphLoadOptions(
                    graphPath: graph.path, cataloguePath: catalogueURL.path,
                    sourcesDirectory: folder.appendingPathComponent("sources").path))
            return ""
        } catch let error as DiagnosticsError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test func aParentStepIsRefusedWhereItIsWritten() throws {
        let folder = try layout()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sources.yaml").path
        #expect(
            messages(catalogue(file: "../secret.txt"), folder: folder)
                == "\(path):3:11: error: 'file' must name a file inside the sources folder, found '../secret.txt'\n"
                + "  hint: give the text's path relative to the --sources folder, without '..' or a leading '/'")
        let absolute = messages(catalogue(file: folder.appendingPathComponent("secret.txt").path), folder: folder)
        #expect(absolute.contains("error: 'file' must name a file inside the sources folder"))
        #expect(!absolute.contains("sha256 of"))
    }

    @Test func aSymbolicLinkOutOfTheFolderIsNotFollowed() throws {
        let folder = try layout()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(symlink("../secret.txt", folder.appendingPathComponent("sources/escape.txt").path) == 0)
        let text = messages(catalogue(file: "escape.txt"), folder: folder)
        // Neither the file's hash nor its line count may be printed.
        #expect(text.contains("error: source text 'escape.txt' is not in"))
        #expect(!text.contains("sha256 of") && !text.contains("lines, not"))
    }

    @Test func zeroLinesIsRefused() throws {
        let folder = try layout()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = messages(catalogue(file: "x.txt", lines: "0"), folder: folder)
        #expect(text.contains(":7:12: error: 'lines' must be a whole number from 1 to 2147483647, found '0'"), "\(text)")
    }
}
