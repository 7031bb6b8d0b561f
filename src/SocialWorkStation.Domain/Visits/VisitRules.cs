namespace SocialWorkStation.Domain.Visits;

/// <summary>Pure rules about when a visit was recorded and when the next one is due. Dates are passed in.</summary>
public static class VisitRules
{
    /// <summary>
    /// A record entered more than this many days after the visit is marked back-filled (补录), so a ledger
    /// reader can tell records written at the time from those written later. The platform's default
    /// (issue 5): exactly 7 days later is still timely, 8 days is back-filled.
    /// </summary>
    public const int BackFillDays = 7;

    public static bool IsBackFilled(DateOnly visitedOn, DateOnly recordedOn) => recordedOn.DayNumber - visitedOn.DayNumber > BackFillDays;

    /// <summary>
    /// The last day a recipient may go without a visit: the last visit plus the interval. On that day
    /// the recipient is due but not overdue; the day after it is overdue. A recipient never visited is
    /// counted from the day they were registered.
    /// </summary>
    public static DateOnly DueOn(DateOnly lastVisitOrRegistered, int intervalDays) => lastVisitOrRegistered.AddDays(intervalDays);

    public static bool IsOverdue(DateOnly lastVisitOrRegistered, int intervalDays, DateOnly today) => today > DueOn(lastVisitOrRegistered, intervalDays);

    /// <summary>Due within the week starting today (today and the six days after), and not yet overdue.</summary>
    public static bool IsDueThisWeek(DateOnly lastVisitOrRegistered, int intervalDays, DateOnly today)
    {
        var due = DueOn(lastVisitOrRegistered, intervalDays);
        return due >= today && due <= today.AddDays(6);
    }
}
