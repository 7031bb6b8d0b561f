using SocialWorkStation.Domain.Archives;
using SocialWorkStation.Domain.Tests.Profiles;

namespace SocialWorkStation.Domain.Tests.Archives;

/// <summary>The pure archive rules (docs/requirements/books.md §1).</summary>
public sealed class ArchiveRulesTests
{
    [Fact]
    public void The_number_is_station_code_category_year_and_a_four_digit_sequence()
    {
        Assert.Equal("469030100-FW-2026-0007", ArchiveCode.Format("469030100", ArchiveCategory.Service, 2026, 7));
        Assert.Equal(["WS", "CW", "RS", "FW", "PG"], ArchiveCategories.All.Select(ArchiveCategories.Code).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => ArchiveCode.Format("469030100", ArchiveCategory.Service, 2026, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArchiveCode.Format("469030100", ArchiveCategory.Service, 2026, 10000));
    }

    [Theory]
    [InlineData("financial", ArchiveCategory.Financial)]
    [InlineData("财务", ArchiveCategory.Financial)]
    [InlineData("pg", ArchiveCategory.Evaluation)]
    [InlineData("文书（行政）", ArchiveCategory.Administrative)]
    public void Categories_parse_by_api_name_chinese_or_code(string text, ArchiveCategory expected) => Assert.Equal(expected, ArchiveCategories.Parse(text));

    [Fact]
    public void Retention_runs_to_the_end_of_the_year_and_its_last_day_is_still_inside()
    {
        // A 2023 archive kept 3 years: kept up to and including 2026-12-31.
        Assert.Equal(new DateOnly(2026, 12, 31), ArchiveRetention.LastDay(2023, 3));
        Assert.False(ArchiveRetention.Ended(2023, 3, new DateOnly(2026, 12, 30)));
        Assert.False(ArchiveRetention.Ended(2023, 3, new DateOnly(2026, 12, 31)));
        Assert.True(ArchiveRetention.Ended(2023, 3, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void A_loan_is_on_time_on_its_due_day_and_overdue_after()
    {
        var due = new DateOnly(2026, 11, 16);
        Assert.False(ArchiveLoans.Overdue(due, null, due));
        Assert.True(ArchiveLoans.Overdue(due, null, due.AddDays(1)));
        Assert.False(ArchiveLoans.Overdue(due, due, due.AddDays(30)));
        Assert.True(ArchiveLoans.Overdue(due, due.AddDays(1), due.AddDays(1)));
    }

    [Fact]
    public void Shenmu_keeps_archives_three_years_by_its_clause_and_the_others_by_the_stated_default()
    {
        var shenmu = ShippedProfilesTests.Load("shenmu").BookRules.Retention;
        Assert.Equal(3, shenmu.Value);
        Assert.Equal("第二十三条", shenmu.Source);
        foreach (var key in new[] { "hainan-ledong", "hainan-qiongzhong", "hunan", "wenzhou" })
        {
            var r = ShippedProfilesTests.Load(key).BookRules.Retention;
            Assert.Equal(3, r.Value);
            Assert.StartsWith("平台默认", r.Source);
            Assert.NotNull(r.Interpretation);
        }
        Assert.Contains(BookRulesValidation.Problems(new BookRules { ArchiveRetentionYears = new(0, "x") }), p => p.Field == "books.archiveRetentionYears");
    }
}
