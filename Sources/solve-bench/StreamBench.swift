import Foundation
import ModelClient

/// `solve-bench stream [MB]`: how fast a chat stream is parsed (SSE, the chunks' JSON, the text per choice), for the
/// two extreme shapes of a stream: all the text in one event, and one byte of text per event. The bytes are fed in
/// 16 KiB pieces, the size libcurl hands over, and cut wherever that falls (inside lines, escapes and characters).
enum StreamBench {
    /// A delta as vLLM sends it, with one character of text.
    static let deltaPrefix =
        #"data: {"id":"chatcmpl-9f2c4e1a7b3d4c8e","object":"chat.completion.chunk","created":1718000000,"#
        + #""model":"deepseek-ai/DeepSeek-R1-Distill-Qwen-7B","choices":[{"index":0,"delta":{"content":""#
    static let deltaSuffix = #""},"logprobs":null,"finish_reason":null}]}"# + "\n\n"
    static let finish =
        #"data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"#
        + #""completion_tokens":1,"total_tokens":2}}"# + "\n\ndata: [DONE]\n\n"

    static func run(megabytes: Int) {
        let size = megabytes * 1_000_000
        print("chat stream parsing (SSE + chunk JSON + text), \(megabytes) MB fed in 16 KiB pieces, best of 3:")
        let (huge, text) = oneEvent(textBytes: size)
        report("one event holding all the text", stream: huge, textBytes: text, events: 2)
        let (tiny, count) = oneByteDeltas(streamBytes: size)
        report("one byte of text per event", stream: tiny, textBytes: count, events: count + 2)
        print("  target ≥ 50 MB/s for both")
    }

    /// A program's text with the escapes JSON needs (newlines, quotes, backslashes, a tab), over and over, as one
    /// event of about `textBytes` bytes; returns the stream and its exact text size.
    static func oneEvent(textBytes: Int) -> (Data, Int) {
        let line = #"    printf(\"%d\\n\", a[i]);\t// é ✓\n"#  // 40 bytes of text as JSON
        let decodedLineBytes = "    printf(\"%d\\n\", a[i]);\t// é ✓\n".utf8.count
        var stream = Data(#"data: {"choices":[{"index":0,"delta":{"content":""#.utf8)
        let lineData = Data(line.utf8)
        let lines = textBytes / decodedLineBytes
        for _ in 0..<lines { stream.append(lineData) }
        stream.append(Data((#""}}]}"# + "\n\n").utf8))
        stream.append(Data(finish.utf8))
        return (stream, lines * decodedLineBytes)
    }

    /// Deltas of one character each, cycling through ASCII letters, until the stream holds `streamBytes`.
    static func oneByteDeltas(streamBytes: Int) -> (Data, Int) {
        var stream = Data()
        stream.reserveCapacity(streamBytes + 4096)
        let prefix = Data(deltaPrefix.utf8)
        let suffix = Data(deltaSuffix.utf8)
        var count = 0
        while stream.count < streamBytes {
            stream.append(prefix)
            stream.append(UInt8(ascii: "a") + UInt8(count % 26))
            stream.append(suffix)
            count += 1
        }
        stream.append(Data(finish.utf8))
        return (stream, count)
    }

    static func report(_ label: String, stream: Data, textBytes: Int, events: Int) {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = ContinuousClock.now
            var accumulator = ChatStreamAccumulator(endpoint: "bench", answerLimit: textBytes + (1 << 20))
            var offset = 0
            while offset < stream.count {
                let end = min(offset + 16_384, stream.count)
                _ = accumulator.feed(stream.subdata(in: offset..<end))
                offset = end
            }
            let choices: [ChatChoice]
            do {
                choices = try accumulator.finish()
            } catch {
                print("  \(label): the stream failed: \(error)")
                return
            }
            let elapsed = start.duration(to: .now)
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            guard choices.first?.answer.utf8.count == textBytes, choices.first?.finishReason == "stop" else {
                print("  \(label): parsed \(choices.first?.answer.utf8.count ?? 0) of \(textBytes) bytes of text")
                return
            }
        }
        let megabytes = Double(stream.count) / 1e6
        var figures = String(format: "%6.1f MB in %6.3f s: %7.1f MB/s", megabytes, best, megabytes / best)
        if events > 2 { figures += String(format: ", %.0f events/s", Double(events) / best) }
        print("  " + label.padding(toLength: 32, withPad: " ", startingAt: 0) + figures)
    }
}
