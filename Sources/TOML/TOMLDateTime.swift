/// A TOML date-time value: an offset date-time, a local date-time, a local date or a
/// local time (TOML 1.0 §Offset Date-Time … §Local Time, after RFC 3339).
///
/// The fraction of a second is kept as its digits, so no precision is lost or invented;
/// `description` writes the RFC 3339 form (`1979-05-27T07:32:00.5-07:00`, `T` and `Z`
/// upper case, a zero offset as `Z`).
public struct TOMLDateTime: Hashable, Sendable, CustomStringConvertible {
    public struct LocalDate: Hashable, Sendable {
        public let year: Int, month: Int, day: Int
        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    public struct LocalTime: Hashable, Sendable {
        public let hour: Int, minute: Int, second: Int
        /// The digits after the decimal point of the seconds ("" for none).
        public let fraction: String
        public init(hour: Int, minute: Int, second: Int, fraction: String = "") {
            self.hour = hour
            self.minute = minute
            self.second = second
            self.fraction = fraction
        }
    }

    public enum Kind: Sendable {
        case offsetDateTime, localDateTime, localDate, localTime
    }

    public let date: LocalDate?
    public let time: LocalTime?
    /// Minutes east of UTC; nil for a local value.
    public let offsetMinutes: Int?

    public init(date: LocalDate?, time: LocalTime?, offsetMinutes: Int?) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    public var kind: Kind {
        if offsetMinutes != nil { return .offsetDateTime }
        if date != nil && time != nil { return .localDateTime }
        return date != nil ? .localDate : .localTime
    }

    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = ""
        if let date {
            text += "\(padded(date.year, 4))-\(padded(date.month, 2))-\(padded(date.day, 2))"
        }
        if let time {
            if date != nil { text += "T" }
            text += "\(padded(time.hour, 2)):\(padded(time.minute, 2)):\(padded(time.second, 2))"
            if !time.fraction.isEmpty { text += "." + time.fraction }
        }
        if let offsetMinutes {
            if offsetMinutes == 0 {
                text += "Z"
            } else {
                let size = offsetMinutes.magnitude
                text += (offsetMinutes < 0 ? "-" : "+") + "\(padded(Int(size / 60), 2)):\(padded(Int(size % 60), 2))"
            }
        }
        return text
    }

    /// The number of days in `month` of `year` (proleptic Gregorian calendar).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
