using SocialWorkStation.Domain.Calendar;

namespace SocialWorkStation.Domain.Tests.Calendar;

/// <summary>
/// Expected days worked out by hand from the State Council General Office's notices for 2025 and 2026
/// (国办发明电〔2024〕12号, 〔2025〕7号): Spring Festival 2026 is 15–23 February with 14 and 28 February
/// worked; National Day and Mid-Autumn 2026 are 1–7 October with 20 September and 10 October worked.
/// </summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar China = WorkingCalendar.China;

    [Theory]
    [InlineData("2026-02-14", true)]  // Saturday, a make-up working day
    [InlineData("2026-02-16", false)] // Monday inside the Spring Festival
    [InlineData("2026-02-24", true)]  // the first Tuesday after it
    [InlineData("2026-02-21", false)] // Saturday inside the holiday
    [InlineData("2026-03-07", false)] // an ordinary Saturday
    [InlineData("2026-10-10", true)]  // Saturday, a make-up working day
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-08", true)]
    public void A_day_is_a_working_day_as_the_notice_says(string day, bool working) =>
        Assert.Equal(working, China.IsWorkingDay(DateOnly.Parse(day)));

    [Fact]
    public void Fifteen_working_days_across_the_Spring_Festival_end_on_the_fifteenth_with_the_make_up_days_counted()
    {
        // Signed Tuesday 10 February 2026: 11, 12, 13, 14 (worked Saturday), then 24–28 (28 worked), 2–6 and 9 March.
        var due = China.AddWorkingDays(new DateOnly(2026, 2, 10), 15);
        Assert.Equal(new DateOnly(2026, 3, 9), due.Date);
        Assert.False(due.Estimated);
        Assert.Equal(15, China.WorkingDaysBetween(new DateOnly(2026, 2, 10), due.Date));
        Assert.Equal(16, China.WorkingDaysBetween(new DateOnly(2026, 2, 10), due.Date.AddDays(1)));
    }

    [Fact]
    public void Counting_starts_the_day_after_the_event_even_when_the_event_is_on_a_working_day()
    {
        Assert.Equal(new DateOnly(2026, 3, 10), China.AddWorkingDays(new DateOnly(2026, 3, 9), 1).Date);
        // An event on Friday: the first working day is Monday.
        Assert.Equal(new DateOnly(2026, 3, 16), China.AddWorkingDays(new DateOnly(2026, 3, 13), 1).Date);
    }

    [Fact]
    public void National_Day_holidays_are_skipped_and_the_Saturday_make_up_day_counts()
    {
        // Monday 28 September 2026: 29, 30 September, then 8, 9, 10 (worked Saturday) October.
        Assert.Equal(new DateOnly(2026, 10, 10), China.AddWorkingDays(new DateOnly(2026, 9, 28), 5).Date);
        Assert.Equal(new DateOnly(2026, 10, 12), China.AddWorkingDays(new DateOnly(2026, 9, 28), 6).Date);
    }

    [Fact]
    public void A_due_day_on_a_holiday_moves_to_the_next_working_day()
    {
        Assert.Equal(new DateOnly(2026, 10, 8), China.OnOrNextWorkingDay(new DateOnly(2026, 10, 5)).Date);
        Assert.Equal(new DateOnly(2026, 10, 9), China.OnOrNextWorkingDay(new DateOnly(2026, 10, 9)).Date);
    }

    [Fact]
    public void A_year_without_a_loaded_notice_is_counted_Monday_to_Friday_and_says_so()
    {
        var year = Enumerable.Range(2000, 200).First(y => y > China.Years.Max());
        var due = China.AddWorkingDays(new DateOnly(year - 1, 12, 28), 10);
        Assert.True(due.Estimated);
        Assert.Contains("尚未载入", due.Note);
        Assert.False(China.AddWorkingDays(new DateOnly(2026, 3, 2), 3).Estimated);
    }

    [Fact]
    public void The_shipped_data_covers_every_year_from_2004_to_2026()
    {
        for (var year = 2004; year <= 2026; year++)
        {
            Assert.True(China.Covers(year), $"{year}");
        }
    }

    [Fact]
    public void A_malformed_line_is_refused_with_its_line_number()
    {
        var ex = Assert.Throws<FormatException>(() => WorkingCalendar.Parse(new StringReader("year\t2030\n2030-13-01\tholiday\tX\n")));
        Assert.Contains("第2行", ex.Message);
    }
}
