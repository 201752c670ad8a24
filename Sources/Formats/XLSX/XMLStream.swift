import CExpat
import Foundation

/// Receives the events of an XML document as expat finds them. Names are local names (the part after a
/// namespace prefix), as raw UTF-8 bytes, so the handler compares them without building strings.
protocol XMLStreamHandler: AnyObject {
    func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes)
    func end(_ name: UnsafeBufferPointer<UInt8>)
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Set when the handler has what it wants: the rest of the document is not read.
    var isDone: Bool { get }
}

extension XMLStreamHandler {
    var isDone: Bool { false }
}

/// Thrown out of the archive's inflater to stop reading a part once its handler is done.
struct XMLStreamStopped: Error {}

/// The attributes of one start tag, as expat passes them: name, value, name, value, …, nil.
struct XMLAttributes {
    let pairs: UnsafeMutablePointer<UnsafePointer<CChar>?>?

    /// The value of the attribute whose local name is `name`.
    func value(_ name: StaticString) -> UnsafePointer<CChar>? {
        guard var p = pairs else { return nil }
        while let key = p.pointee {
            if XMLStream.localNameEquals(key, name) { return p.successor().pointee }
            p += 2
        }
        return nil
    }

    func string(_ name: StaticString) -> String? { value(name).map { String(cString: $0) } }
}

/// A streaming XML parser over expat: the document is fed in pieces as they are inflated from the
/// archive, so a sheet of a million rows is never held as a tree (nor as one string).
final class XMLStream {
    private let parser: XML_Parser
    // unowned(unsafe): the handler outlives every parse (it owns the call), and a checked unowned reference
    // costs an atomic retain per XML event.
    private unowned(unsafe) let handler: XMLStreamHandler
    /// Set by a handler to stop parsing (for example after the first rows of a sheet).
    var stopped = false

    init(handler: XMLStreamHandler) {
        parser = XML_ParserCreate(nil)
        self.handler = handler
        XML_SetUserData(parser, Unmanaged.passUnretained(self).toOpaque())
        XML_SetElementHandler(parser, { data, name, attributes in
            let stream = Unmanaged<XMLStream>.fromOpaque(data!).takeUnretainedValue()
            stream.handler.start(XMLStream.localName(name!), XMLAttributes(pairs: attributes))
            if stream.handler.isDone { stream.stop() }
        }, { data, name in
            let stream = Unmanaged<XMLStream>.fromOpaque(data!).takeUnretainedValue()
            stream.handler.end(XMLStream.localName(name!))
        })
        XML_SetCharacterDataHandler(parser, { data, text, length in
            let stream = Unmanaged<XMLStream>.fromOpaque(data!).takeUnretainedValue()
            text!.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                stream.handler.text(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
        })
    }

    deinit { XML_ParserFree(parser) }

    /// Feeds the next piece of the document.
    /// - Throws: `XMLStreamError` with expat's message and the line and column in the XML.
    func feed(_ data: Data, isFinal: Bool = false) throws {
        try data.withUnsafeBytes { try feed($0, isFinal: isFinal) }
    }

    /// Feeds the next piece of the document from memory the caller holds.
    func feed(_ raw: UnsafeRawBufferPointer, isFinal: Bool = false) throws {
        guard !stopped else { throw XMLStreamStopped() }
        let status = XML_Parse(parser, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), isFinal ? 1 : 0)
        if status == XML_STATUS_ERROR && !stopped {
            let code = XML_GetErrorCode(parser)
            throw XMLStreamError(message: String(cString: XML_ErrorString(code)), line: Int(XML_GetCurrentLineNumber(parser)),
                                 column: Int(XML_GetCurrentColumnNumber(parser)))
        }
    }

    /// Ends the document.
    func finish() throws {
        if !stopped { try feed(Data(), isFinal: true) }
    }

    /// Stops the parse from inside a handler.
    func stop() {
        stopped = true
        XML_StopParser(parser, 0)
    }

    static func localName(_ name: UnsafePointer<CChar>) -> UnsafeBufferPointer<UInt8> {
        let length = strlen(name)
        return name.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            var start = 0
            for i in 0..<length where bytes[i] == 0x3A { start = i + 1 }  // after "x:" prefixes
            return UnsafeBufferPointer(start: bytes + start, count: length - start)
        }
    }

    static func localNameEquals(_ name: UnsafePointer<CChar>, _ wanted: StaticString) -> Bool {
        let local = localName(name)
        guard local.count == wanted.utf8CodeUnitCount else { return false }
        return memcmp(local.baseAddress!, wanted.utf8Start, local.count) == 0
    }
}

struct XMLStreamError: Error {
    var message: String
    var line: Int
    var column: Int
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether these bytes spell `text` (an element's local name).
    @inline(__always)
    func `is`(_ text: StaticString) -> Bool {
        count == text.utf8CodeUnitCount && (count == 0 || memcmp(baseAddress!, text.utf8Start, count) == 0)
    }
}
