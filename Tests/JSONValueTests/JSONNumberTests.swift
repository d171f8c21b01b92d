@testable import JSONValue
import Testing

@Suite struct JSONNumberTests {
    /// ECMAScript Number::toString samples (RFC 8785, appendix B, and ES6 conformance values).
    @Test(arguments: [
        ("0", "0"), ("-0", "0"), ("-0.0e5", "0"),
        ("1.0", "1"), ("1e2", "100"), ("4.50", "4.5"), ("2e-3", "0.002"),
        ("0.000001", "0.000001"), ("1e-7", "1e-7"), ("1E-7", "1e-7"), ("0.0000001234", "1.234e-7"),
        ("1e20", "100000000000000000000"), ("1e21", "1e+21"), ("1E30", "1e+30"),
        ("333333333.33333329", "333333333.3333333"),
        ("0.000000000000000000000000001", "1e-27"),
        ("4.940656458412465e-324", "5e-324"),
        ("1.7976931348623157e308", "1.7976931348623157e+308"),
        ("-1.7976931348623157e308", "-1.7976931348623157e+308"),
        ("295147905179352825856", "295147905179352830000"),
        ("9.999999999999997e22", "9.999999999999997e+22"),
        ("999999999999999700000", "999999999999999700000"),
        ("12345678901234567890", "12345678901234567000"),
        ("123.456", "123.456"), ("-0.5", "-0.5"),
        // Integers that fit Int64 stay exact past 2^53 (documented deviation).
        ("9007199254740993", "9007199254740993"), ("9223372036854775807", "9223372036854775807"),
        ("-9223372036854775808", "-9223372036854775808"),
        // Beyond a double: exact, in the same layout.
        ("1e400", "1e+400"), ("-12.50E399", "-1.25e+400"),
    ])
    func canonicalLiteral(literal: String, canonical: String) throws {
        let number = try #require(JSONNumber(literal: literal))
        #expect(number.canonicalLiteral == canonical)
    }

    @Test func validatesLiterals() {
        for bad in ["", "-", "01", "1.", ".5", "1e", "+1", "0x10", "1 ", "NaN", "--1"] {
            #expect(JSONNumber(literal: bad) == nil, "\(bad)")
        }
        #expect(JSONNumber(literal: "-0.5e+10")?.literal == "-0.5e+10")
    }

    @Test func storesInt64Exactly() {
        #expect(JSONNumber(literal: "9223372036854775807")?.int64Value == .max)
        #expect(JSONNumber(literal: "2.0")?.int64Value == 2)
        #expect(JSONNumber(literal: "1e400")?.int64Value == nil)
        #expect(JSONNumber(literal: "0.5")?.int64Value == nil)
        #expect(JSONNumber(literal: "1e400")?.doubleValue == .infinity)
    }

    @Test func doublesUseTheShortestForm() {
        #expect(JSONNumber(0.1).literal == "0.1")
        #expect(JSONNumber(1.0).literal == "1")
        #expect(JSONNumber(1e-7).literal == "1e-7")
        #expect(JSONNumber(1e300).literal == "1e+300")
        #expect(JSONNumber(exactly: .nan) == nil)
        #expect(JSONNumber(exactly: .infinity) == nil)
        #expect(JSONNumber(-0.0).literal == "-0")
    }

    @Test func equalityIsByValue() throws {
        func n(_ text: String) throws -> JSONNumber { try #require(JSONNumber(literal: text)) }
        #expect(try n("1") == n("1.0"))
        #expect(try n("1") == n("1e0"))
        #expect(try n("100") == n("1E2"))
        #expect(try n("0") == n("-0"))
        #expect(try n("0.1") == n("0.10"))
        #expect(try n("1") != n("1.5"))
        #expect(try n("1e400") == n("10E399"))
        #expect(try n("1e400") != n("2e400"))
        #expect(try n("9007199254740993") != n("9007199254740992"))
        // Past 2^53 a fraction rounds to the double of a different integer: not equal.
        #expect(try n("9007199254740993") != n("9007199254740993.0"))
        #expect(try n("9007199254740992") == n("9007199254740992.0"))
    }

    @Test func equalityMatchesCanonicalForm() throws {
        let literals = [
            "1", "1.0", "1e0", "-0", "0", "0.1", "0.10", "9007199254740993", "9007199254740993.0",
            "9007199254740992", "1e400", "10e399", "2e400", "12345678901234567890", "12345678901234567891",
        ]
        let numbers = try literals.map { try #require(JSONNumber(literal: $0)) }
        for a in numbers {
            for b in numbers {
                #expect((a == b) == (a.canonicalLiteral == b.canonicalLiteral), "\(a) vs \(b)")
                if a == b { #expect(a.hashValue == b.hashValue, "\(a) vs \(b)") }
            }
        }
    }

    @Test func ordersByValue() throws {
        #expect(JSONNumber(1) < JSONNumber(2))
        #expect(try #require(JSONNumber(literal: "1.5")) < JSONNumber(2))
        #expect(!(JSONNumber(2) < JSONNumber(2)))
    }
}
