using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Calendar;
using SocialWorkStation.Domain.Tests.Profiles;

namespace SocialWorkStation.Domain.Tests.Agreements;

/// <summary>
/// Deadlines of an agreement from its signing date (docs/requirements/agreements.md §3), on the shipped calendar. Expected days
/// worked out by hand from the 2025 notice (国办发明电〔2024〕12号): Spring Festival 28 January – 4 February with 26 January and
/// 8 February worked; National Day and Mid-Autumn 1–8 October with 28 September and 11 October worked.
/// </summary>
public sealed class AgreementsDeadlineTests
{
    private static readonly AgreementRules Hunan = ShippedProfilesTests.Load("hunan").Agreements!;

    private static AgreementDeadline Filing(string signedOn) =>
        AgreementDeadlines.For(Hunan, "湖南方案", DateOnly.Parse(signedOn), WorkingCalendar.China).Single(d => d.Key == AgreementDeadlines.Filing);

    [Fact]
    public void Filing_across_the_Spring_Festival_counts_the_make_up_days_and_skips_the_holiday()
    {
        // Signed Friday 24 January 2025: 26 Jan (Sunday, worked) is the 1st, 27 Jan the 2nd, the holiday is skipped,
        // 8 Feb (Saturday, worked) is the 6th, and the 15th working day is Thursday 20 February.
        var d = Filing("2025-01-24");
        Assert.Equal(new DateOnly(2025, 2, 20), d.DueOn);
        Assert.False(d.Estimated);
        Assert.Equal(15, WorkingCalendar.China.WorkingDaysBetween(new DateOnly(2025, 1, 24), d.DueOn));
        Assert.Contains("七、（三）", d.Source);
    }

    [Fact]
    public void Filing_across_National_Day_counts_the_make_up_days_and_skips_the_holiday()
    {
        // Signed Friday 26 September 2025: 28 Sep (Sunday, worked) is the 1st, 1-8 October are holidays, 11 Oct (Saturday, worked)
        // is the 6th, and the 15th working day is Thursday 23 October.
        var d = Filing("2025-09-26");
        Assert.Equal(new DateOnly(2025, 10, 23), d.DueOn);
        Assert.Equal(15, WorkingCalendar.China.WorkingDaysBetween(new DateOnly(2025, 9, 26), d.DueOn));
    }

    [Fact]
    public void The_15th_working_day_is_inside_and_the_16th_outside()
    {
        var due = Filing("2025-01-24").DueOn; // 20 February 2025
        Assert.False(AgreementDeadlines.State(due, null, due).Overdue);
        Assert.True(AgreementDeadlines.State(due, null, new DateOnly(2025, 2, 21)).Overdue); // the 16th working day
        Assert.False(AgreementDeadlines.State(due, due, new DateOnly(2025, 3, 1)).Late);
        var late = AgreementDeadlines.State(due, new DateOnly(2025, 2, 21), new DateOnly(2025, 3, 1));
        Assert.True(late.Done);
        Assert.True(late.Late);
        Assert.False(late.Overdue);
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28")] // no 31 February: the month's last day
    [InlineData("2024-01-31", "2024-02-29")] // leap year
    [InlineData("2025-03-15", "2025-04-15")] // the corresponding day
    [InlineData("2025-12-31", "2026-01-31")]
    public void Workers_are_placed_within_one_month_ending_on_the_corresponding_day_or_the_months_last_day(string signedOn, string due)
    {
        var d = AgreementDeadlines.For(Hunan, "湖南方案", DateOnly.Parse(signedOn), WorkingCalendar.China).Single(x => x.Key == AgreementDeadlines.WorkersPlaced);
        Assert.Equal(DateOnly.Parse(due), d.DueOn);
        Assert.Contains("七、（四）", d.Source);
    }

    [Fact]
    public void One_month_from_31_January_is_overdue_on_1_March_not_on_28_February()
    {
        var due = AgreementDeadlines.MonthsAfter(new DateOnly(2025, 1, 31), 1);
        Assert.False(AgreementDeadlines.State(due, null, new DateOnly(2025, 2, 28)).Overdue);
        Assert.True(AgreementDeadlines.State(due, null, new DateOnly(2025, 3, 1)).Overdue);
    }

    [Theory]
    [InlineData("hainan-qiongzhong")]
    [InlineData("hainan-ledong")]
    [InlineData("shenmu")]
    [InlineData("wenzhou")]
    public void Profiles_without_deadlines_have_none(string key) =>
        Assert.Empty(AgreementDeadlines.For(ShippedProfilesTests.Load(key).Agreements, "x", new DateOnly(2025, 1, 24), WorkingCalendar.China));
}
