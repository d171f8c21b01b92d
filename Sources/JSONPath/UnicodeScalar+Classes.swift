/// Character classes for the expression scanners, with an ASCII fast path.
///
/// `Unicode.Scalar.Properties` looks every scalar up in the Unicode tables; paths and
/// intrinsic calls are almost always ASCII and are scanned thousands of times per
/// validation run, so the common case answers without a table lookup.
extension Unicode.Scalar {
    package var isExpressionWhitespace: Bool {
        if value < 0x80 { return self == " " || self == "\t" || self == "\n" || self == "\r" || value == 0x0B || value == 0x0C }
        return properties.isWhitespace
    }

    package var isExpressionAlphabetic: Bool {
        if value < 0x80 { return (self >= "a" && self <= "z") || (self >= "A" && self <= "Z") }
        return properties.isAlphabetic
    }
}

/// Builds a `String` from scanned scalars; ASCII runs are copied as bytes.
package func makeString(_ scalars: some Collection<Unicode.Scalar>) -> String {
    if scalars.allSatisfy({ $0.value < 0x80 }) {
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            var i = 0
            for scalar in scalars {
                buffer[i] = UInt8(truncatingIfNeeded: scalar.value)
                i += 1
            }
            return i
        }
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
}
