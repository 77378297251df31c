/// Tokenizes a plain record — one line, no quotes, exactly `width` fields — straight from the bytes, eight at a
/// time: the bytes that matter (separator, line feed, carriage return, quote) are all below 0x2D, so one SWAR
/// comparison per word finds the few candidates and only those are classified. Anything else is not plain, and
/// the caller hands the record to ``CSVReader/readRecord(_:separator:position:line:fields:)``.
final class PlainRecordScanner {
    let width: Int
    /// Byte classes: 0 ordinary, 1 separator, 2 line feed, 3 carriage return, 4 quote.
    private let classes: UnsafeMutablePointer<UInt8>
    /// Start of field `k` at `bounds[k]`; it ends one byte before `bounds[k + 1]`.
    private let bounds: UnsafeMutablePointer<Int>
    /// Every special byte is below this one.
    private let threshold: UInt8

    init?(width: Int, separator: UInt8) {
        let quote = UInt8(ascii: "\"")
        guard width > 0, separator < 0x80, separator != quote, separator != 0x0A, separator != 0x0D else { return nil }
        self.width = width
        threshold = max(separator, quote, 0x0D) + 1
        classes = .allocate(capacity: 256)
        classes.initialize(repeating: 0, count: 256)
        classes[Int(separator)] = 1
        classes[0x0A] = 2
        classes[0x0D] = 3
        classes[Int(quote)] = 4
        bounds = .allocate(capacity: width + 1)
        bounds.initialize(repeating: 0, count: width + 1)
    }

    deinit {
        classes.deallocate()
        bounds.deallocate()
    }

    /// Tokenizes the record at `position`; returns where the next one starts, or `nil` when it is not plain.
    @inline(__always)
    func scan(_ base: UnsafePointer<UInt8>, count: Int, at position: Int) -> Int? {
        var index = position
        var field = 0
        bounds[0] = position
        // The byte that ends the record (line feed or carriage return), once found.
        var end = -1
        #if _endian(little)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            let below = ones &* UInt64(threshold)
            words: while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // High bit of each byte below the threshold (exact: no borrow crosses bytes, as each byte is
                // first raised to at least 0x80; bytes of 0x80 and above are never candidates).
                var candidates = ~((word | high) &- below) & high
                while candidates != 0 {
                    let at = index &+ candidates.trailingZeroBitCount &>> 3
                    let kind = classes[Int(base[at])]
                    if kind == 1 {
                        field &+= 1
                        if field >= width { return nil }
                        bounds[field] = at &+ 1
                    } else if kind != 0 {
                        end = at
                        break words
                    }
                    candidates &= candidates &- 1
                }
                index &+= 8
            }
        #endif
        if end < 0 {
            while index < count {
                let kind = classes[Int(base[index])]
                if kind == 1 {
                    field += 1
                    if field >= width { return nil }
                    bounds[field] = index + 1
                } else if kind != 0 {
                    end = index
                    break
                }
                index += 1
            }
        }
        guard field == width - 1 else { return nil }
        var next = count
        if end < 0 {
            end = count
        } else {
            switch classes[Int(base[end])] {
            case 2: next = end + 1
            case 3:
                guard end + 1 < count, base[end + 1] == 0x0A else { return nil }
                next = end + 2
            default: return nil
            }
        }
        bounds[width] = end + 1
        return next
    }

    @inline(__always) func start(_ column: Int) -> Int { bounds[column] }
    @inline(__always) func length(_ column: Int) -> Int { bounds[column + 1] - 1 - bounds[column] }
    @inline(__always) func cell(_ column: Int, _ base: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + bounds[column], count: bounds[column + 1] - 1 - bounds[column])
    }
    /// The cell, or `nil` when the column is absent or the cell empty.
    @inline(__always) func filledCell(_ column: Int?, _ base: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let column, length(column) != 0 else { return nil }
        return cell(column, base)
    }
}
