import GRDB

/// Where a stored attempt stands (the `status` column, stored as its raw value).
public enum AttemptStatus: String, Sendable, Hashable, CaseIterable, Codable, DatabaseValueConvertible {
    /// Its sample is still under way.
    case pending
    /// Part of a finished sample: it counts.
    case final
    /// Its sample could not finish and is run again: kept, never counted.
    case abandoned
}
