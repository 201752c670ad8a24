import Language
import PostgreSQL
import Remote
import SparkConnect

/// The engines `connect` reaches, by the scheme of their address. The language knows only `SQLConnection`;
/// the clients are linked here.
public enum Connectors {
    public static func install(into session: Session) {
        let postgres: (String) throws -> SQLConnection = { try PostgresConnection.connect(url: $0) }
        session.connectors["postgresql"] = postgres
        session.connectors["postgres"] = postgres
        session.connectors["sc"] = { try SparkConnectConnection(url: $0) }
    }
}
