import Foundation

/// The GPUs and models the planner knows, built in and optionally extended from a user file.
///
/// Built-in data lives in `Catalog/gpus.json` and `Catalog/models.json`. A user file (`--catalog FILE`) uses the
/// same schema in one object, `{"gpus": [...], "models": [...]}`, both keys optional. Its entries replace built-in
/// entries with the same id (compared case-insensitively) and are added otherwise.
public struct Catalog: Sendable, Hashable {
    /// Known GPUs, in catalog order.
    public var gpus: [GPU]
    /// Known models, in catalog order.
    public var models: [ModelSpec]

    /// The on-disk shape shared by the built-in files and `--catalog` files.
    struct File: Codable {
        var gpus: [GPU]?
        var models: [ModelSpec]?
    }

    /// Creates a catalog from explicit lists.
    public init(gpus: [GPU], models: [ModelSpec]) {
        self.gpus = gpus
        self.models = models
    }

    /// The catalog compiled into the binary.
    /// - Throws: `ServingPlanError.invalidCatalog` if the embedded JSON is broken.
    public static func builtIn() throws -> Catalog {
        let gpus = try decode(Data(PackageResources.gpus_json), source: "built-in gpus.json")
        let models = try decode(Data(PackageResources.models_json), source: "built-in models.json")
        return Catalog(gpus: gpus.gpus ?? [], models: models.models ?? [])
    }

    /// The built-in catalog with the user file at `path` merged over it (or the built-in one alone for nil).
    /// - Throws: `ServingPlanError.unreadableCatalog` or `.invalidCatalog`.
    public static func load(userFile path: String?) throws -> Catalog {
        let catalog = try builtIn()
        guard let path else { return catalog }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ServingPlanError.unreadableCatalog(path: path, reason: error.localizedDescription)
        }
        return catalog.merging(try parse(data, source: "'\(path)'"))
    }

    /// Decodes and validates a catalog in the user-file shape.
    /// - Throws: `ServingPlanError.invalidCatalog` naming the problem.
    public static func parse(_ data: Data, source: String) throws -> Catalog {
        let file = try decode(data, source: source)
        let catalog = Catalog(gpus: file.gpus ?? [], models: file.models ?? [])
        for model in catalog.models { try model.validate(source: source) }
        for gpu in catalog.gpus where gpu.usableGiB <= 0 || gpu.memoryGiB <= 0 {
            throw ServingPlanError.invalidCatalog(source: source, reason: "GPU '\(gpu.id)': memory must be positive")
        }
        return catalog
    }

    /// This catalog with `other`'s entries replacing same-id entries and the rest appended.
    public func merging(_ other: Catalog) -> Catalog {
        Catalog(gpus: Self.merge(gpus, other.gpus, id: \.id), models: Self.merge(models, other.models, id: \.id))
    }

    private static func merge<Entry>(_ base: [Entry], _ overrides: [Entry], id: KeyPath<Entry, String>) -> [Entry] {
        var result = base
        for entry in overrides {
            if let index = result.firstIndex(where: { $0[keyPath: id].lowercased() == entry[keyPath: id].lowercased() })
            {
                result[index] = entry
            } else {
                result.append(entry)
            }
        }
        return result
    }

    private static func decode(_ data: Data, source: String) throws -> File {
        do {
            return try JSONDecoder().decode(File.self, from: data)
        } catch let error as DecodingError {
            throw ServingPlanError.invalidCatalog(source: source, reason: describe(error))
        } catch {
            throw ServingPlanError.invalidCatalog(source: source, reason: "\(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let parts = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
            return parts.isEmpty ? "top level" : parts.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "expected \(type) at \(path(context.codingPath))"
        case .valueNotFound(let type, let context):
            return "missing \(type) value at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}
