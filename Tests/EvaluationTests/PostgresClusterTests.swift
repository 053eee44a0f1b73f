import Foundation
import TestSupport
import Testing

/// The throwaway PostgreSQL cluster the PostgreSQL store's tests will run against.
@Suite("PostgresCluster", .serialized)
struct PostgresClusterTests {
    /// PostgreSQL's binaries when installed; CI sets SOLVE_REQUIRE_POSTGRES=1 so that missing ones fail instead of
    /// skipping.
    static let installation = PostgresInstallation.find()
    static let required = ProcessInfo.processInfo.environment["SOLVE_REQUIRE_POSTGRES"] == "1"

    @Test(
        "a throwaway cluster starts on a free loopback port, answers psql, and leaves nothing behind when stopped",
        .enabled(
            if: installation != nil || required,
            "needs PostgreSQL's binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)"))
    func startQueryStop() async throws {
        let installation = try #require(
            Self.installation, "SOLVE_REQUIRE_POSTGRES=1 and no PostgreSQL binaries under /usr/lib/postgresql/*/bin")
        let started = Date()
        let cluster = try await PostgresCluster.start(installation: installation)
        let startSeconds = Date().timeIntervalSince(started)
        defer { try? cluster.stop() }
        #expect(cluster.url == "postgres://postgres@127.0.0.1:\(cluster.port)/postgres")
        #expect(!PostgresCluster.isFree(port: cluster.port))

        #expect(try cluster.psql("SELECT 1") == "1")
        _ = try cluster.psql("CREATE TABLE samples (id integer PRIMARY KEY, verdict text NOT NULL)")
        _ = try cluster.psql("INSERT INTO samples VALUES (1, 'AC'), (2, 'WA'), (3, 'AC')")
        #expect(try cluster.psql("SELECT count(*) FROM samples WHERE verdict = 'AC'") == "2")
        // Only on loopback, with the Unix socket in the cluster's own folder.
        #expect(try cluster.psql("SHOW listen_addresses") == "127.0.0.1")
        #expect(try cluster.psql("SHOW unix_socket_directories") == cluster.directory.path)
        #expect(try cluster.psql("SHOW data_directory") == cluster.dataDirectory.path)
        if geteuid() == 0 {
            // As root the server runs as an unprivileged user: its data folder is not root's.
            let owner = try FileManager.default.attributesOfItem(atPath: cluster.dataDirectory.path)[.ownerAccountID]
            #expect((owner as? NSNumber)?.intValue != 0)
        }

        let stopping = Date()
        try cluster.stop()
        let stopSeconds = Date().timeIntervalSince(stopping)
        #expect(!FileManager.default.fileExists(atPath: cluster.directory.path))
        #expect(PostgresCluster.isFree(port: cluster.port))
        #expect(throws: PostgresClusterError.self) { try cluster.psql("SELECT 1") }
        try cluster.stop()  // a second stop does nothing
        print(
            "PostgreSQL \(installation.version) cluster: started in "
                + "\(String(format: "%.2f", startSeconds)) s, stopped in \(String(format: "%.2f", stopSeconds)) s")
    }

    @Test(
        "a server that cannot start is a clear error with the end of its log, and leaves no folder behind",
        .enabled(
            if: installation != nil || required,
            "needs PostgreSQL's binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)"))
    func failedStartIsAClearError() async throws {
        let installation = try #require(
            Self.installation, "SOLVE_REQUIRE_POSTGRES=1 and no PostgreSQL binaries under /usr/lib/postgresql/*/bin")
        let before = Set(Self.clusterFolders())
        let error = await #expect(throws: PostgresClusterError.self) {
            try await PostgresCluster.start(installation: installation, settings: ["shared_buffers": "lots"])
        }
        #expect(error?.description.contains("shared_buffers") == true, "\(error?.description ?? "")")
        #expect(Set(Self.clusterFolders()).isSubset(of: before))
    }

    /// The cluster folders in /tmp and the temporary directory.
    static func clusterFolders() -> [String] {
        ["/tmp", FileManager.default.temporaryDirectory.path].flatMap { base in
            ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
                .filter { $0.hasPrefix("solve-pg-") }.map { base + "/" + $0 }
        }
    }
}
