/// `1 row`, `3 rows`: a count with its English noun in the right number. Vietnamese nouns do not change
/// (`1 dòng`, `3 dòng`), so only English messages need it.
public func englishCount(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
