using SocialWorkStation.Domain.Calendar;

namespace SocialWorkStation.Domain.Agreements;

/// <summary>A step an agreement's signing starts, with its last day (inside the period) and the clause that sets it.</summary>
public sealed record AgreementDeadline(string Key, string Name, DateOnly DueOn, bool Estimated, string Source, string Rule);

/// <summary>Where a deadline stands on a day: done (in time or late), open, or overdue.</summary>
public sealed record DeadlineState(bool Done, bool Late, bool Overdue);

/// <summary>
/// Deadlines counted from the signing date (docs/requirements/agreements.md §3): pure, on the working calendar.
/// "N个工作日内": counting starts on the first working day after signing and the Nth working day is inside
/// (docs/requirements/working-days.md). "N个月内": Civil Code art. 201-202 — the signing day is not counted and the
/// period ends on the corresponding day of the Nth month, or that month's last day when it has no such day
/// (one month from 31 January ends on the last day of February).
/// </summary>
public static class AgreementDeadlines
{
    public const string Filing = "filing";
    public const string WorkersPlaced = "workersPlaced";

    public static IReadOnlyList<AgreementDeadline> For(AgreementRules? rules, string profileShortName, DateOnly signedOn, WorkingCalendar calendar)
    {
        var list = new List<AgreementDeadline>();
        if (rules?.FilingWorkingDays is { } filing)
        {
            var due = calendar.AddWorkingDays(signedOn, filing.Value);
            list.Add(new AgreementDeadline(Filing, "协议副本报市（州）备案", due.Date, due.Estimated, $"{profileShortName} {filing.Source}",
                $"签订之日起{filing.Value}个工作日内（自签订次日起的第{filing.Value}个工作日当天仍在期限内）"));
        }
        if (rules?.WorkersPlacedMonths is { } placed)
        {
            list.Add(new AgreementDeadline(WorkersPlaced, "驻站社工安排到乡镇（街道）", MonthsAfter(signedOn, placed.Value), false, $"{profileShortName} {placed.Source}",
                $"签订后{placed.Value}个月内（到期月的对应日为最后一日，没有对应日的以月末日为最后一日，民法典第二百零一、二百零二条）"));
        }
        return list;
    }

    /// <summary>The last day of "N months from <paramref name="from"/>" (Civil Code art. 202; 31 January + 1 month = end of February).</summary>
    public static DateOnly MonthsAfter(DateOnly from, int months) => from.AddMonths(months);

    /// <summary>A deadline's state on <paramref name="today"/>: overdue once the due day has passed with nothing done.</summary>
    public static DeadlineState State(DateOnly dueOn, DateOnly? doneOn, DateOnly today) => doneOn is { } done
        ? new DeadlineState(true, done > dueOn, false)
        : new DeadlineState(false, false, today > dueOn);
}

/// <summary>Programme cycle arithmetic (docs/requirements/agreements.md §2).</summary>
public static class ProgrammeCycleRules
{
    /// <summary>Null when a cycle of <paramref name="cycleYears"/> years can hold an agreement for that year; otherwise the reason.</summary>
    public static string? YearProblem(int yearNumber, int cycleYears, string source) =>
        yearNumber < 1
            ? "协议年度应从第1年开始"
            : yearNumber > cycleYears
                ? $"项目周期为{cycleYears}年，不能签订第{yearNumber}年的协议（{source}）；周期届满应按政府采购程序重新确定承接方"
                : null;

    /// <summary>
    /// A term of one year from signing (Qiongzhong 服务期限 "自合同签订之日起1年"): services from the signing day on; the
    /// year ends on the corresponding day a year later (Civil Code art. 201-202; 29 February → 28 February).
    /// </summary>
    public static (DateOnly Start, DateOnly End) OneYearFromSigning(DateOnly signedOn) => (signedOn, signedOn.AddYears(1));

    /// <summary>The clauses a profile requires that an agreement does not tick.</summary>
    public static IReadOnlyList<RequiredClause> Missing(AgreementRules? rules, IEnumerable<string> ticked)
    {
        var set = ticked.ToHashSet(StringComparer.Ordinal);
        return rules?.RequiredClauses?.Value.Where(c => !set.Contains(c.Key)).ToList() ?? [];
    }
}
