#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one process environment variable. Only the command layer reads the environment
/// (colour, CI detection); rendering never does, so a commit renders the same bytes anywhere.
func getenvString(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}
