import Foundation
import Remote

/// A `postgresql://USER@HOST:PORT/DB?…` address, split only as far as solieu needs: what may be shown, and
/// the password (if the address carries one) so that it can be kept out of every message.
///
/// libpq itself parses the address when it connects (so every parameter it knows is passed through);
/// this type never rebuilds the address from its parts.
struct PostgresAddress {
    /// The address exactly as typed, handed to libpq.
    let text: String
    /// `postgresql://USER@HOST:PORT/DB`: no password, no query parameters (one of them may be `password=`).
    let displayName: String
    /// The password written in the address (user-info or `password=` parameter), percent-decoded; nil if none.
    let password: String?

    static let schemes = ["postgresql://", "postgres://"]

    /// - Throws: `RemoteError` (`.connect`) when the text is not a PostgreSQL address.
    init(_ text: String) throws {
        guard let scheme = Self.schemes.first(where: { text.lowercased().hasPrefix($0) }) else {
            throw RemoteError(.connect,
                english: "'\(Self.firstWord(of: text))' is not a PostgreSQL address: it starts with postgresql:// "
                    + "(for example postgresql://an@127.0.0.1:5432/solieu).",
                vietnamese: "'\(Self.firstWord(of: text))' không phải địa chỉ PostgreSQL: địa chỉ bắt đầu bằng postgresql:// "
                    + "(ví dụ postgresql://an@127.0.0.1:5432/solieu).")
        }
        self.text = text
        var rest = Substring(text.dropFirst(scheme.count))
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        // The user-info ends at the last '@' before the path: a password may itself hold '@' (percent-encoded
        // or not), a host never does.
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let path = rest[authorityEnd...]
        var user: Substring?
        var hosts = authority
        var password: String?
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hosts = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = userInfo[..<colon]
                password = String(userInfo[userInfo.index(after: colon)...]).removingPercentEncoding
            } else {
                user = userInfo
            }
        }
        for parameter in query.split(separator: "&") {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0] == "password" { password = String(pair[1]).removingPercentEncoding }
        }
        self.password = password.flatMap { $0.isEmpty ? nil : $0 }
        displayName = "postgresql://" + (user.map { $0 + "@" } ?? "") + hosts + path
    }

    /// `message` with the address's password (if any) replaced by `***`: libpq's messages never quote it,
    /// but an address it cannot parse may come back in one.
    func scrubbed(_ message: String) -> String {
        guard let password, password.count >= 4 else { return message }
        return message.replacingOccurrences(of: password, with: "***")
    }

    private static func firstWord(of text: String) -> String {
        let word = text.split(separator: " ").first.map(String.init) ?? text
        // Whatever was typed is shown, but never what follows a ':' after '//' (a password, perhaps).
        if let slashes = word.range(of: "//"), let at = word.range(of: "@", range: slashes.upperBound..<word.endIndex) {
            return String(word[..<slashes.upperBound]) + "…" + String(word[at.lowerBound...])
        }
        return word
    }
}
