import Crypto

/// The SHA-256 of some bytes as 64 lower-case hex digits: how the catalogue writes a source text's hash.
public enum SHA256Hex {
    public static func digest(of bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
