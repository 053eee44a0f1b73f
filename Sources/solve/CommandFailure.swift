import ArgumentParser
import Foundation

/// A failure the user can fix, printed as `error: …` with exit code 2.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension CommandFailure {
    /// Prints `error: message` to stderr and returns exit code 2 (the command could not run).
    static func exit(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(2)
    }

    /// Runs a command's work, the one place errors become exit codes: `ExitCode` and `ValidationError` pass through
    /// (the latter to ArgumentParser's usage message, exit code 64), a cancellation is exit code 130, and any other
    /// error is printed as `error: …` with exit code 2.
    static func funnel<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as ValidationError {
            throw error
        } catch is CancellationError {
            throw ExitCode(130)
        } catch {
            throw Self.exit("\(error)")
        }
    }
}
