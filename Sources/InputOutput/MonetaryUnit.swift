import Foundation

/// A money unit as tables and scenarios state it: a currency and a power of ten,
/// `billion VND` = 10⁹ VND. Amounts convert between units of the same currency by
/// powers of ten; between currencies grdp does not convert (no exchange rate is assumed).
///
/// Accepted: a scale word (`thousand`, `million`/`mn`/`mio`, `billion`/`bn`/`bln`,
/// `trillion`/`trn`/`tn`, and the Vietnamese `nghìn`/`ngàn`, `triệu`, `tỷ`/`tỉ`, so that
/// `nghìn tỷ` is 10¹²) before or after a currency (a three-letter code such as `VND`,
/// `USD`, or `đồng`/`dong`/`đ`); words from `at`, `in`, `(` or `,` on are a comment
/// (`billion VND at current prices`).
public struct MonetaryUnit: Sendable, Equatable, CustomStringConvertible {
    public let currency: String
    public let powerOfTen: Int

    public init(currency: String, powerOfTen: Int) {
        self.currency = currency
        self.powerOfTen = powerOfTen
    }

    public static let billionVND = MonetaryUnit(currency: "VND", powerOfTen: 9)

    static let scales: [String: Int] = [
        "thousand": 3, "thousands": 3, "k": 3, "nghìn": 3, "ngàn": 3, "nghin": 3,
        "million": 6, "millions": 6, "mn": 6, "mio": 6, "mln": 6, "triệu": 6, "trieu": 6,
        "billion": 9, "billions": 9, "bn": 9, "bln": 9, "tỷ": 9, "tỉ": 9, "ty": 9,
        "trillion": 12, "trillions": 12, "trn": 12, "tn": 12,
    ]
    static let currencyWords: [String: String] = ["đồng": "VND", "dong": "VND", "đ": "VND", "vnđ": "VND", "$": "USD", "€": "EUR"]

    /// nil when `text` is not a money unit of the form above.
    public init?(_ text: String) {
        var words: [String] = []
        for word in text.lowercased().replacingOccurrences(of: "_", with: " ").split(whereSeparator: \.isWhitespace).map(String.init) {
            if ["at", "in", "of"].contains(word) || word.hasPrefix("(") { break }
            if word.hasSuffix(",") { words.append(String(word.dropLast())); break }
            words.append(word)
        }
        var power = 0
        var currency: String?
        for word in words {
            if let scale = Self.scales[word] {
                power += scale
            } else if let code = Self.currencyWords[word] {
                guard currency == nil else { return nil }
                currency = code
            } else if word.count == 3, word.allSatisfy({ $0.isASCII && $0.isLetter }) {
                guard currency == nil else { return nil }
                currency = word.uppercased()
            } else {
                return nil
            }
        }
        guard let currency else { return nil }
        self.init(currency: currency, powerOfTen: power)
    }

    /// The factor that turns an amount in `self` into one in `other` (10^(p − q)), nil
    /// for different currencies.
    public func factor(to other: MonetaryUnit) -> Double? {
        guard currency == other.currency else { return nil }
        return pow(10, Double(powerOfTen - other.powerOfTen))
    }

    public var description: String {
        let scale = [0: "", 3: "thousand ", 6: "million ", 9: "billion ", 12: "trillion "][powerOfTen] ?? "10^\(powerOfTen) "
        return scale + currency
    }

    /// The factor that turns amounts stated in `from` (text) into amounts in `to` (text).
    /// - Throws: `unitMismatch` naming both when either is not a money unit or the currencies differ.
    public static func conversion(from: String, _ fromWhat: String, to: String, _ toWhat: String) throws(InputOutputError) -> Double {
        guard let source = MonetaryUnit(from), let target = MonetaryUnit(to), let factor = source.factor(to: target) else {
            throw .unitMismatch(what: fromWhat, unit: from, otherWhat: toWhat, otherUnit: to)
        }
        return factor
    }
}
