using System.Globalization;

namespace SocialWorkStation.Domain.Reports;

/// <summary>
/// The period a report covers: "2026-10" (a month), "2026-Q3", "2026-H1", "2026" (a year). Both ends are
/// included. Periods are calendar periods until contracts carry their own service years (docs/requirements/domain.md section 10).
/// </summary>
public sealed record ReportPeriod(ReportFrequency Frequency, int Year, int Index, DateOnly From, DateOnly To)
{
    public string Key => Frequency switch
    {
        ReportFrequency.Monthly => $"{Year}-{Index:00}",
        ReportFrequency.Quarterly => $"{Year}-Q{Index}",
        ReportFrequency.HalfYearly or ReportFrequency.FirstHalf => $"{Year}-H{Index}",
        _ => $"{Year}",
    };

    public string Label => Frequency switch
    {
        ReportFrequency.Monthly => $"{Year}年{Index}月",
        ReportFrequency.Quarterly => $"{Year}年第{"一二三四"[Index - 1]}季度",
        ReportFrequency.HalfYearly or ReportFrequency.FirstHalf => $"{Year}年{(Index == 1 ? "上" : "下")}半年",
        _ => $"{Year}年度",
    };

    public static ReportPeriod Of(ReportFrequency frequency, int year, int index)
    {
        var (from, months) = frequency switch
        {
            ReportFrequency.Monthly => (new DateOnly(year, index, 1), 1),
            ReportFrequency.Quarterly => (new DateOnly(year, (index - 1) * 3 + 1, 1), 3),
            ReportFrequency.HalfYearly or ReportFrequency.FirstHalf => (new DateOnly(year, (index - 1) * 6 + 1, 1), 6),
            _ => (new DateOnly(year, 1, 1), 12),
        };
        return new ReportPeriod(frequency, year, index, from, from.AddMonths(months).AddDays(-1));
    }

    /// <summary>The period of this frequency that contains <paramref name="day"/> (a first-half kind: that year's first half).</summary>
    public static ReportPeriod Containing(ReportFrequency frequency, DateOnly day) => frequency switch
    {
        ReportFrequency.Monthly => Of(frequency, day.Year, day.Month),
        ReportFrequency.Quarterly => Of(frequency, day.Year, (day.Month - 1) / 3 + 1),
        ReportFrequency.HalfYearly => Of(frequency, day.Year, day.Month <= 6 ? 1 : 2),
        ReportFrequency.FirstHalf => Of(frequency, day.Year, 1),
        _ => Of(frequency, day.Year, 1),
    };

    /// <summary>The period before this one (for a first-half kind: the previous year's first half).</summary>
    public ReportPeriod Previous() => Frequency switch
    {
        ReportFrequency.Monthly => Containing(Frequency, From.AddMonths(-1)),
        ReportFrequency.Quarterly => Containing(Frequency, From.AddMonths(-3)),
        ReportFrequency.HalfYearly => Containing(Frequency, From.AddMonths(-6)),
        _ => Of(Frequency, Year - 1, 1),
    };

    /// <summary>Reads a period key of the given frequency; null when it does not fit.</summary>
    public static ReportPeriod? Parse(ReportFrequency frequency, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parts = text.Trim().Split('-');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return null;
        }
        if (frequency == ReportFrequency.Yearly)
        {
            return parts.Length == 1 ? Of(frequency, year, 1) : null;
        }
        if (parts.Length != 2 || parts[1].Length == 0)
        {
            return null;
        }
        var rest = parts[1];
        var (prefix, max) = frequency switch
        {
            ReportFrequency.Monthly => ("", 12),
            ReportFrequency.Quarterly => ("Q", 4),
            ReportFrequency.HalfYearly => ("H", 2),
            _ => ("H", 1),
        };
        if (!rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(rest[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index < 1 || index > max || (prefix == "" && rest.Length != 2))
        {
            return null;
        }
        return Of(frequency, year, index);
    }
}
