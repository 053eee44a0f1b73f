import Testing

@testable import ProblemFormat

@Suite struct LimitsParsingTests {
    static let durations: [(String, Int)] = [
        ("1s", 1000), ("2s", 2000), ("1.5s", 1500), ("500ms", 500), ("2 s", 2000), ("0.5 sec", 500),
        ("3 seconds", 3000), ("1 second", 1000), ("250 msec", 250), ("60s", 60_000), ("1.5S", 1500),
        ("2", 2000), ("0.25", 250), (" 1s ", 1000), (".5s", 500), ("0s", 0), ("1.0004s", 1000),
    ]

    @Test(arguments: durations)
    func validDurations(text: String, milliseconds: Int) {
        #expect(Limits.milliseconds(fromDuration: text) == milliseconds)
    }

    @Test(arguments: [
        "1 parsec", "", "s", "ms", "1.2.3s", "-1s", "+1s", "1e3ms", "1 s s", "fast", "1,5s", "1h", "1min",
        "١s", "1 s.", "99999999999999999999s",
    ])
    func invalidDurations(text: String) {
        #expect(Limits.milliseconds(fromDuration: text) == nil)
    }

    static let memorySizes: [(String, Int)] = [
        ("256MiB", 256 << 20), ("64 MiB", 64 << 20), ("1GiB", 1 << 30), ("512MB", 512 << 20), ("1024KiB", 1 << 20),
        ("2GB", 2 << 30), ("1.5GiB", 3 << 29), ("256", 256 << 20), ("128m", 128 << 20), ("1 gib", 1 << 30),
        ("2048 kb", 2 << 20), ("64G", 64 << 30),
    ]

    @Test(arguments: memorySizes)
    func validMemorySizes(text: String, bytes: Int) {
        #expect(Limits.bytes(fromMemorySize: text) == bytes)
    }

    @Test(arguments: ["lots", "256 MiBs", "MiB", "-1MiB", "1TB", "256 Mbit", "", "1.5.1GiB", "256 MiB RAM"])
    func invalidMemorySizes(text: String) {
        #expect(Limits.bytes(fromMemorySize: text) == nil)
    }

    @Test func rangesMatchTheFormat() {
        #expect(Limits.maximumTimeMilliseconds == 60_000)
        #expect(Limits.memoryBytesRange.lowerBound == 1 << 20)
        #expect(Limits.memoryBytesRange.upperBound == 64 << 30)
    }
}
