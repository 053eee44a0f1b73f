// The templates of this folder compiled into `solve`: the fallback when no Prompts/ folder is found at run time
// (a copied binary, another working directory). Editing a template here changes the next build's fallback too.

/// The prompt templates as they were when `solve` was built, by name (`system`, `feedback`, …).
public enum BuiltinPrompts {
    public static let templates: [String: String] = [
        "system": String(decoding: PackageResources.system_mustache, as: UTF8.self),
        "attempt-reasoning": String(decoding: PackageResources.attempt_reasoning_mustache, as: UTF8.self),
        "attempt-code": String(decoding: PackageResources.attempt_code_mustache, as: UTF8.self),
        "feedback": String(decoding: PackageResources.feedback_mustache, as: UTF8.self),
        "generator": String(decoding: PackageResources.generator_mustache, as: UTF8.self),
    ]
}
