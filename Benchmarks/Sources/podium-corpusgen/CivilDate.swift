/// A calendar date from a day number, without Foundation's calendars (which are slow in a hot loop).
struct CivilDate: Comparable {
    var year: Int
    var month: Int
    var day: Int

    static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Days since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (`days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 0 = Sunday … 6 = Saturday.
    static func weekday(daysSinceEpoch z: Int) -> Int { ((z % 7) + 11) % 7 }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `2019-05-11`
    var iso: String { "\(year)-\(CivilDate.two(month))-\(CivilDate.two(day))" }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `May 11, 2019`, as the site's English titles write it.
    var english: String { "\(CivilDate.months[month - 1]) \(day), \(year)" }

    /// `2019年5月11日`, as the Chinese titles write it.
    var chinese: String { "\(year)年\(month)月\(day)日" }
}
