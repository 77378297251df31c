import Foundation

/// What an output path names on disk, decided before anything is written: see ``AtomicFileGroup``.
enum OutputTarget {
    /// Two names for one file compare equal: by device and inode when it exists, by its resolved path when not.
    enum Identity: Equatable {
        case file(device: UInt64, inode: UInt64)
        case newFile(path: String)
    }

    enum Kind {
        /// Written through a temporary renamed over the destination, which then has `mode`.
        case replace(mode: mode_t)
        /// Written directly: a character device or a FIFO, which renaming would replace.
        case direct
    }

    struct Resolved {
        var destination: String
        var identity: Identity
        var kind: Kind
    }

    /// The longest file name Linux file systems accept (NAME_MAX).
    static let nameLimit = 255

    /// `0666` less the process's umask, read once (umask can only be read by setting it).
    static let newFileMode: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }()

    static func resolve(_ path: String) throws(AtomicFileGroup.Failure) -> Resolved {
        var information = stat()
        guard lstat(path, &information) == 0 else {
            let code = errno
            guard code == ENOENT else { throw AtomicFileGroup.Failure(path: path, reason: DescriptorWrite.reason(code)) }
            return Resolved(destination: path, identity: .newFile(path: canonicalNewPath(path)), kind: .replace(mode: newFileMode))
        }
        var destination = path
        if information.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realPath(path) else {
                throw AtomicFileGroup.Failure(
                    path: path, reason: "it is a symbolic link to a missing file (\(DescriptorWrite.reason(errno)))")
            }
            destination = resolved
            guard stat(destination, &information) == 0 else {
                throw AtomicFileGroup.Failure(path: path, reason: DescriptorWrite.reason(errno))
            }
        }
        let identity = Identity.file(device: UInt64(information.st_dev), inode: UInt64(information.st_ino))
        switch information.st_mode & S_IFMT {
        case S_IFREG:
            return Resolved(destination: destination, identity: identity, kind: .replace(mode: information.st_mode & 0o7777))
        case S_IFCHR, S_IFIFO:
            return Resolved(destination: destination, identity: identity, kind: .direct)
        case S_IFDIR:
            throw AtomicFileGroup.Failure(path: path, reason: "it is a folder; give a file name")
        case S_IFBLK:
            throw AtomicFileGroup.Failure(path: path, reason: "it is a block device; give a regular file")
        default:
            throw AtomicFileGroup.Failure(path: path, reason: "it is a socket or other special file; give a regular file")
        }
    }

    /// Opens a device or FIFO for writing; a FIFO nobody reads is refused rather than waited on for ever.
    static func openDirect(_ destination: String, shownAs path: String) throws(AtomicFileGroup.Failure) -> Int32 {
        let descriptor = open(destination, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            let reason = code == ENXIO ? "it is a FIFO that no process is reading" : DescriptorWrite.reason(code)
            throw AtomicFileGroup.Failure(path: path, reason: reason)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// `.NAME.tmp-XXXXXX` beside `destination`, with NAME shortened so the whole stays within ``nameLimit``.
    static func temporaryTemplate(for destination: String) -> String {
        let name = (destination as NSString).lastPathComponent
        let suffix = ".tmp-XXXXXX"
        var stem = Substring(name)
        while stem.utf8.count + 1 + suffix.utf8.count > nameLimit { stem = stem.dropLast() }
        return (folder(of: destination) as NSString).appendingPathComponent(".\(stem)\(suffix)")
    }

    static func folder(of path: String) -> String {
        // Not NSString.deletingLastPathComponent: Foundation on Linux traps on a one-character path ("x").
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }

    static func fileIdentity(of path: String) -> (device: UInt64, inode: UInt64)? {
        var information = stat()
        guard stat(path, &information) == 0 else { return nil }
        return (UInt64(information.st_dev), UInt64(information.st_ino))
    }

    /// The absolute path a new file would get: its folder resolved (symbolic links, `.`, `..`), then its name.
    private static func canonicalNewPath(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let folder = realPath(folder(of: path)) ?? folder(of: path)
        return (folder as NSString).appendingPathComponent(name)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
