using SocialWorkStation.Domain.Common;

namespace SocialWorkStation.Domain.Services;

/// <summary>Where one calendar month stands against the monthly check requirement.</summary>
public enum MonthCheckStatus
{
    /// <summary>Enough checks in the month, whether or not it has ended.</summary>
    Covered,
    /// <summary>The month has ended without enough checks.</summary>
    Missing,
    /// <summary>The current month, not yet covered: there is still time until its last day.</summary>
    Open,
    /// <summary>A month that has not begun.</summary>
    Future,
}

public sealed record MonthCheck(int Month, int Checks, MonthCheckStatus Status);

/// <summary>
/// One station's year of contractor checks, month by month. <see cref="Required"/> is null when the station's
/// profile sets no frequency (nothing to meet: months with a check still show as covered).
/// </summary>
public sealed record CheckCoverage(int Year, int? Required, IReadOnlyList<MonthCheck> Months, string? Source, string? Interpretation)
{
    public bool Tracked => Required is not null;

    /// <summary>Months of the year that have begun by the day asked about (12 for a past year, 0 for a future one).</summary>
    public int MonthsElapsed => Months.Count(m => m.Status != MonthCheckStatus.Future);

    public int MonthsCovered => Months.Count(m => m.Status == MonthCheckStatus.Covered);

    public IReadOnlyList<int> MissingMonths => Months.Where(m => m.Status == MonthCheckStatus.Missing).Select(m => m.Month).ToList();

    /// <summary>The current month still waiting for its check.</summary>
    public bool CurrentMonthOpen => Months.Any(m => m.Status == MonthCheckStatus.Open);

    /// <summary>Null when not tracked; otherwise no ended month went without its check.</summary>
    public bool? Met => Tracked ? MissingMonths.Count == 0 : null;

    public string Message
    {
        get
        {
            var head = $"{Year}年已过{MonthsElapsed}个月，其中{MonthsCovered}个月有项目经理检查记录";
            if (!Tracked)
            {
                return head + "（本站政策方案未规定检查频次，不作考核）";
            }
            var parts = new List<string> { head };
            parts.Add(MissingMonths.Count == 0
                ? $"已结束的月份均达到每月至少{Required}次"
                : $"未达到每月至少{Required}次的月份：{string.Join("、", MissingMonths.Select(m => m + "月"))}");
            if (CurrentMonthOpen)
            {
                parts.Add("本月尚待检查");
            }
            return string.Join("；", parts) + $"（{Source}）";
        }
    }
}

/// <summary>
/// The contractor's project manager checks and guides each station at least once a month (Qiongzhong
/// （五）管理保障第3项“人员配备”). A check counts for the calendar month of its date: the last day of a month
/// for that month, the first day of the next for the next. A month that has not ended is not yet missing.
/// </summary>
public static class ContractorCheckRules
{
    /// <summary>
    /// The year's months for one station from the dates of its checks (dates outside the year are ignored).
    /// <paramref name="today"/> is the China date on which the question is asked.
    /// </summary>
    public static CheckCoverage Coverage(int year, DateOnly today, IEnumerable<DateOnly> checkedOn, Sourced<int>? perMonth)
    {
        var counts = new int[13];
        foreach (var d in checkedOn)
        {
            if (d.Year == year)
            {
                counts[d.Month]++;
            }
        }
        var required = perMonth?.Value ?? 1;
        var months = Enumerable.Range(1, 12).Select(m =>
        {
            var position = year != today.Year ? year.CompareTo(today.Year) : m.CompareTo(today.Month);
            // A month not yet begun is future even if a (mistyped) check were dated in it.
            var status = position > 0 ? MonthCheckStatus.Future
                : counts[m] >= required ? MonthCheckStatus.Covered
                : position < 0 ? MonthCheckStatus.Missing
                : MonthCheckStatus.Open;
            return new MonthCheck(m, counts[m], status);
        }).ToList();
        return new CheckCoverage(year, perMonth?.Value, months, perMonth?.Source, perMonth?.Interpretation);
    }
}
