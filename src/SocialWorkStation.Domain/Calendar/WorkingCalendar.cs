using System.Globalization;
using System.Reflection;

namespace SocialWorkStation.Domain.Calendar;

/// <summary>A day's place in China's working calendar, and whether the year's holiday notice was loaded.</summary>
public sealed record WorkingDate(DateOnly Date, bool Estimated)
{
    /// <summary>Shown beside a deadline computed through a year whose notice the platform does not hold yet.</summary>
    public string? Note => Estimated
        ? $"{Date.Year}年节假日安排尚未载入，按周一至周五估算（平台解释）"
        : null;
}

/// <summary>
/// China's working days: Monday to Friday, minus the statutory holidays and plus the make-up working
/// days (调休) the State Council's General Office announces each year (docs/requirements/working-days.md).
/// The days come as data (china-holidays.txt, generated from the npm package chinese-days); a year not in
/// the data is counted Monday to Friday and every answer that passed through it says it is an estimate.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, bool> exceptions; // true: a make-up working day; false: a holiday
    private readonly HashSet<int> years;

    public WorkingCalendar(IEnumerable<(DateOnly Date, bool IsWorkingDay)> exceptions, IEnumerable<int> years)
    {
        this.exceptions = exceptions.ToDictionary(e => e.Date, e => e.IsWorkingDay);
        this.years = years.ToHashSet();
    }

    /// <summary>The calendar shipped with the platform.</summary>
    public static WorkingCalendar China { get; } = Load();

    public IReadOnlyCollection<int> Years => years;

    public bool Covers(int year) => years.Contains(year);

    /// <summary>A working day: a make-up day always is, a holiday never is, otherwise Monday to Friday.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        exceptions.TryGetValue(day, out var working)
            ? working
            : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The last day of "N个工作日内" after an event (docs/requirements/domain.md §10): counting starts on the first working
    /// day after the event day, and the Nth working day is still inside the period.
    /// </summary>
    public WorkingDate AddWorkingDays(DateOnly eventDay, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = eventDay;
        var estimated = false;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            estimated |= !Covers(day.Year);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }
        return new WorkingDate(day, estimated);
    }

    /// <summary>A due day that falls on a rest day or holiday moves to the next working day (when the profile says it moves).</summary>
    public WorkingDate OnOrNextWorkingDay(DateOnly day)
    {
        var estimated = !Covers(day.Year);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
            estimated |= !Covers(day.Year);
        }
        return new WorkingDate(day, estimated);
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Reads the shipped data: "year YYYY" lines name the covered years, then "date kind festival" lines.</summary>
    public static WorkingCalendar Parse(TextReader reader)
    {
        var exceptions = new List<(DateOnly, bool)>();
        var years = new List<int>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split('\t');
            if (parts[0] == "year" && parts.Length >= 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var year))
            {
                years.Add(year);
                continue;
            }
            if (parts.Length < 2
                || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || parts[1] is not ("holiday" or "workday"))
            {
                throw new FormatException($"节假日数据第{lineNumber}行格式不正确：{line}");
            }
            exceptions.Add((date, parts[1] == "workday"));
        }
        return new WorkingCalendar(exceptions, years);
    }

    private static WorkingCalendar Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("china-holidays.txt")
            ?? throw new InvalidOperationException("china-holidays.txt is not embedded");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
