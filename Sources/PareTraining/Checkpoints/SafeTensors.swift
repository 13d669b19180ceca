// Reads and writes checkpoints in the safetensors format of Hugging Face, as its specification states it
// (github.com/huggingface/safetensors, README "Format"):
//   - 8 bytes: N, an unsigned little-endian 64-bit integer, the size of the header;
//   - N bytes: a UTF-8 JSON object, starting with '{' and possibly padded at the end with spaces:
//     {"__metadata__": {string: string}, "NAME": {"dtype": "F32", "shape": [...], "data_offsets": [BEGIN, END]}};
//   - the rest: the byte buffer. Offsets are relative to its start, END is one past the tensor's last byte,
//     values are little-endian and row-major, and the tensors cover the buffer exactly: no holes, no overlaps.
// Foundation and PareModel's JSON reader only, no engine types, so the format code stays independent of the engine.

import Foundation
import PareModel

/// A safetensors file of 32-bit float tensors and string metadata, written and read exactly as the format
/// specifies.
///
/// Reading enforces these rules, each failure a `SafeTensorsError` with a one-line message:
/// - the file holds at least the 8-byte length; the header length N is at most 100 MB (100,000,000 bytes,
///   the reference implementation's limit) and 8 + N fits in the file;
/// - the header is UTF-8, starts with `{`, and is one strict JSON object (RFC 8259: no comments, no trailing
///   commas, nesting at most 64 deep) followed only by whitespace;
/// - no object in it repeats a key;
/// - `__metadata__`, if present, is an object of string values;
/// - every other key is a tensor: an object with exactly `dtype`, `shape` and `data_offsets`; `dtype` is a
///   safetensors dtype, and only `F32` is accepted (the others are named as unsupported, unknown names as
///   unknown); `shape` is a list of non-negative integers whose product does not overflow; `data_offsets` is
///   two integers `[BEGIN, END]` with `BEGIN ≤ END`, `END` inside the data section, and `END - BEGIN` equal
///   to 4 × the element count;
/// - sorted by offset, the tensors start at 0 and each begins where the previous ended (no overlap, no gap),
///   and the last ends at the end of the file (no trailing bytes).
///
/// Tensors are returned in file order (by offset). Values are not checked: NaN and infinities load as stored.
public struct SafeTensorsFile: Hashable, Sendable {
    /// One named tensor of 32-bit floats, row-major.
    public struct Tensor: Hashable, Sendable {
        /// The name (a key of the JSON header).
        public var name: String
        /// The dimensions, outermost first; `[]` for a scalar.
        public var shape: [Int]
        /// The values, row-major; as many as the product of `shape`.
        public var values: [Float]

        /// Creates a tensor; `values.count` must equal the product of `shape`.
        public init(name: String, shape: [Int], values: [Float]) {
            precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in shape \(shape) of '\(name)'")
            precondition(values.count == shape.reduce(1, *),
                         "'\(name)' has \(values.count) values for shape \(shape)")
            self.name = name
            self.shape = shape
            self.values = values
        }
    }

    /// Free-form string metadata (the `__metadata__` entry; omitted from the file when empty).
    public var metadata: [String: String]
    /// The tensors, in the order they are laid out in the file.
    public var tensors: [Tensor]

    /// The largest header this reader accepts.
    public static let maximumHeaderBytes = 100_000_000

    /// Creates a file's contents; tensor names must be distinct and not `__metadata__`.
    public init(metadata: [String: String] = [:], tensors: [Tensor] = []) {
        precondition(Set(tensors.map(\.name)).count == tensors.count, "duplicate tensor names")
        precondition(!tensors.contains { $0.name == "__metadata__" }, "a tensor cannot be named __metadata__")
        self.metadata = metadata
        self.tensors = tensors
    }

    /// The tensor called `name`, if any.
    public subscript(name: String) -> Tensor? {
        tensors.first { $0.name == name }
    }

    // MARK: - Writing

    /// The file's bytes: the header (metadata keys sorted, tensors in order, padded with spaces so the data
    /// starts at a multiple of 8), then the tensors' values back to back.
    public func encoded() -> [UInt8] {
        var header = "{"
        var members: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\(JSONText.quoted($0.key)):\(JSONText.quoted($0.value))" }
            members.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for tensor in tensors {
            let end = offset + 4 * tensor.values.count
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            members.append("\(JSONText.quoted(tensor.name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],"
                + "\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        header += members.joined(separator: ",") + "}"
        var headerBytes = Array(header.utf8)
        headerBytes += repeatElement(UInt8(ascii: " "), count: (8 - (8 + headerBytes.count) % 8) % 8)

        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + headerBytes.count + offset)
        let length = UInt64(headerBytes.count)
        bytes += (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) }
        bytes += headerBytes
        for tensor in tensors {
            for value in tensor.values {
                let bits = value.bitPattern
                bytes += (0..<4).map { UInt8(truncatingIfNeeded: bits >> (8 * $0)) }
            }
        }
        return bytes
    }

    /// Writes the file atomically (`AtomicFile`), so a reader never sees a half-written checkpoint.
    public func write(to url: URL) throws(SafeTensorsError) {
        do {
            try AtomicFile.write(Data(encoded()), to: url)
        } catch {
            throw SafeTensorsError(.cannotWrite(String(describing: error)), path: url.path)
        }
    }

    // MARK: - Reading

    /// Reads and checks the file at `url` (see the rules above).
    public static func read(from url: URL) throws(SafeTensorsError) -> SafeTensorsFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SafeTensorsError(.cannotRead, path: url.path)
        }
        return try decode([UInt8](data), path: url.path)
    }

    /// Parses and checks file bytes; `path` is used in messages.
    public static func decode(_ bytes: [UInt8], path: String) throws(SafeTensorsError) -> SafeTensorsFile {
        func fail(_ reason: SafeTensorsError.Reason) -> SafeTensorsError { SafeTensorsError(reason, path: path) }
        guard bytes.count >= 8 else { throw fail(.tooShort(fileBytes: bytes.count)) }
        let headerLength = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1)) }
        guard headerLength <= UInt64(maximumHeaderBytes) else { throw fail(.headerTooLarge(headerLength)) }
        let dataStart = 8 + Int(headerLength)
        guard dataStart <= bytes.count else {
            throw fail(.headerPastEnd(headerBytes: Int(headerLength), fileBytes: bytes.count))
        }
        let header = bytes[8..<dataStart]
        guard String(validating: header, as: UTF8.self) != nil else { throw fail(.headerNotUTF8) }
        guard header.first == UInt8(ascii: "{") else { throw fail(.headerNotObject) }
        let root: JSONValue
        do {
            root = try JSONReader.read(Array(header), options: .safeTensorsHeader)
        } catch {
            throw fail(SafeTensorsError.Reason(error))
        }
        guard case .object(let members) = root else { throw fail(.headerNotObject) }

        var metadata: [String: String] = [:]
        var entries: [(name: String, shape: [Int], begin: Int, end: Int)] = []
        let dataBytes = bytes.count - dataStart
        for member in members {
            if member.key == "__metadata__" {
                guard case .object(let pairs) = member.value else { throw fail(.badMetadata) }
                for pair in pairs {
                    guard case .string(let string) = pair.value else { throw fail(.badMetadata) }
                    metadata[pair.key] = string
                }
                continue
            }
            let entry = try tensorEntry(member.key, member.value, dataBytes: dataBytes, fail: fail)
            entries.append((member.key, entry.shape, entry.begin, entry.end))
        }

        entries.sort { ($0.begin, $0.end) < ($1.begin, $1.end) }
        var covered = 0
        var previous: String?
        for entry in entries {
            if entry.begin < covered, let previous { throw fail(.overlap(previous, entry.name)) }
            if entry.begin > covered { throw fail(.gap(from: covered, to: entry.begin)) }
            covered = entry.end
            previous = entry.name
        }
        if covered != dataBytes { throw fail(.gap(from: covered, to: dataBytes)) }

        let tensors = entries.map { entry in
            let values = (0..<(entry.end - entry.begin) / 4).map { index in
                let offset = dataStart + entry.begin + 4 * index
                let bits = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
                return Float(bitPattern: bits)
            }
            return Tensor(name: entry.name, shape: entry.shape, values: values)
        }
        return SafeTensorsFile(metadata: metadata, tensors: tensors)
    }

    /// The shape and byte range of the tensor entry `name`, checked against the data section.
    private static func tensorEntry(_ name: String, _ value: JSONValue, dataBytes: Int,
                                    fail: (SafeTensorsError.Reason) -> SafeTensorsError)
        throws(SafeTensorsError) -> (shape: [Int], begin: Int, end: Int) {
        guard case .object(let fields) = value else { throw fail(.badTensor(name, "is not an object")) }
        for field in fields where !["dtype", "shape", "data_offsets"].contains(field.key) {
            throw fail(.badTensor(name, "has unknown key '\(field.key)'"))
        }
        func field(_ key: String) throws(SafeTensorsError) -> JSONValue {
            guard let found = value[key] else { throw fail(.badTensor(name, "has no '\(key)'")) }
            return found
        }
        guard case .string(let dtype) = try field("dtype") else { throw fail(.badTensor(name, "has a non-string dtype")) }
        guard dtype == "F32" else {
            throw fail(.badTensor(name, knownDTypes.contains(dtype)
                ? "has dtype \(dtype); Pare reads only F32"
                : "has unknown dtype '\(dtype)'"))
        }
        guard case .array(let dimensions) = try field("shape"),
              dimensions.allSatisfy({ $0.nonNegativeInteger != nil })
        else { throw fail(.badTensor(name, "has a shape that is not a list of non-negative integers")) }
        let shape = dimensions.compactMap(\.nonNegativeInteger)
        guard case .array(let offsets) = try field("data_offsets"), offsets.count == 2,
              let begin = offsets[0].nonNegativeInteger, let end = offsets[1].nonNegativeInteger, begin <= end
        else { throw fail(.badTensor(name, "has data_offsets that are not [BEGIN, END] with 0 ≤ BEGIN ≤ END")) }
        guard end <= dataBytes else { throw fail(.outOfBounds(name, begin: begin, end: end, dataBytes: dataBytes)) }
        var byteCount = 4
        for dimension in shape {
            let (product, overflow) = byteCount.multipliedReportingOverflow(by: dimension)
            guard !overflow else { throw fail(.badTensor(name, "has a shape too large to address")) }
            byteCount = product
        }
        guard end - begin == byteCount else {
            throw fail(.sizeMismatch(name, shape: shape, begin: begin, end: end, expectedBytes: byteCount))
        }
        return (shape, begin, end)
    }

    /// The dtypes the safetensors specification defines.
    private static let knownDTypes: Set<String> = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16",
                                                   "BF16", "I32", "U32", "F32", "F64", "I64", "U64"]
}

/// A safetensors file that cannot be read or written: the file and what is wrong.
///
/// `description` is one line, e.g. `model.safetensors: error: tensors 'a' and 'b' overlap in the data section`.
public struct SafeTensorsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var reason: Reason
    /// The file.
    public var path: String

    /// Creates an error about the file at `path`.
    public init(_ reason: Reason, path: String) {
        self.reason = reason
        self.path = path
    }

    /// The ways a safetensors file can be wrong.
    public enum Reason: Error, Hashable, Sendable {
        /// The file cannot be read.
        case cannotRead
        /// The file cannot be written (the system's reason).
        case cannotWrite(String)
        /// Fewer than the 8 bytes of the header length.
        case tooShort(fileBytes: Int)
        /// A header length above `maximumHeaderBytes`.
        case headerTooLarge(UInt64)
        /// A header length that runs past the end of the file.
        case headerPastEnd(headerBytes: Int, fileBytes: Int)
        /// Header bytes that are not UTF-8.
        case headerNotUTF8
        /// A header that does not start with `{` or is not a JSON object.
        case headerNotObject
        /// Malformed JSON at a byte offset of the header.
        case invalidJSON(offset: Int, String)
        /// An object with the same key twice.
        case duplicateKey(String)
        /// A `__metadata__` entry that is not an object of strings.
        case badMetadata
        /// A malformed tensor entry.
        case badTensor(String, String)
        /// A tensor whose data offsets run past the data section.
        case outOfBounds(String, begin: Int, end: Int, dataBytes: Int)
        /// A tensor whose byte range does not match its shape.
        case sizeMismatch(String, shape: [Int], begin: Int, end: Int, expectedBytes: Int)
        /// Two tensors whose byte ranges overlap.
        case overlap(String, String)
        /// Bytes of the data section that belong to no tensor.
        case gap(from: Int, to: Int)
    }

    /// The message without the path.
    public var message: String {
        switch reason {
        case .cannotRead:
            return "cannot read the file"
        case .cannotWrite(let why):
            return "cannot write the file: \(why)"
        case .tooShort(let fileBytes):
            return "not a safetensors file: \(fileBytes) bytes, fewer than the 8-byte header length"
        case .headerTooLarge(let length):
            return "header length \(length) exceeds the 100 MB limit"
        case .headerPastEnd(let headerBytes, let fileBytes):
            return "header length \(headerBytes) runs past the end of the file (\(fileBytes) bytes)"
        case .headerNotUTF8:
            return "the header is not UTF-8 text"
        case .headerNotObject:
            return "the header is not a JSON object (it must start with '{')"
        case .invalidJSON(let offset, let what):
            return "invalid JSON in the header at byte \(offset): \(what)"
        case .duplicateKey(let key):
            return "duplicate key '\(key)' in the header"
        case .badMetadata:
            return "__metadata__ must be an object mapping strings to strings"
        case .badTensor(let name, let problem):
            return "tensor '\(name)' \(problem)"
        case .outOfBounds(let name, let begin, let end, let dataBytes):
            return "tensor '\(name)' data_offsets [\(begin), \(end)] run past the data section (\(dataBytes) bytes)"
        case .sizeMismatch(let name, let shape, let begin, let end, let expectedBytes):
            return "tensor '\(name)' data_offsets [\(begin), \(end)] hold \(end - begin) bytes, but F32 shape "
                + "\(shape) needs \(expectedBytes)"
        case .overlap(let first, let second):
            return "tensors '\(first)' and '\(second)' overlap in the data section"
        case .gap(let from, let to):
            return "bytes \(from)..<\(to) of the data section belong to no tensor"
        }
    }

    /// `path: error: message`.
    public var description: String { "\(path): error: \(message)" }
}

extension JSONReader.Options {
    /// Safetensors headers: strict RFC 8259, a repeated key refused (Foundation's JSONSerialization would merge it
    /// silently), nesting at most 64 deep.
    fileprivate static let safeTensorsHeader = JSONReader.Options(duplicateKeys: .reject, maximumDepth: 64)
}

extension JSONValue {
    /// The value as a non-negative integer, if it is one (no sign, fraction or exponent).
    fileprivate var nonNegativeInteger: Int? {
        guard case .number(let text) = self, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }
}

extension SafeTensorsError.Reason {
    /// The reason for a header the JSON reader refuses, worded as safetensors messages always were.
    fileprivate init(_ error: JSONSyntaxError) {
        switch error.problem {
        case .duplicateKey(let key): self = .duplicateKey(key)
        case .unexpectedEnd: self = .invalidJSON(offset: error.offset, "unexpected end of the header")
        case .dataAfterValue: self = .invalidJSON(offset: error.offset, "unexpected data after the top-level object")
        case .invalidEscape: self = .invalidJSON(offset: error.offset, "invalid escape")
        default: self = .invalidJSON(offset: error.offset, error.problem.description)
        }
    }
}
