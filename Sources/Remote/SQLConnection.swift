import Engine

/// The SQL dialects solieu compiles plans to.
public enum SQLDialect: Sendable {
    case postgres
    case spark
}

/// A column of a remote table, in the engine's own types.
public struct RemoteColumnInfo: Sendable, Equatable {
    public var name: String
    public var type: ColumnType

    public init(name: String, type: ColumnType) {
        self.name = name
        self.type = type
    }
}

/// A table (or view) a remote engine offers.
public struct RemoteTableInfo: Sendable, Equatable {
    public var name: String
    public var columns: [RemoteColumnInfo]
    /// The schema or database it lives in, when the engine has one beside the default.
    public var schema: String?

    public init(name: String, columns: [RemoteColumnInfo], schema: String? = nil) {
        self.name = name
        self.columns = columns
        self.schema = schema
    }

    /// The name a session gives it as a dataset: the bare name in the default schema, else `schema.name`.
    public var datasetName: String { schema.map { $0 + "." + name } ?? name }
}

/// What went wrong on a remote engine, in both languages, with what to do next.
public struct RemoteError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case connect, lostConnection, timeout, permission, query, unsupported
    }
    public var kind: Kind
    public var english: String
    public var vietnamese: String

    public init(_ kind: Kind, english: String, vietnamese: String) {
        self.kind = kind
        self.english = english
        self.vietnamese = vietnamese
    }
}

/// One open connection to an engine that runs SQL: the only thing the language needs of PostgreSQL or Spark.
public protocol SQLConnection: AnyObject {
    var dialect: SQLDialect { get }
    /// The connection as it may be shown (in `datasets`, in errors): never with a password.
    var displayName: String { get }
    func tables() throws -> [RemoteTableInfo]
    /// Runs one query; its result as an engine table named `name` (NULL is missing; whole numbers are
    /// integer columns, other numbers decimal, text dictionary text, booleans boolean).
    func query(_ sql: String, name: String) throws -> Table
    func close()
}
