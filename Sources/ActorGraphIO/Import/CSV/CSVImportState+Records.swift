import ActorGraph
import Foundation

/// Commits a plain row straight from its bytes, or returns `nil` and leaves the record to the general path.
protocol CSVFastRowReader: AnyObject {
    /// Reads and commits the plain row at `position` (on `line` of `file`), returning where the next record starts;
    /// `nil` when the row is not plain (nothing was changed).
    func readRow(
        _ bytes: UnsafeBufferPointer<UInt8>, at position: Int, line: Int, file: String, state: inout CSVImportState
    ) -> Int?
}

/// The actor list or the edge list, as the one record loop (``CSVImportState/readRecords(_:file:list:)``) reads
/// it: its header, its rows, its fast path.
protocol CSVRecordList {
    associatedtype FastReader: CSVFastRowReader
    /// The problem of a file without a header line, and its hint.
    static var emptyFile: (message: String, hint: String) { get }
    /// Whether a large list's second half may be read on another thread (``EdgeSpeculation``).
    static var speculates: Bool { get }
    /// Whether the header record has been read, usable or not.
    var hasHeader: Bool { get }
    /// Whether the header was usable: rows are read only then.
    var acceptsRows: Bool { get }
    /// The fast path, once a usable header allows one.
    var fastReader: FastReader? { get }
    /// Reads the header record, reporting what is wrong with it.
    mutating func readHeader(_ record: borrowing CSVRecord, file: String, state: inout CSVImportState)
    /// Reads one data row the general way: every check, every diagnostic.
    func readRow(_ record: borrowing CSVRecord, file: String, state: inout CSVImportState)
    /// Starts reading the second half of `bytes[position...]` on another thread; `nil` when not worth it.
    func speculate(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int, state: CSVImportState) -> EdgeSpeculation?
}

extension CSVImportState {
    /// The record loop of both lists. Plain rows (no quotes, nothing to report, nothing but ids, a known type and a
    /// date) take the list's fast path; every other record goes through ``CSVReader`` and the list's row checks, so
    /// diagnostics are theirs. For an edge list, once the types of the file have been met, the second half of what
    /// is left goes to another thread (``EdgeSpeculation``), whose rows are adopted when this thread reaches them.
    mutating func readRecords<List: CSVRecordList>(_ bytes: UnsafeBufferPointer<UInt8>, file: String, list: inout List)
    {
        var fields: [CSVReader.Field] = []
        fields.reserveCapacity(32)
        var position = CSVReader.firstRecordOffset(bytes)
        var line = 1
        // Records before `limit` are read here; with a speculation running, the rest is being read by it.
        var limit = bytes.count
        var speculation: EdgeSpeculation?
        let mayParallelize =
            List.speculates && options.readsInParallel && ProcessInfo.processInfo.activeProcessorCount > 1
        while true {
            while position < limit {
                if let reader = list.fastReader {
                    var stop = limit
                    if mayParallelize && speculation == nil {
                        // Until the speculation starts, check every 256 KB whether it may.
                        if rows >= options.parallelWarmUpRows,
                            let started = list.speculate(bytes, from: position, state: self)
                        {
                            speculation = started
                            limit = started.start
                            stop = limit
                        } else {
                            stop = min(limit, position + (1 << 18))
                        }
                    }
                    while position < stop,
                        let next = reader.readRow(bytes, at: position, line: line, file: file, state: &self)
                    {
                        position = next
                        line += 1
                        rows += 1
                    }
                    if position >= stop { continue }
                }
                let recordLine = line
                if let failure = CSVReader.readRecord(
                    bytes, separator: options.separator, position: &position, line: &line, fields: &fields)
                {
                    syntaxError(failure, file: file)
                    continue
                }
                let record = CSVRecord(line: recordLine, fields: fields, bytes: bytes)
                if !list.hasHeader {
                    list.readHeader(record, file: file, state: &self)
                    continue
                }
                guard list.acceptsRows, !record.isBlank else { continue }
                rows += 1
                list.readRow(record, file: file, state: &self)
            }
            guard let finished = speculation else { break }
            speculation = nil
            finished.wait()
            // The speculation holds when this thread stopped exactly where it started: its first byte began a
            // record. Otherwise that byte was inside a quoted field and its work is dropped.
            if position == limit {
                adopt(finished)
                position = finished.stop
                line += finished.rowsRead
                rows += finished.rowsRead
            }
            limit = bytes.count
        }
        if !list.hasHeader {
            fatal.append(
                Diagnostic(
                    SourceLocation(file: file, line: 1, column: 1), List.emptyFile.message, hint: List.emptyFile.hint))
        }
    }
}
