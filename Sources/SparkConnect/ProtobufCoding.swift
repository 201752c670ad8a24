import GRPCCore
import SwiftProtobuf

/// Turns a swift-protobuf message into the bytes of a gRPC message (the gRPC call itself is written by hand,
/// so no gRPC code generator is needed).
struct ProtobufSerializer<Message: SwiftProtobuf.Message>: MessageSerializer {
    func serialize<Bytes: GRPCContiguousBytes>(_ message: Message) throws -> Bytes {
        Bytes(try message.serializedBytes() as [UInt8])
    }
}

/// Reads a swift-protobuf message from the bytes of a gRPC message.
struct ProtobufDeserializer<Message: SwiftProtobuf.Message>: MessageDeserializer {
    func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Message {
        try serializedMessageBytes.withUnsafeBytes { try Message(serializedBytes: [UInt8]($0)) }
    }
}
