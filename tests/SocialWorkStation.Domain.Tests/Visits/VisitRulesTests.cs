using SocialWorkStation.Domain.Visits;

namespace SocialWorkStation.Domain.Tests.Visits;

public sealed class VisitRulesTests
{
    private static readonly DateOnly Visited = new(2026, 3, 1);

    [Theory]
    [InlineData(0, false)]
    [InlineData(6, false)]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(30, true)]
    public void A_record_more_than_seven_days_after_the_visit_is_back_filled(int daysLater, bool backFilled) =>
        Assert.Equal(backFilled, VisitRules.IsBackFilled(Visited, Visited.AddDays(daysLater)));

    [Fact]
    public void Back_fill_counts_calendar_days_across_a_month_end() =>
        Assert.False(VisitRules.IsBackFilled(new DateOnly(2026, 2, 22), new DateOnly(2026, 3, 1)));

    [Fact]
    public void Due_on_the_last_day_of_the_interval_is_not_overdue_the_day_after_is()
    {
        Assert.Equal(new DateOnly(2026, 3, 31), VisitRules.DueOn(Visited, 30));
        Assert.False(VisitRules.IsOverdue(Visited, 30, new DateOnly(2026, 3, 31)));
        Assert.True(VisitRules.IsOverdue(Visited, 30, new DateOnly(2026, 4, 1)));
    }

    [Theory]
    [InlineData("2026-03-24", false)] // due eight days on
    [InlineData("2026-03-25", true)]  // due on the last of the seven days
    [InlineData("2026-03-31", true)]  // due today
    [InlineData("2026-04-01", false)] // overdue, not "this week"
    public void Due_this_week_means_today_through_six_days_on(string today, bool dueThisWeek) =>
        Assert.Equal(dueThisWeek, VisitRules.IsDueThisWeek(Visited, 30, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
