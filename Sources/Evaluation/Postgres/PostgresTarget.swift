import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL store is, from a libpq-style URL:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?host=/socket/folder&sslmode=disable|require|verify-full]`.
///
/// Without a host (`postgres:///solve`) or with `host=/folder`, it connects through the Unix socket
/// `FOLDER/.s.PGSQL.PORT` (default folder `/var/run/postgresql`). The user defaults to `PGUSER`, else the login
/// name; the password to `PGPASSWORD`; the database to the user's name; the port to 5432. `sslmode` defaults to
/// `disable` on a socket or loopback and `require` elsewhere (`verify-full` also checks the certificate).
struct PostgresTarget: Sendable, Equatable {
    enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        case socket(path: String)
    }

    enum SSLMode: String, Sendable {
        case disable, require
        case verifyFull = "verify-full"
    }

    var endpoint: Endpoint
    var user: String
    var password: String?
    var database: String
    var sslMode: SSLMode

    /// The URL without its password: how messages name the store.
    var redacted: String {
        let base: String
        switch endpoint {
        case .tcp(let host, let port):
            let shownHost = host.contains(":") ? "[\(host)]" : host
            base = "postgres://\(user)@\(shownHost):\(port)/\(database)"
        case .socket(let path):
            base = "postgres://\(user)@/\(database)?host=\(URL(fileURLWithPath: path).deletingLastPathComponent().path)"
        }
        return base
    }

    /// Parses `url`; `environment` supplies `PGUSER`, `PGPASSWORD` and `USER`.
    /// - Throws: `EvaluationError.invalidOption` naming what is wrong (scheme, port, parameter).
    init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func invalid(_ expected: String) -> EvaluationError {
            EvaluationError.invalidOption(option: "--db", value: url, expected: expected)
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw invalid("postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (percent-encode special characters)")
        }
        var parameters: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard ["host", "port", "sslmode", "user", "password", "dbname"].contains(item.name) else {
                throw invalid("parameters host, port, sslmode, user, password or dbname, not \"\(item.name)\"")
            }
            parameters[item.name] = item.value ?? ""
        }
        let portText = parameters["port"] ?? components.port.map(String.init)
        var port = 5432
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else {
                throw invalid("a port from 1 to 65535")
            }
            port = number
        }
        user =
            parameters["user"] ?? components.user.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"]
            ?? environment["USER"] ?? "postgres"
        password = parameters["password"] ?? components.password ?? environment["PGPASSWORD"]
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else { throw invalid("one database name after the host, not \"\(path)\"") }
        database = parameters["dbname"] ?? (path.isEmpty ? user : path)
        let host = parameters["host"] ?? components.host ?? ""
        let endpoint: Endpoint
        if host.isEmpty || host.hasPrefix("/") {
            let folder = host.isEmpty ? "/var/run/postgresql" : host
            endpoint = .socket(path: URL(fileURLWithPath: folder).appendingPathComponent(".s.PGSQL.\(port)").path)
        } else {
            endpoint = .tcp(host: host, port: port)
        }
        self.endpoint = endpoint
        if let mode = parameters["sslmode"] {
            guard let known = SSLMode(rawValue: mode) else { throw invalid("sslmode disable, require or verify-full") }
            sslMode = known
        } else {
            sslMode = Self.isLocal(endpoint) ? .disable : .require
        }
    }

    /// A Unix socket or a loopback address.
    static func isLocal(_ endpoint: Endpoint) -> Bool {
        switch endpoint {
        case .socket: return true
        case .tcp(let host, _): return host == "localhost" || host.hasPrefix("127.") || host == "::1"
        }
    }

    /// TLS as `sslMode` asks: none, encrypted without checking the certificate, or checked against the system's CAs.
    private var tlsConfiguration: TLSConfiguration? {
        switch sslMode {
        case .disable: return nil
        case .require:
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            return configuration
        case .verifyFull: return .makeClientConfiguration()
        }
    }

    /// The pool's configuration: at most `connections` connections.
    func clientConfiguration(connections: Int) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        switch endpoint {
        case .tcp(let host, let port):
            configuration = PostgresClient.Configuration(
                host: host, port: port, username: user, password: password, database: database,
                tls: tlsConfiguration.map { .require($0) } ?? .disable)
        case .socket(let path):
            configuration = PostgresClient.Configuration(
                unixSocketPath: path, username: user, password: password, database: database)
        }
        configuration.options.maximumConnections = connections
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// One connection's configuration (the first contact, which reports why a server cannot be reached at once).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        switch endpoint {
        case .tcp(let host, let port):
            let tls = try tlsConfiguration.map {
                PostgresConnection.Configuration.TLS.require(try NIOSSLContext(configuration: $0))
            }
            return PostgresConnection.Configuration(
                host: host, port: port, username: user, password: password, database: database, tls: tls ?? .disable)
        case .socket(let path):
            return PostgresConnection.Configuration(
                unixSocketPath: path, username: user, password: password, database: database)
        }
    }
}
