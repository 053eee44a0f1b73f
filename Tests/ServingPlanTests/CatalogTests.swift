import Foundation
import Testing

@testable import ServingPlan

@Suite struct CatalogTests {
    @Test(arguments: [
        "RTX 3090", "RTX 4070", "RTX 4080", "RTX 4090", "RTX 4090D", "RTX 5090", "A10", "A4000", "T4", "L40S",
        "RTX 6000 Ada", "A100 40GB", "A100 80GB", "H100", "H200",
    ])
    func builtInCatalogHasEveryRequiredGPU(name: String) throws {
        let gpu = try TestCatalog.gpu(name)
        #expect(gpu.usableGiB > 10 && gpu.usableGiB <= gpu.memoryGiB)
        #expect(gpu.bandwidthGBps > 0)
    }

    @Test(arguments: [
        "r1-1.5b", "r1-7b", "r1-14b", "r1-32b", "coder-1.5b", "coder-7b", "coder-14b", "coder-32b", "qwen2.5-3b",
        "qwen2.5-7b", "qwen3-4b", "gemma-2-9b", "gemma-2-27b", "llama-3-8b", "llama-3-70b", "phi-3.5-mini",
        "deepseek-coder-v2-lite", "deepseek-v2-lite",
    ])
    func builtInCatalogHasEveryRequiredModel(alias: String) throws {
        let model = try TestCatalog.model(alias)
        #expect(model.id.contains("/"))
        try model.validate(source: "test")
    }

    @Test func noNameSelectsTwoEntries() throws {
        let catalog = try Catalog.builtIn()
        func clashes(_ entries: [(id: String, names: [String])], _ normalize: (String) -> String) -> [String] {
            var owners: [String: Set<String>] = [:]
            for entry in entries {
                for name in entry.names { owners[normalize(name), default: []].insert(entry.id) }
            }
            return owners.filter { $0.value.count > 1 }.map(\.key).sorted()
        }
        let models = catalog.models.map { ($0.id, [$0.id, $0.shortName] + $0.aliases) }
        #expect(clashes(models, Catalog.normalizedModel).isEmpty)
        let gpus = catalog.gpus.map { ($0.id, [$0.id, $0.name] + $0.aliases) }
        #expect(clashes(gpus, Catalog.normalizedGPU).isEmpty)
        #expect(Set(catalog.models.map(\.id)).count == catalog.models.count)
    }

    @Test(arguments: ["RTX 4090", "rtx-4090", "4090", "NVIDIA GeForce RTX 4090", "rtx4090"])
    func gpuNamesAreLoose(name: String) throws {
        #expect(try TestCatalog.gpu(name).id == "rtx-4090")
    }

    @Test func gpuNamesDoNotConfuseVariants() throws {
        #expect(try TestCatalog.gpu("4090D").id == "rtx-4090d")
        #expect(try TestCatalog.gpu("A100 40GB").id == "a100-40gb")
        #expect(try TestCatalog.gpu("a10").id == "a10")
    }

    @Test(arguments: ["Qwen/Qwen2.5-7B-Instruct", "qwen2.5-7b-instruct", "Qwen2.5-7B-Instruct", "qwen2.5-7b"])
    func modelNamesAcceptIdShortNameAndAlias(name: String) throws {
        #expect(try TestCatalog.model(name).id == "Qwen/Qwen2.5-7B-Instruct")
    }

    @Test func userCatalogAddsAndReplacesEntries() throws {
        let file = try TestCatalog.temporaryFile(
            """
            {
              "gpus": [{"id": "lab-card", "name": "Lab Card", "memory_gib": 20, "usable_gib": 18,
                        "bandwidth_gbps": 500, "compute_capability": "8.6"}],
              "models": [{"id": "Qwen/Qwen2.5-7B-Instruct", "aliases": ["qwen2.5-7b"], "parameters": 7615616512,
                          "layers": 14, "hidden_size": 3584, "intermediate_size": 18944, "attention_heads": 28,
                          "kv_heads": 4, "head_dim": 128, "vocab_size": 152064, "max_position_embeddings": 32768},
                         {"id": "acme/Tiny-1B", "parameters": 1000000000, "layers": 16, "hidden_size": 2048,
                          "intermediate_size": 8192, "attention_heads": 16, "kv_heads": 8, "head_dim": 128,
                          "vocab_size": 32000, "max_position_embeddings": 4096,
                          "checkpoints": {"awq": "acme/Tiny-1B-AWQ"}}]
            }
            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let builtIn = try Catalog.builtIn()
        let merged = try Catalog.load(userFile: file.path)
        #expect(merged.gpus.count == builtIn.gpus.count + 1)
        #expect(merged.models.count == builtIn.models.count + 1)
        #expect(try merged.gpu(named: "Lab Card").usableGiB == 18)
        #expect(try merged.model(named: "qwen2.5-7b").layers == 14)  // replaced, not duplicated
        #expect(try merged.model(named: "Tiny-1B").checkpoints["awq"] == "acme/Tiny-1B-AWQ")

        let request = PlanRequest(gpuName: "lab-card", modelNames: ["acme/Tiny-1B"], catalogPath: file.path)
        let plan = try #require(try ServingPlanner.plan(request).models.first)
        #expect(plan.single.kvBytesPerToken == 2 * 16 * 8 * 128 * 2)
        #expect(plan.gpu.name == "Lab Card")
    }

    @Test func brokenUserCatalogsAreTypedErrors() throws {
        let missingKey = try TestCatalog.temporaryFile(#"{"models": [{"id": "x/y", "parameters": 1}]}"#)
        defer { try? FileManager.default.removeItem(at: missingKey) }
        #expect {
            try Catalog.load(userFile: missingKey.path)
        } throws: { error in
            guard case .invalidCatalog(_, let reason) = error as? ServingPlanError else { return false }
            return reason.contains("missing key 'layers'") && reason.contains("models[0]")
        }

        let zeroLayers = try TestCatalog.temporaryFile(
            #"{"models": [{"id": "x/y", "parameters": 1, "layers": 0, "hidden_size": 1, "intermediate_size": 1,"#
                + #" "attention_heads": 1, "kv_heads": 1, "head_dim": 1, "vocab_size": 1,"#
                + #" "max_position_embeddings": 1}]}"#)
        defer { try? FileManager.default.removeItem(at: zeroLayers) }
        #expect(
            throws: ServingPlanError.invalidCatalog(
                source: "'\(zeroLayers.path)'", reason: "model 'x/y': layers must be positive")
        ) {
            try Catalog.load(userFile: zeroLayers.path)
        }

        #expect {
            try Catalog.load(userFile: "/nonexistent/catalog.json")
        } throws: { error in
            guard case .unreadableCatalog(let path, _) = error as? ServingPlanError else { return false }
            return path == "/nonexistent/catalog.json"
        }
    }

    @Test func notJSONIsAnInvalidCatalog() throws {
        #expect {
            try Catalog.parse(Data("gpus: []".utf8), source: "inline")
        } throws: { error in
            guard case .invalidCatalog(let source, _) = error as? ServingPlanError else { return false }
            return source == "inline"
        }
    }
}
