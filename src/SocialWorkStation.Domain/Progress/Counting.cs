using SocialWorkStation.Domain.Groups;

namespace SocialWorkStation.Domain.Progress;

/// <summary>One held group session as the counting rule sees it.</summary>
public sealed record SessionFact(DateOnly HeldOn, int Number, int Attendance);

/// <summary>
/// The date a record starts to count toward a standard, so progress falls in the month it was achieved.
/// The maintained aggregates and every page use these; a hand-written SQL reference checks them in tests.
/// </summary>
public static class Counting
{
    /// <summary>
    /// The day a group became complete (Qiongzhong（六）3: ≥4 sessions and ≥16 participant-times, both
    /// bounds included): the first session, in date then number order, at which both running totals reach
    /// the minimum. Null while it has not.
    /// </summary>
    public static DateOnly? GroupCompletedOn(IEnumerable<SessionFact> sessions, int minSessions, int minParticipantTimes)
    {
        var held = 0;
        var times = 0;
        foreach (var s in sessions.OrderBy(s => s.HeldOn).ThenBy(s => s.Number))
        {
            held++;
            times += s.Attendance;
            if (GroupRules.Counts(held, times, minSessions, minParticipantTimes))
            {
                return s.HeldOn;
            }
        }
        return null;
    }

    /// <summary>
    /// The day a case's recipient had been served the minimum number of times (Qiongzhong（六）3 "为每个建档的
    /// 服务群众服务不少于5次"): the date of the N-th service. Null while fewer.
    /// </summary>
    public static DateOnly? CaseServedOn(IEnumerable<DateOnly> serviceDates, int minServices)
    {
        if (minServices <= 0)
        {
            return null;
        }
        var ordered = serviceDates.Order().ToList();
        return ordered.Count >= minServices ? ordered[minServices - 1] : null;
    }

    /// <summary>The aggregates' month key of a date: 2026-03-31 → 202603.</summary>
    public static int MonthOf(DateOnly date) => date.Year * 100 + date.Month;

    /// <summary>The first and last day of a month key.</summary>
    public static (DateOnly From, DateOnly To) MonthRange(int month)
    {
        var from = new DateOnly(month / 100, month % 100, 1);
        return (from, from.AddMonths(1).AddDays(-1));
    }
}
