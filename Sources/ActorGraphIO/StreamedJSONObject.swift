/// A JSON object written member by member as its parts are known, one array member element by element: a long
/// answer's first elements are out before the last is found, and the text is the same as ``JSONValue/pretty()`` of
/// the whole object. Whoever stops early still calls ``closeArray()`` and ``close()``, so what was written parses.
public struct StreamedJSONObject {
    private let emit: (String) -> Void
    private var members = 0
    private var elements = 0
    private var arrayOpen = false

    /// Writes the opening brace through `emit`, which receives every piece of text in order.
    public init(emit: @escaping (String) -> Void) {
        self.emit = emit
        emit("{")
    }

    private mutating func key(_ key: String) {
        var text = members > 0 ? ",\n  " : "\n  "
        JSONValue.writeString(key, to: &text)
        text += ": "
        emit(text)
        members += 1
    }

    public mutating func member(_ name: String, _ value: JSONValue) {
        precondition(!arrayOpen, "close the array member first")
        key(name)
        emit(value.pretty(level: 1))
    }

    /// Starts an array member; its elements follow with ``element(_:)``.
    public mutating func openArray(_ name: String) {
        precondition(!arrayOpen, "close the array member first")
        key(name)
        arrayOpen = true
        elements = 0
    }

    public mutating func element(_ value: JSONValue) {
        precondition(arrayOpen, "open an array member first")
        emit((elements == 0 ? "[\n    " : ",\n    ") + value.pretty(level: 2))
        elements += 1
    }

    public mutating func closeArray() {
        precondition(arrayOpen, "open an array member first")
        emit(elements == 0 ? "[]" : "\n  ]")
        arrayOpen = false
    }

    /// Writes the closing brace and the final newline.
    public mutating func close() {
        if arrayOpen { closeArray() }
        emit(members == 0 ? "}\n" : "\n}\n")
    }
}
