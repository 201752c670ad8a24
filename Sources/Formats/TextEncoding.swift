/// A text encoding a file can be loaded from. Everything is turned into UTF-8 before a reader sees it.
public enum TextEncoding: String, Sendable, CaseIterable, Equatable {
    case utf8
    /// UTF-16 whose byte order comes from the byte-order mark (or, without one, from where the zero bytes fall).
    case utf16
    case utf16LE
    case utf16BE
    /// Windows-1258: Latin letters plus combining tone marks.
    case windows1258
    /// TCVN3 (ABC): the 8-bit font encoding of TCVN 5712:1993 (VN3) used by the .VnTime fonts.
    case tcvn3
    /// VNI (Windows): base letter followed by a diacritic byte, for the VNI fonts.
    case vni
    /// VISCII (RFC 1456).
    case viscii

    /// The single-byte Vietnamese encodings tried, in this order, on a file that is not UTF-8.
    public static let legacyCandidates: [TextEncoding] = [.windows1258, .tcvn3, .vni, .viscii]

    /// The name the load report and errors use.
    public var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16: return "UTF-16"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .windows1258: return "Windows-1258"
        case .tcvn3: return "TCVN3 (ABC)"
        case .vni: return "VNI"
        case .viscii: return "VISCII"
        }
    }

    /// The word to write after `encoding=` to choose this encoding.
    public var optionName: String {
        switch self {
        case .utf8: return "utf-8"
        case .utf16: return "utf-16"
        case .utf16LE: return "utf-16le"
        case .utf16BE: return "utf-16be"
        case .windows1258: return "cp1258"
        case .tcvn3: return "tcvn3"
        case .vni: return "vni"
        case .viscii: return "viscii"
        }
    }

    /// The encoding a user's word names, read loosely: case, `-`, `_`, spaces and dots do not matter, and the
    /// usual aliases are accepted (`windows-1258`, `CP1258`, `abc`, `tcvn`, `tcvn5712`, `utf16`, `unicode`, …).
    /// Returns nil for a name that is none of them.
    public init?(named name: String) {
        let key = String(name.lowercased().unicodeScalars.filter { !"-_ .".unicodeScalars.contains($0) })
        switch key {
        case "utf8", "utf", "unicode8": self = .utf8
        case "utf16", "unicode", "unicodetext", "ucs2": self = .utf16
        case "utf16le", "ucs2le": self = .utf16LE
        case "utf16be", "ucs2be": self = .utf16BE
        case "cp1258", "windows1258", "win1258", "1258", "ms1258", "cp1258vietnamese": self = .windows1258
        case "tcvn3", "tcvn", "abc", "vn3", "vscii3", "tcvn57123", "tcvn5712", "tcvn57121993", "vntime": self = .tcvn3
        case "vni", "vniwindows", "vniwin": self = .vni
        case "viscii", "viscii11", "csviscii": self = .viscii
        default: return nil
        }
    }

    /// The name glibc's iconv knows it by, or nil where solieu decodes it with its own table (TCVN3, VNI).
    var iconvName: String? {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16: return "UTF-16"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .windows1258: return "CP1258"
        case .viscii: return "VISCII"
        case .tcvn3, .vni: return nil
        }
    }
}

extension TextEncoding {
    /// The encoding `encoding=NAME` asks for.
    /// - Throws: `LoadError` for a name that is none of them, listing the known names nearest first.
    static func requested(_ name: String, file: String) throws -> TextEncoding {
        if let encoding = TextEncoding(named: name) { return encoding }
        let known = TextEncodingNames.nearestFirst(to: name).joined(separator: ", ")
        throw LoadError(file: file, reason: "unknown encoding '\(name)'; solieu reads \(known)",
                        hint: "e.g. load \(file) encoding=cp1258 (Windows-1258), tcvn3 (TCVN3/ABC), vni, viscii or utf-16",
                        vi: "không biết bảng mã '\(name)'; solieu đọc được \(known)",
                        hintVi: "ví dụ load \(file) encoding=cp1258 (Windows-1258), tcvn3 (TCVN3/ABC), vni, viscii hoặc utf-16")
    }
}

extension TextEncodingNames {
    /// The known names, the one most like `name` first (fewest letters to change; ties keep the usual order).
    public static func nearestFirst(to name: String) -> [String] {
        let typed = Array(name.lowercased())
        return known.enumerated().sorted { a, b in
            let da = editDistance(typed, Array(a.element)), db = editDistance(typed, Array(b.element))
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
    }

    /// Levenshtein distance (insertions, deletions and substitutions each cost 1).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
