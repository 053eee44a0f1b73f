import Foundation

/// Loads problems in either on-disk format: a Markdown file or a Kattis / ICPC package folder.
public enum ProblemLoader {
    /// Loads one problem: a `.md` file, or a folder holding `problem.yaml`, `problem_statement/` or `data/`.
    ///
    /// - Throws: ``ProblemFormatError``; ``ProblemFormatError/unrecognized(path:)`` for anything else.
    public static func load(_ url: URL) throws -> Problem {
        let url = url.absoluteURL.standardized
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ProblemFormatError.notFound(path: url.path)
        }
        if KattisPackage.isPackage(url) { return try KattisPackage.load(url) }
        if url.pathExtension.lowercased() == "md" && !TestFiles.isFolder(url) { return try MarkdownProblem.load(url) }
        throw ProblemFormatError.unrecognized(path: url.path)
    }

    /// Loads every problem directly inside `directory`: each `*.md` file (but `README.md`) and each package folder,
    /// sorted by slug.
    ///
    /// A folder `X/` next to `X.md` holds that Markdown problem's tests and is not a package; other folders that
    /// are not packages are skipped.
    /// - Throws: The problem's error when one fails to load, ``ProblemFormatError/several(_:)`` when more do.
    public static func loadSet(_ directory: URL) throws -> [Problem] {
        let directory = directory.absoluteURL.standardized
        guard TestFiles.isFolder(directory) else { throw ProblemFormatError.notFound(path: directory.path) }
        let (files, folders) = try TestFiles.entries(of: directory, root: directory)
        let markdown = files.filter {
            $0.pathExtension.lowercased() == "md" && $0.lastPathComponent.lowercased() != "readme.md"
        }
        let stems = Set(markdown.map { $0.deletingPathExtension().lastPathComponent })
        let packages = folders.filter { !stems.contains($0.lastPathComponent) && KattisPackage.isPackage($0) }

        var problems: [Problem] = []
        var errors: [(slug: String, error: ProblemFormatError)] = []
        for url in markdown + packages {
            do {
                problems.append(try load(url))
            } catch let error as ProblemFormatError {
                errors.append((url.deletingPathExtension().lastPathComponent, error))
            }
        }
        errors.sort { naturallyOrdered($0.slug, before: $1.slug) }
        switch errors.count {
        case 0: return problems.sorted { naturallyOrdered($0.slug, before: $1.slug) }
        case 1: throw errors[0].error
        default: throw ProblemFormatError.several(errors.map(\.error))
        }
    }
}
