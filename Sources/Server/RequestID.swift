import Synchronization

/// The `x-amzn-RequestId` of one response: UUID-shaped as AWS's
/// (`6f1d2c3b-9a8e-4d7c-b6a5-000000000001`), unique within the process and across restarts.
///
/// Not `UUID()`: that reads the system's random source and formats through Foundation on every
/// request, a few microseconds on a path that should cost less than a hundred. Here the first
/// 64 bits are random once per process and the last 64 a counter that starts at a random
/// value, as Hummingbird numbers its own requests: IDs never repeat while the process runs,
/// and two processes share a prefix with a chance of one in 2^64.
struct RequestID: CustomStringConvertible, Sendable {
    let high: UInt64
    let low: UInt64

    /// The next ID of this process.
    init() {
        high = Self.processPrefix
        low = Self.counter.wrappingAdd(1, ordering: .relaxed).oldValue
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Lower-case hex in the 8-4-4-4-12 layout, written into one allocation.
    var description: String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            var position = 0
            func put(_ value: UInt64, digits: Int) {
                for index in stride(from: digits - 1, through: 0, by: -1) {
                    buffer[position] = Self.hexDigits[Int((value >> UInt64(index * 4)) & 0xF)]
                    position += 1
                }
            }
            func dash() {
                buffer[position] = UInt8(ascii: "-")
                position += 1
            }
            put(high >> 32, digits: 8)
            dash()
            put(high >> 16, digits: 4)
            dash()
            put(high, digits: 4)
            dash()
            put(low >> 48, digits: 4)
            dash()
            put(low, digits: 12)
            return position
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let processPrefix = UInt64.random(in: .min ... .max)
    private static let counter = Atomic<UInt64>(UInt64.random(in: .min ... .max))
}
