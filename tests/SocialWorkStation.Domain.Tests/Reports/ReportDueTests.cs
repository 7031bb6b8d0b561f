using SocialWorkStation.Domain.Calendar;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Reports;

namespace SocialWorkStation.Domain.Tests.Reports;

/// <summary>Due days of reports at their edges (docs/requirements/reports.md), from the shipped profiles.</summary>
public class ReportDueTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.China;

    private static ReportKindRule Kind(string profile, string key)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWorkStation.slnx")))
            {
                var file = Path.Combine(dir.FullName, "src", "SocialWorkStation.Web", "Profiles", profile + ".json");
                return PolicyProfileParser.Parse(profile + ".json", File.ReadAllText(file)).Reports!.Find(key)!;
            }
        }
        throw new InvalidOperationException("SocialWorkStation.slnx not found");
    }

    private static ReportPeriod Month(int year, int month) => ReportPeriod.Of(ReportFrequency.Monthly, year, month);

    [Fact]
    public void A_brief_is_due_on_the_5th_of_the_next_month_when_that_is_a_working_day()
    {
        var due = ReportDue.For(Kind("hainan-qiongzhong", "monthlyBrief"), Month(2026, 1), Calendar);
        Assert.Equal(new DateOnly(2026, 2, 5), due.Date);
        Assert.False(due.Moved);
        Assert.False(due.IsLate(new DateOnly(2026, 2, 5)));
        Assert.True(due.IsLate(new DateOnly(2026, 2, 6)));
    }

    [Fact]
    public void A_brief_whose_5th_falls_on_a_weekend_moves_to_monday()
    {
        // August 2026 ends on a Monday; 5 September 2026 is a Saturday.
        var due = ReportDue.For(Kind("hainan-ledong", "monthlyBrief"), Month(2026, 8), Calendar);
        Assert.Equal(new DateOnly(2026, 9, 5), due.Nominal);
        Assert.Equal(new DateOnly(2026, 9, 7), due.Date);
        Assert.True(due.Moved);
        Assert.False(due.IsLate(new DateOnly(2026, 9, 7)));
    }

    [Fact]
    public void A_brief_whose_5th_falls_in_the_national_day_holiday_moves_past_it()
    {
        // 1-7 October 2026 are holidays: September's brief is due on Thursday 8 October.
        Assert.Equal(new DateOnly(2026, 10, 8), ReportDue.For(Kind("hunan", "monthlyBrief"), Month(2026, 9), Calendar).Date);
        // 1-5 May 2026 (劳动节): April's brief is due on 6 May.
        Assert.Equal(new DateOnly(2026, 5, 6), ReportDue.For(Kind("hunan", "monthlyBrief"), Month(2026, 4), Calendar).Date);
    }

    [Fact]
    public void A_due_day_does_not_move_when_the_profile_says_it_does_not()
    {
        var kind = Kind("hainan-ledong", "monthlyBrief");
        var fixedKind = kind with { Due = kind.Due with { MovesToWorkingDay = false } };
        Assert.Equal(new DateOnly(2026, 9, 5), ReportDue.For(fixedKind, Month(2026, 8), Calendar).Date);
    }

    [Fact]
    public void A_quarterly_report_due_on_a_makeup_saturday_stays_there()
    {
        // 10 October 2026 is a Saturday but a make-up working day (调休).
        var due = ReportDue.For(Kind("hunan", "countyQuarterly"), ReportPeriod.Of(ReportFrequency.Quarterly, 2026, 3), Calendar);
        Assert.Equal(new DateOnly(2026, 10, 10), due.Date);
        Assert.False(due.Moved);
    }

    [Fact]
    public void The_city_half_yearly_report_is_due_15_july_and_15_january_flagged_when_the_year_is_not_loaded()
    {
        var kind = Kind("hunan", "cityHalfYearly");
        Assert.Equal(new DateOnly(2026, 7, 15), ReportDue.For(kind, ReportPeriod.Of(ReportFrequency.HalfYearly, 2026, 1), Calendar).Date);
        var january = ReportDue.For(kind, ReportPeriod.Of(ReportFrequency.HalfYearly, 2026, 2), Calendar);
        Assert.Equal(new DateOnly(2027, 1, 15), january.Nominal);
        Assert.Equal(Calendar.Covers(2027), !january.Estimated);
    }

    [Theory]
    [InlineData("hunan", "selfEvaluation")]
    [InlineData("wenzhou", "evaluationSummary")]
    public void The_30_november_deadline_is_on_time_that_day_and_late_on_1_december(string profile, string key)
    {
        var kind = Kind(profile, key);
        // 30 November 2025 is a Sunday: the document's date stands, it does not move.
        var due = ReportDue.For(kind, ReportPeriod.Of(ReportFrequency.Yearly, 2025, 1), Calendar);
        Assert.Equal(new DateOnly(2025, 11, 30), due.Date);
        Assert.False(due.IsLate(new DateOnly(2025, 11, 30)));
        Assert.True(due.IsLate(new DateOnly(2025, 12, 1)));
        Assert.Equal(new DateOnly(2026, 11, 30), ReportDue.For(kind, ReportPeriod.Of(ReportFrequency.Yearly, 2026, 1), Calendar).Date);
    }

    [Fact]
    public void Mid_term_and_final_reports_are_due_15_days_after_the_half_and_the_year()
    {
        Assert.Equal(new DateOnly(2026, 7, 15), ReportDue.For(Kind("hainan-ledong", "midTermReport"), ReportPeriod.Of(ReportFrequency.FirstHalf, 2026, 1), Calendar).Date);
        Assert.Equal(new DateOnly(2025, 1, 15), ReportDue.For(Kind("hainan-ledong", "finalReport"), ReportPeriod.Of(ReportFrequency.Yearly, 2024, 1), Calendar).Date);
    }

    [Fact]
    public void A_county_adjusts_a_due_day_only_within_what_the_profile_allows()
    {
        var kind = Kind("hainan-qiongzhong", "monthlyBrief");
        // Briefs by the 10th instead of the 5th: 10 February 2026 is a Tuesday.
        Assert.Equal(new DateOnly(2026, 2, 10), ReportDue.For(kind, Month(2026, 1), Calendar, adjustDays: 5).Date);
        Assert.True(ReportDue.AdjustmentAllowed(kind, -4));
        Assert.False(ReportDue.AdjustmentAllowed(kind, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportDue.For(kind, Month(2026, 1), Calendar, adjustDays: 6));
        Assert.False(ReportDue.AdjustmentAllowed(Kind("hunan", "selfEvaluation"), 1));
    }

    [Theory]
    [InlineData(ReportFrequency.Monthly, "2026-10", "2026-10-01", "2026-10-31", "2026年10月")]
    [InlineData(ReportFrequency.Monthly, "2024-02", "2024-02-01", "2024-02-29", "2024年2月")]
    [InlineData(ReportFrequency.Quarterly, "2026-Q3", "2026-07-01", "2026-09-30", "2026年第三季度")]
    [InlineData(ReportFrequency.HalfYearly, "2026-H2", "2026-07-01", "2026-12-31", "2026年下半年")]
    [InlineData(ReportFrequency.FirstHalf, "2026-H1", "2026-01-01", "2026-06-30", "2026年上半年")]
    [InlineData(ReportFrequency.Yearly, "2026", "2026-01-01", "2026-12-31", "2026年度")]
    public void Periods_parse_to_their_days(ReportFrequency f, string key, string from, string to, string label)
    {
        var p = ReportPeriod.Parse(f, key)!;
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), p.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), p.To);
        Assert.Equal(label, p.Label);
        Assert.Equal(key, p.Key);
    }

    [Theory]
    [InlineData(ReportFrequency.Monthly, "2026-13")]
    [InlineData(ReportFrequency.Monthly, "2026-1")]
    [InlineData(ReportFrequency.Quarterly, "2026-Q5")]
    [InlineData(ReportFrequency.FirstHalf, "2026-H2")]
    [InlineData(ReportFrequency.Yearly, "2026-01")]
    [InlineData(ReportFrequency.Monthly, "")]
    public void Malformed_periods_are_refused(ReportFrequency f, string key) => Assert.Null(ReportPeriod.Parse(f, key));

    [Fact]
    public void The_owed_periods_are_the_last_ended_ones_and_a_fixed_day_kind_owes_its_own_year()
    {
        var today = new DateOnly(2026, 11, 3);
        Assert.Equal(["2026-10", "2026-09"], ReportDue.OwedPeriods(Kind("hunan", "monthlyBrief"), today).Select(p => p.Key));
        Assert.Equal(["2026-Q3", "2026-Q2"], ReportDue.OwedPeriods(Kind("hunan", "countyQuarterly"), today).Select(p => p.Key));
        Assert.Equal(["2026", "2025"], ReportDue.OwedPeriods(Kind("hunan", "selfEvaluation"), today).Select(p => p.Key));
        Assert.Equal(["2025", "2024"], ReportDue.OwedPeriods(Kind("hunan", "finalReport"), today).Select(p => p.Key));
    }

    [Fact]
    public void Every_shipped_profile_asks_for_a_monthly_brief_with_its_source()
    {
        foreach (var key in new[] { "hainan-ledong", "hainan-qiongzhong", "hunan", "shenmu", "wenzhou" })
        {
            var brief = Kind(key, "monthlyBrief");
            Assert.Equal(ReportWriter.Station, brief.Writer);
            Assert.False(string.IsNullOrWhiteSpace(brief.Source));
            Assert.Contains("平台默认", brief.DueSource);
        }
    }
}
