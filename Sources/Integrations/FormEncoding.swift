import Foundation
import JSONValue

/// `application/x-www-form-urlencoded` from JSON, as the HTTP task's `URL_ENCODED` body
/// and query parameters need it: nested objects as `a[b]=c`, arrays by `ArrayFormat`.
///
///     {"tags": ["x", "y"], "user": {"id": 7}} with INDICES → tags[0]=x&tags[1]=y&user[id]=7
enum FormEncoding {
    enum ArrayFormat: String {
        /// `a[0]=x&a[1]=y`
        case indices = "INDICES"
        /// `a=x&a=y`
        case `repeat` = "REPEAT"
        /// `a=x,y`
        case commas = "COMMAS"
        /// `a[]=x&a[]=y`
        case brackets = "BRACKETS"
    }

    static func encode(_ object: JSONObject, arrays: ArrayFormat) -> String {
        var pairs: [(String, String)] = []
        for (key, value) in object { append(key, value, arrays, &pairs) }
        return pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    private static func append(_ key: String, _ value: JSON, _ arrays: ArrayFormat, _ pairs: inout [(String, String)]) {
        switch value {
        case .object(let object):
            for (name, inner) in object { append("\(key)[\(name)]", inner, arrays, &pairs) }
        case .array(let items):
            switch arrays {
            case .indices: for (i, item) in items.enumerated() { append("\(key)[\(i)]", item, arrays, &pairs) }
            case .repeat: for item in items { append(key, item, arrays, &pairs) }
            case .brackets: for item in items { append("\(key)[]", item, arrays, &pairs) }
            case .commas: pairs.append((key, items.map(scalar).joined(separator: ",")))
            }
        default:
            pairs.append((key, scalar(value)))
        }
    }

    private static func scalar(_ value: JSON) -> String {
        switch value {
        case .string(let s): s
        case .null: ""
        default: value.serialized(.compact)
        }
    }

    /// RFC 3986 unreserved characters stay; everything else is percent-encoded.
    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? text
    }
}
