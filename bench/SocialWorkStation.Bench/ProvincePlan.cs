using System.Globalization;
using SocialWorkStation.Domain.Staff;

/// <summary>The province generator's options (docs/benchmarks.md, issue 6).</summary>
internal sealed record ProvinceOptions(
    string Connection, string Database, string Province, string Profile, int Stations, int Workers, int Recipients, long Records, DateOnly AsOf,
    int Seed, bool Reuse, bool Bench, int Iterations, int Warmup, int Port)
{
    public static ProvinceOptions Parse(string[] a)
    {
        string? Get(string name) => a.SkipWhile(x => x != "--" + name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var o = new ProvinceOptions(
            Get("connection") ?? "Host=127.0.0.1;Port=5433;Username=postgres",
            Get("database") ?? "sws_bench_province",
            Get("region") ?? "43",
            Get("profile") ?? "hainan-qiongzhong",
            Int("stations", 2000),
            Int("workers", 10_000),
            Int("recipients", 1_000_000),
            Get("records") is { } r ? long.Parse(r, CultureInfo.InvariantCulture) : 10_000_000,
            Get("as-of") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : new DateOnly(2026, 11, 25),
            Int("seed", 2026),
            a.Contains("--reuse"),
            !a.Contains("--no-bench"),
            Int("iterations", 50),
            Int("warmup", 5),
            Int("port", 5597));
        if (!o.Database.StartsWith("sws_bench", StringComparison.Ordinal))
        {
            throw new ArgumentException("--database must start with sws_bench (the generator drops and recreates it)");
        }
        if (o.Workers < 3 * o.Stations || o.Workers > 8 * o.Stations)
        {
            throw new ArgumentException($"--workers must lie between 3 and 8 per station ({3 * o.Stations}–{8 * o.Stations})");
        }
        if (o.Province.Length != 2)
        {
            throw new ArgumentException("--region is a two-digit province code (43: Hunan)");
        }
        return o;
    }

    public int Year => AsOf.Year;

    /// <summary>Written as the database comment when a load completes; --reuse skips the load when it matches.</summary>
    public string Marker => string.Create(CultureInfo.InvariantCulture,
        $"sws province generator v2 complete (with progress aggregates): province={Province} profile={Profile} stations={Stations} workers={Workers} recipients={Recipients} records={Records} asOf={AsOf:yyyy-MM-dd} seed={Seed}");
}

/// <summary>How a station keeps up with the year's standards; decides the rates the generator uses for it.</summary>
internal enum PaceClass { OnPace, Behind, FarBehind }

/// <summary>
/// The working calendar of the year: each day weighted by how much station work happens on it (weekdays 1,
/// weekends little, public holidays almost nothing, a quieter Spring Festival month, a busier year end), so
/// records fall on plausible days and some months are quieter. The 2026 holidays are the State Council's
/// arrangement as announced (used only to shape the load; other years get weekends only).
/// </summary>
internal sealed class Calendar
{
    private readonly double[] _cum;

    public DateOnly YearStart { get; }
    public DateOnly YearEnd { get; }
    public DateOnly AsOf { get; }

    public Calendar(DateOnly asOf)
    {
        AsOf = asOf;
        YearStart = new DateOnly(asOf.Year, 1, 1);
        YearEnd = new DateOnly(asOf.Year, 12, 31);
        var days = YearEnd.DayNumber - YearStart.DayNumber + 1;
        _cum = new double[days + 1];
        for (var i = 0; i < days; i++)
        {
            _cum[i + 1] = _cum[i] + Weight(YearStart.AddDays(i));
        }
    }

    private static readonly (int Month, int From, int To)[] Holidays2026 =
        [(1, 1, 3), (2, 15, 23), (4, 4, 6), (5, 1, 5), (6, 19, 21), (9, 25, 27), (10, 1, 7)];
    private static readonly (int Month, int Day)[] MakeUpWorkdays2026 = [(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)];

    public static double Weight(DateOnly d)
    {
        var holiday = d.Year == 2026 && Holidays2026.Any(h => h.Month == d.Month && d.Day >= h.From && d.Day <= h.To);
        var makeUp = d.Year == 2026 && MakeUpWorkdays2026.Contains((d.Month, d.Day));
        var w = holiday ? 0.05 : makeUp ? 1.0 : d.DayOfWeek switch
        {
            DayOfWeek.Saturday => 0.2,
            DayOfWeek.Sunday => 0.1,
            _ => 1.0,
        };
        // Around the Spring Festival (15–23 February 2026) many people are away: the weeks before and after are quieter.
        if (d.Month == 2 && d.Day is >= 9 and <= 14 or >= 24)
        {
            w *= 0.6;
        }
        w *= d.Month switch
        {
            7 or 8 => 0.9, // summer
            11 or 12 => 1.1, // the year-end push before the final evaluation
            _ => 1.0,
        };
        return w;
    }

    private int Index(DateOnly d) => Math.Clamp(d.DayNumber - YearStart.DayNumber, 0, _cum.Length - 2);

    /// <summary>The share of the whole year's work that falls on the days from..to (both included).</summary>
    public double Share(DateOnly from, DateOnly to)
    {
        if (from < YearStart) from = YearStart;
        if (to > YearEnd) to = YearEnd;
        return to < from ? 0 : (_cum[Index(to) + 1] - _cum[Index(from)]) / _cum[^1];
    }

    /// <summary>A day from..to (both included), drawn by the day weights.</summary>
    public DateOnly Sample(Random r, DateOnly from, DateOnly to)
    {
        if (from < YearStart) from = YearStart;
        if (to > YearEnd) to = YearEnd;
        if (to <= from)
        {
            return from;
        }
        var lo = _cum[Index(from)];
        var hi = _cum[Index(to) + 1];
        var u = lo + r.NextDouble() * (hi - lo);
        int a = Index(from), b = Index(to);
        while (a < b)
        {
            var m = (a + b) / 2;
            if (_cum[m + 1] > u) b = m; else a = m + 1;
        }
        return YearStart.AddDays(a);
    }

    /// <summary>A uniform day from..to (both included), for dates outside the year (earlier hires, registrations).</summary>
    public static DateOnly Uniform(Random r, DateOnly from, DateOnly to) => to <= from ? from : from.AddDays(r.Next(0, to.DayNumber - from.DayNumber + 1));

    /// <summary>An instant on <paramref name="day"/> between 08:30 and 21:00 China time, as UTC.</summary>
    public static DateTime At(DateOnly day, Random r) =>
        new DateTime(day.Year, day.Month, day.Day, 0, 30, 0, DateTimeKind.Utc).AddMinutes(r.Next(0, 750)).AddSeconds(r.Next(0, 60));
}

internal sealed class WorkerPlan
{
    public required Guid Id { get; init; }
    public required int Station { get; init; }
    public required string Name { get; init; }
    public required WorkerRole Role { get; init; }
    public required DateOnly Hire { get; init; }
    public DateOnly? Left { get; init; }
    /// <summary>Home visits a year at this worker's pace (before the share of the year they worked).</summary>
    public double HomeRate { get; set; }
    /// <summary>Relative weight of phone greetings (the bulk of the records).</summary>
    public double PhoneWeight { get; set; }
    /// <summary>One of the workers of a far-behind station who visits at a third of the rate.</summary>
    public bool Slow { get; set; }
    public int HomeVisits { get; set; }
    public int PhoneGreetings { get; set; }

    public bool ActiveOn(DateOnly d) => Hire <= d && (Left is null || d < Left);

    /// <summary>The first and last day of the year (up to the as-of day) this worker worked.</summary>
    public (DateOnly From, DateOnly To) Window(Calendar c)
    {
        var from = Hire > c.YearStart ? Hire : c.YearStart;
        var to = Left is { } l && l.AddDays(-1) < c.AsOf ? l.AddDays(-1) : c.AsOf;
        return (from, to);
    }
}

internal sealed class StationPlan
{
    public required int Index { get; init; }
    public required Guid Id { get; init; }
    public required string RegionCode { get; init; }
    public required string CountyCode { get; init; }
    public required string Name { get; init; }
    public required string Township { get; init; }
    public required PaceClass Class { get; init; }
    public Guid ContractorId { get; set; }
    /// <summary>The contractor's project manager who checks the station.</summary>
    public string Manager { get; set; } = "";
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public List<WorkerPlan> Workers { get; } = [];

    // Recipients of the station by position (recipient n of the load is at station n mod S, position n / S).
    public Guid[] RecipientIds { get; set; } = [];
    public int[] RecipientRegistered { get; set; } = [];
    public int[] RecipientWorker { get; set; } = [];
    /// <summary>Positions of the recipients each worker is responsible for (index of <see cref="Workers"/>).</summary>
    public List<int>[] Caseloads { get; set; } = [];
    /// <summary>Positions of the recipients registered before the year (always visitable).</summary>
    public List<int> Earlier { get; } = [];

    // What was generated, for the generator's own tally of the spread.
    public int CasesOpened;
    public int CasesServed;
    public int GroupsComplete;
    public int ActivitiesCounted;
    public int PublicityCounted;
    public int AdvocacyCounted;
    public int NewVolunteers;
    public int ActiveTeams;
    public int FeaturedCases;
    public int MonthsChecked;
    public int NewRecipients;

    public List<WorkerPlan> ActiveAt(DateOnly d) => Workers.Where(w => w.ActiveOn(d)).ToList();
}
