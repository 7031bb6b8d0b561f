using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Services;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Services;

public class ContractorCheckRulesTests
{
    private static readonly Sourced<int> OnePerMonth = new(1, "（五）管理保障第3项“人员配备”");

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void A_check_on_the_last_day_of_a_month_counts_for_that_month_and_one_on_the_first_for_the_next()
    {
        var c = ContractorCheckRules.Coverage(2025, D(2026, 1, 10), [D(2025, 1, 31), D(2025, 3, 1), D(2024, 12, 31), D(2026, 1, 1)], OnePerMonth);
        Assert.Equal(MonthCheckStatus.Covered, c.Months[0].Status);
        Assert.Equal(MonthCheckStatus.Missing, c.Months[1].Status); // February: the 1 March check is March's
        Assert.Equal(MonthCheckStatus.Covered, c.Months[2].Status);
        Assert.Equal(12, c.MonthsElapsed);
        Assert.Equal(2, c.MonthsCovered);
        Assert.Equal([2, 4, 5, 6, 7, 8, 9, 10, 11, 12], c.MissingMonths);
        Assert.False(c.Met);
    }

    [Fact]
    public void Leap_day_counts_for_February()
    {
        var c = ContractorCheckRules.Coverage(2024, D(2024, 3, 1), [D(2024, 1, 2), D(2024, 2, 29)], OnePerMonth);
        Assert.Equal(MonthCheckStatus.Covered, c.Months[1].Status);
        Assert.True(c.Met);
        Assert.Equal(3, c.MonthsElapsed);
        Assert.True(c.CurrentMonthOpen);
    }

    [Fact]
    public void The_current_month_is_open_until_its_last_day_and_missing_the_day_after()
    {
        var checks = new[] { D(2026, 1, 15), D(2026, 2, 15) };
        var lastDay = ContractorCheckRules.Coverage(2026, D(2026, 3, 31), checks, OnePerMonth);
        Assert.Equal(MonthCheckStatus.Open, lastDay.Months[2].Status);
        Assert.Equal(MonthCheckStatus.Future, lastDay.Months[3].Status);
        Assert.Equal(3, lastDay.MonthsElapsed);
        Assert.True(lastDay.Met);
        Assert.Contains("本月尚待检查", lastDay.Message);

        var dayAfter = ContractorCheckRules.Coverage(2026, D(2026, 4, 1), checks, OnePerMonth);
        Assert.Equal(MonthCheckStatus.Missing, dayAfter.Months[2].Status);
        Assert.Equal(MonthCheckStatus.Open, dayAfter.Months[3].Status);
        Assert.Equal(4, dayAfter.MonthsElapsed);
        Assert.Equal([3], dayAfter.MissingMonths);
        Assert.False(dayAfter.Met);
        Assert.Contains("3月", dayAfter.Message);
        Assert.Contains("人员配备", dayAfter.Message);
    }

    [Fact]
    public void A_checked_current_month_is_covered_and_a_future_year_has_no_months_elapsed()
    {
        var c = ContractorCheckRules.Coverage(2026, D(2026, 1, 1), [D(2026, 1, 1)], OnePerMonth);
        Assert.Equal(MonthCheckStatus.Covered, c.Months[0].Status);
        Assert.Equal(1, c.MonthsElapsed);
        Assert.Equal(1, c.MonthsCovered);
        Assert.False(c.CurrentMonthOpen);

        var next = ContractorCheckRules.Coverage(2027, D(2026, 12, 31), [], OnePerMonth);
        Assert.Equal(0, next.MonthsElapsed);
        Assert.True(next.Met);
    }

    [Fact]
    public void Two_a_month_needs_two_checks_and_a_profile_without_a_number_tracks_nothing()
    {
        var two = ContractorCheckRules.Coverage(2025, D(2026, 1, 1), [D(2025, 5, 1), D(2025, 5, 31), D(2025, 6, 1)], new Sourced<int>(2, "第X条"));
        Assert.Equal(MonthCheckStatus.Covered, two.Months[4].Status);
        Assert.Equal(MonthCheckStatus.Missing, two.Months[5].Status);
        Assert.Equal(2, two.Months[4].Checks);

        var untracked = ContractorCheckRules.Coverage(2025, D(2026, 1, 1), [D(2025, 5, 1)], null);
        Assert.False(untracked.Tracked);
        Assert.Null(untracked.Met);
        Assert.Equal(1, untracked.MonthsCovered);
        Assert.Contains("未规定", untracked.Message);
    }
}
