using SocialWorkStation.Domain.Calendar;

namespace SocialWorkStation.Domain.Reports;

/// <summary>A report's due day, whether it was moved off a rest day, and whether it passed through an estimated year.</summary>
public sealed record ReportDueDate(DateOnly Date, DateOnly Nominal, bool Moved, bool Estimated)
{
    /// <summary>Filed on or before the due day is on time; the day after is late (Civil Code art. 201: a period ends at the end of its last day).</summary>
    public bool IsLate(DateOnly filedOn) => filedOn > Date;

    /// <summary>Not filed and the due day is past.</summary>
    public bool IsOverdue(DateOnly today) => today > Date;

    /// <summary>Days until the due day (negative when overdue).</summary>
    public int DaysLeft(DateOnly today) => Date.DayNumber - today.DayNumber;
}

/// <summary>
/// Due days of reports (docs/requirements/reports.md): the profile's rule applied to a period, a county's
/// adjustment kept within the range the profile allows, and the move to the next working day where the
/// profile says the due day moves.
/// </summary>
public static class ReportDue
{
    public static ReportDueDate For(ReportKindRule kind, ReportPeriod period, WorkingCalendar calendar, int adjustDays = 0)
    {
        var rule = kind.Due;
        if (adjustDays < rule.AdjustEarliest || adjustDays > rule.AdjustLatest)
        {
            throw new ArgumentOutOfRangeException(nameof(adjustDays), adjustDays, $"调整天数应在{rule.AdjustEarliest}至{rule.AdjustLatest}之间");
        }
        var nominal = rule.FixedMonth is { } month
            ? new DateOnly(period.Year, month, rule.FixedDay!.Value)
            : period.To.AddDays(rule.DaysAfterPeriodEnd!.Value);
        nominal = nominal.AddDays(adjustDays);
        if (!rule.MovesToWorkingDay)
        {
            return new ReportDueDate(nominal, nominal, false, false);
        }
        var moved = calendar.OnOrNextWorkingDay(nominal);
        return new ReportDueDate(moved.Date, nominal, moved.Date != nominal, moved.Estimated);
    }

    /// <summary>Whether a county's adjustment lies inside what the profile allows.</summary>
    public static bool AdjustmentAllowed(ReportKindRule kind, int adjustDays) =>
        adjustDays >= kind.Due.AdjustEarliest && adjustDays <= kind.Due.AdjustLatest;

    /// <summary>
    /// The periods whose reports are owed by <paramref name="today"/>: the latest period that has ended, and the one
    /// before it (so a late filer still sees last period's report as overdue), newest first.
    /// </summary>
    public static IReadOnlyList<ReportPeriod> OwedPeriods(ReportKindRule kind, DateOnly today, int count = 2)
    {
        var current = ReportPeriod.Containing(kind.Frequency, today);
        // A fixed-day kind (self-evaluation by 30 November) is due inside its own year.
        var p = current.To < today || kind.Due.FixedMonth is not null ? current : current.Previous();
        var result = new List<ReportPeriod>();
        for (var i = 0; i < count; i++)
        {
            result.Add(p);
            p = p.Previous();
        }
        return result;
    }
}
