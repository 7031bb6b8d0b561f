using System.Globalization;

namespace SocialWorkStation.Domain.Progress;

public enum PeriodKind
{
    Year,
    Quarter,
    Month,
    YearToDate,
}

/// <summary>
/// The period progress is shown for: a year, a quarter, a month, or the year to date. Standards are set
/// "per year" (docs/requirements/domain.md §5), counted by calendar year until contracts carry their own years
/// (docs/requirements/domain.md §10), so every period lies inside one calendar year. Both ends are included.
/// </summary>
public sealed record ProgressPeriod(PeriodKind Kind, int Year, DateOnly From, DateOnly To)
{
    public static ProgressPeriod OfYear(int year) => new(PeriodKind.Year, year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static ProgressPeriod OfQuarter(int year, int quarter)
    {
        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(PeriodKind.Quarter, year, from, from.AddMonths(3).AddDays(-1));
    }

    public static ProgressPeriod OfMonth(int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        return new(PeriodKind.Month, year, from, from.AddMonths(1).AddDays(-1));
    }

    /// <summary>1 January to <paramref name="asOf"/>; the whole year once the year is over.</summary>
    public static ProgressPeriod YearToDate(int year, DateOnly asOf) =>
        new(PeriodKind.YearToDate, year, new DateOnly(year, 1, 1),
            asOf.Year > year ? new DateOnly(year, 12, 31) : asOf.Year < year ? new DateOnly(year, 1, 1) : asOf);

    /// <summary>The years a period may name (the platform's working-day calendar and the records lie inside them).</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    /// <summary>
    /// Why <paramref name="text"/> is not a period, in Chinese for the user: a well-formed period whose year is out of
    /// range says so instead of calling the format wrong.
    /// </summary>
    public static string Problem(string? text)
    {
        var head = (text ?? "").Trim().Split('-')[0];
        return head.Length == 4 && int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is < FirstYear or > LastYear
            ? $"年份应在{FirstYear}年到{LastYear}年之间，收到的是{year}年"
            : "期间格式应为 2026、2026-Q1、2026-03 或 2026-ytd";
    }

    /// <summary>
    /// Reads "2026", "2026-Q3", "2026-07" or "2026-ytd" (year to <paramref name="asOf"/>); null when it is none of them.
    /// </summary>
    public static ProgressPeriod? Parse(string? text, DateOnly asOf)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return OfYear(asOf.Year);
        }
        var parts = text.Trim().Split('-');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < FirstYear or > LastYear)
        {
            return null;
        }
        if (parts.Length == 1)
        {
            return OfYear(year);
        }
        if (parts.Length != 2)
        {
            return null;
        }
        var rest = parts[1];
        if (rest.Equals("ytd", StringComparison.OrdinalIgnoreCase))
        {
            return YearToDate(year, asOf);
        }
        if (rest.Length == 2 && rest[0] is 'Q' or 'q' && rest[1] is >= '1' and <= '4')
        {
            return OfQuarter(year, rest[1] - '0');
        }
        if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            return OfMonth(year, month);
        }
        return null;
    }

    public int Days => To.DayNumber - From.DayNumber + 1;

    public static int DaysInYear(int year) => DateTime.IsLeapYear(year) ? 366 : 365;

    /// <summary>Months the period touches, as yyyymm numbers (the aggregates' month key).</summary>
    public IEnumerable<int> Months()
    {
        for (var m = From.Month; m <= To.Month; m++)
        {
            yield return Year * 100 + m;
        }
    }

    public int FirstMonth => From.Year * 100 + From.Month;
    public int LastMonth => To.Year * 100 + To.Month;

    /// <summary>The canonical text of the period, as <see cref="Parse"/> reads it.</summary>
    public string Code => Kind switch
    {
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{Year}-Q{(From.Month - 1) / 3 + 1}",
        PeriodKind.Month => $"{Year}-{From.Month:00}",
        _ => $"{Year}-ytd",
    };

    public string Label => Kind switch
    {
        PeriodKind.Year => $"{Year}年",
        PeriodKind.Quarter => $"{Year}年第{(From.Month - 1) / 3 + 1}季度",
        PeriodKind.Month => $"{Year}年{From.Month}月",
        _ => $"{Year}年1月1日至{To.Month}月{To.Day}日",
    };
}
