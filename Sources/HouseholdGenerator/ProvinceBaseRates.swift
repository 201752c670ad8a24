// SYNTHETIC DATA GENERATOR — the households it writes are invented, for benchmarks and tests only.
// This file holds the only real numbers the generator uses: one published poverty rate per province.

/// One of the 63 provinces (before the 1 July 2025 merger) with the published poverty rate the
/// generator starts from. The generated households only *lean* on this rate; they are not a sample of it.
struct ProvinceBaseRate: Sendable {
    /// GSO province code, as in /work/shared/data/provinces.csv.
    let code: String
    /// Province name exactly as the `name` column of provinces.csv (NFC UTF-8), so that the
    /// generated CSV joins with the gazetteer without any spelling folding.
    let name: String
    /// Poverty rate in percent, copied as published (not rescaled, rounded or filled in).
    let ratePercent: Double
    /// The year `ratePercent` belongs to.
    let year: Int
}

/// The 63 provinces in GSO code order, each with its base poverty rate.
///
/// Source: /work/shared/data/gso_poverty_by_province.csv, series
/// `gso_poverty_rate_by_province_2006_2016` (GSO "Poverty rate by province", via the choisy/gso R package,
/// github.com/choisy/gso@50040d2c4b4f8b8a92f6e236c3a7ebd15fc6a058:data-raw/gso_21092018.zip!gso_06082019/Health, Culture and Living Standard/Poverty rate by province.csv),
/// year 2016 (a *preliminary* figure in GSO's table), or the latest earlier year where 2016 is missing.
/// This is GSO's income-poverty series, not the multidimensional rate of table V14.49; the two are never mixed.
///
/// Two provinces are published as 0.0 (Bình Dương 2016, Hồ Chí Minh 2015). The table keeps 0.0; the
/// household model applies a small floor instead (see `HouseholdModel`).
///
/// Provinces are drawn uniformly. No population or household counts are embedded on purpose: the project
/// has no published figures for them here, and inventing weights would look like real data when it is not.
let provinceBaseRates: [ProvinceBaseRate] = [
    ProvinceBaseRate(code: "01", name: "Hà Nội", ratePercent: 1.3, year: 2016),
    ProvinceBaseRate(code: "02", name: "Hà Giang", ratePercent: 20.8, year: 2016),
    ProvinceBaseRate(code: "04", name: "Cao Bằng", ratePercent: 21.9, year: 2016),
    ProvinceBaseRate(code: "06", name: "Bắc Kạn", ratePercent: 15.8, year: 2016),
    ProvinceBaseRate(code: "08", name: "Tuyên Quang", ratePercent: 12.0, year: 2016),
    ProvinceBaseRate(code: "10", name: "Lào Cai", ratePercent: 18.1, year: 2016),
    ProvinceBaseRate(code: "11", name: "Điện Biên", ratePercent: 26.1, year: 2016),
    ProvinceBaseRate(code: "12", name: "Lai Châu", ratePercent: 27.9, year: 2016),
    ProvinceBaseRate(code: "14", name: "Sơn La", ratePercent: 20.0, year: 2016),
    ProvinceBaseRate(code: "15", name: "Yên Bái", ratePercent: 17.5, year: 2016),
    ProvinceBaseRate(code: "17", name: "Hoà Bình", ratePercent: 13.4, year: 2016),
    ProvinceBaseRate(code: "19", name: "Thái Nguyên", ratePercent: 7.1, year: 2016),
    ProvinceBaseRate(code: "20", name: "Lạng Sơn", ratePercent: 14.5, year: 2016),
    ProvinceBaseRate(code: "22", name: "Quảng Ninh", ratePercent: 3.7, year: 2016),
    ProvinceBaseRate(code: "24", name: "Bắc Giang", ratePercent: 6.3, year: 2016),
    ProvinceBaseRate(code: "25", name: "Phú Thọ", ratePercent: 6.3, year: 2016),
    ProvinceBaseRate(code: "26", name: "Vĩnh Phúc", ratePercent: 2.9, year: 2016),
    ProvinceBaseRate(code: "27", name: "Bắc Ninh", ratePercent: 1.6, year: 2016),
    ProvinceBaseRate(code: "30", name: "Hải Dương", ratePercent: 2.3, year: 2016),
    ProvinceBaseRate(code: "31", name: "Hải Phòng", ratePercent: 2.1, year: 2016),
    ProvinceBaseRate(code: "33", name: "Hưng Yên", ratePercent: 2.6, year: 2016),
    ProvinceBaseRate(code: "34", name: "Thái Bình", ratePercent: 3.7, year: 2016),
    ProvinceBaseRate(code: "35", name: "Hà Nam", ratePercent: 4.4, year: 2016),
    ProvinceBaseRate(code: "36", name: "Nam Định", ratePercent: 3.0, year: 2016),
    ProvinceBaseRate(code: "37", name: "Ninh Bình", ratePercent: 4.3, year: 2016),
    ProvinceBaseRate(code: "38", name: "Thanh Hóa", ratePercent: 9.6, year: 2016),
    ProvinceBaseRate(code: "40", name: "Nghệ An", ratePercent: 10.4, year: 2016),
    ProvinceBaseRate(code: "42", name: "Hà Tĩnh", ratePercent: 11.0, year: 2016),
    ProvinceBaseRate(code: "44", name: "Quảng Bình", ratePercent: 10.6, year: 2016),
    ProvinceBaseRate(code: "45", name: "Quảng Trị", ratePercent: 9.1, year: 2016),
    ProvinceBaseRate(code: "46", name: "Huế", ratePercent: 3.7, year: 2016),
    ProvinceBaseRate(code: "48", name: "Đà Nẵng", ratePercent: 0.5, year: 2016),
    ProvinceBaseRate(code: "49", name: "Quảng Nam", ratePercent: 8.4, year: 2016),
    ProvinceBaseRate(code: "51", name: "Quảng Ngãi", ratePercent: 9.2, year: 2016),
    ProvinceBaseRate(code: "52", name: "Bình Định", ratePercent: 7.5, year: 2016),
    ProvinceBaseRate(code: "54", name: "Phú Yên", ratePercent: 6.4, year: 2016),
    ProvinceBaseRate(code: "56", name: "Khánh Hòa", ratePercent: 3.8, year: 2016),
    ProvinceBaseRate(code: "58", name: "Ninh Thuận", ratePercent: 6.5, year: 2016),
    ProvinceBaseRate(code: "60", name: "Bình Thuận", ratePercent: 2.3, year: 2016),
    ProvinceBaseRate(code: "62", name: "Kon Tum", ratePercent: 14.2, year: 2016),
    ProvinceBaseRate(code: "64", name: "Gia Lai", ratePercent: 13.5, year: 2016),
    ProvinceBaseRate(code: "66", name: "Đắk Lắk", ratePercent: 7.3, year: 2016),
    ProvinceBaseRate(code: "67", name: "Đắk Nông", ratePercent: 12.8, year: 2016),
    ProvinceBaseRate(code: "68", name: "Lâm Đồng", ratePercent: 4.5, year: 2016),
    ProvinceBaseRate(code: "70", name: "Bình Phước", ratePercent: 5.1, year: 2016),
    ProvinceBaseRate(code: "72", name: "Tây Ninh", ratePercent: 1.5, year: 2016),
    ProvinceBaseRate(code: "74", name: "Bình Dương", ratePercent: 0.0, year: 2016),
    ProvinceBaseRate(code: "75", name: "Đồng Nai", ratePercent: 0.5, year: 2016),
    ProvinceBaseRate(code: "77", name: "Bà Rịa - Vũng Tàu", ratePercent: 0.8, year: 2016),
    ProvinceBaseRate(code: "79", name: "Hồ Chí Minh", ratePercent: 0.0, year: 2015),  // no 2016 row in the series; 2015 is its latest earlier year
    ProvinceBaseRate(code: "80", name: "Long An", ratePercent: 4.2, year: 2016),
    ProvinceBaseRate(code: "82", name: "Tiền Giang", ratePercent: 5.3, year: 2016),
    ProvinceBaseRate(code: "83", name: "Bến Tre", ratePercent: 7.1, year: 2016),
    ProvinceBaseRate(code: "84", name: "Trà Vinh", ratePercent: 10.0, year: 2016),
    ProvinceBaseRate(code: "86", name: "Vĩnh Long", ratePercent: 4.3, year: 2016),
    ProvinceBaseRate(code: "87", name: "Đồng Tháp", ratePercent: 5.8, year: 2016),
    ProvinceBaseRate(code: "89", name: "An Giang", ratePercent: 2.7, year: 2016),
    ProvinceBaseRate(code: "91", name: "Kiên Giang", ratePercent: 2.7, year: 2016),
    ProvinceBaseRate(code: "92", name: "Cần Thơ", ratePercent: 1.7, year: 2016),
    ProvinceBaseRate(code: "93", name: "Hậu Giang", ratePercent: 7.7, year: 2016),
    ProvinceBaseRate(code: "94", name: "Sóc Trăng", ratePercent: 8.7, year: 2016),
    ProvinceBaseRate(code: "95", name: "Bạc Liêu", ratePercent: 6.9, year: 2016),
    ProvinceBaseRate(code: "96", name: "Cà Mau", ratePercent: 4.0, year: 2016),
]
