import Foundation
import HTTPTypes

/// The page's files, read once at start into memory: a request names a table entry, never a file, so no client
/// path reaches the file system.
public struct AssetTable: Sendable {
    public struct Asset: Sendable {
        public let contentType: String
        public let bytes: [UInt8]
    }

    private let assets: [String: Asset]
    /// Debian's `node-d3` browser file, the only vendored script, at a fixed path.
    public let d3: Asset?

    /// The one file `/vendor/d3.min.js` serves when Debian's `node-d3` is installed.
    public static let d3Path = "/usr/share/nodejs/d3/dist/d3.min.js"

    public init(assets: [String: Asset], d3: Asset?) {
        self.assets = assets
        self.d3 = d3
    }

    /// The files of the bundled `Assets` folder whose names are plain (`app.js`, `style.css`), and d3 if present.
    public static func bundled() -> AssetTable {
        var assets: [String: Asset] = [:]
        if let folder = Bundle.module.url(forResource: "Assets", withExtension: nil) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names where isPlainName(name) {
                guard let type = contentType(of: name),
                    let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
                else { continue }
                assets[name] = Asset(contentType: type, bytes: [UInt8](data))
            }
        }
        let d3 = FileManager.default.contents(atPath: d3Path).map {
            Asset(contentType: "text/javascript; charset=utf-8", bytes: [UInt8]($0))
        }
        return AssetTable(assets: assets, d3: d3)
    }

    /// The asset called `name`, if the table holds it.
    public subscript(name: String) -> Asset? { assets[name] }

    public var names: [String] { assets.keys.sorted() }

    /// Lower-case letters, digits, `-`, `_` and one extension: no separators, no dot files, no escapes.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, CharacterSetASCII.isAlphanumeric(first) else { return false }
        return name.unicodeScalars.allSatisfy { CharacterSetASCII.isAlphanumeric($0) || "-_.".unicodeScalars.contains($0) }
            && !name.contains("..")
    }

    static func contentType(of name: String) -> String? {
        switch name.split(separator: ".").last {
        case "html": return "text/html; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "ico": return "image/x-icon"
        case "json": return "application/json; charset=utf-8"
        default: return nil
        }
    }
}
