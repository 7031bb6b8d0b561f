namespace SocialWorkStation.Domain.Reports;

/// <summary>Who writes a report (docs/requirements/reports.md): a station (or its contractor), a county bureau or a city bureau.</summary>
public enum ReportWriter
{
    Station,
    County,
    City,
}

/// <summary>How the periods of a kind are cut: months, quarters, halves, the first half only (mid-term), or whole years.</summary>
public enum ReportFrequency
{
    Monthly,
    Quarterly,
    HalfYearly,
    FirstHalf,
    Yearly,
}

/// <summary>
/// When a report is due. Either a number of days after its period ends ("次月5日前": 5 days after the month's last day;
/// "季度结束后10日内": 10 days) or a fixed day of the period's year ("11月底前": 30 November, inclusive).
/// </summary>
public sealed record DueRule
{
    /// <summary>Days after the period's last day; the due day itself is on time (Civil Code art. 201).</summary>
    public int? DaysAfterPeriodEnd { get; init; }
    /// <summary>A fixed month and day in the period's year (e.g. 11-30); the day itself is on time.</summary>
    public int? FixedMonth { get; init; }
    public int? FixedDay { get; init; }
    /// <summary>Whether a due day that is not a working day moves to the next working day.</summary>
    public bool MovesToWorkingDay { get; init; }
    /// <summary>How many days earlier (negative) or later a county may set the due day; 0/0 when it may not adjust.</summary>
    public int AdjustEarliest { get; init; }
    public int AdjustLatest { get; init; }

    public bool IsValid =>
        (DaysAfterPeriodEnd is > 0 and <= 366) != (FixedMonth is not null)
        && (FixedMonth is null || (FixedMonth is >= 1 and <= 12 && FixedDay is >= 1 && FixedDay <= DateTime.DaysInMonth(2001, FixedMonth.Value)))
        && AdjustEarliest <= 0 && AdjustLatest >= 0;

    /// <summary>The rule in words: "期末后5日内（次月5日前）".</summary>
    public string Describe() => FixedMonth is { } m
        ? $"每年{m}月{FixedDay}日前（含当日）"
        : $"期间结束后{DaysAfterPeriodEnd}日内（含第{DaysAfterPeriodEnd}日）";
}

/// <summary>
/// One kind of report a profile asks for (docs/requirements/domain.md section 7): its name, who writes it, to whom, how often,
/// when it is due and which sections its draft holds. Profile data with its source clause; where the
/// document is silent the interpretation says what the platform chose (平台默认).
/// </summary>
public sealed record ReportKindRule
{
    /// <summary>Stable key used by the API: monthlyBrief, midTermReport, finalReport, countyQuarterly, cityHalfYearly, selfEvaluation, evaluationSummary.</summary>
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required ReportWriter Writer { get; init; }
    /// <summary>To whom it goes, in words: ["县民政局", "镇政府"].</summary>
    public required string[] Receivers { get; init; }
    public required ReportFrequency Frequency { get; init; }
    public required DueRule Due { get; init; }
    /// <summary>Section keys in order (see docs/requirements/reports.md); narrative keys are written by the author.</summary>
    public required string[] Sections { get; init; }
    /// <summary>The kind whose filed reports below this writer the draft rolls up (county quarterly: monthlyBrief; city half-yearly: countyQuarterly).</summary>
    public string? RollsUp { get; init; }
    public required string Source { get; init; }
    public string? DueSource { get; init; }
    public string? Interpretation { get; init; }
}

/// <summary>The reports a profile asks for; absent when the document names none.</summary>
public sealed record ReportRules
{
    public required ReportKindRule[] Kinds { get; init; }

    public ReportKindRule? Find(string key) => Kinds.FirstOrDefault(k => k.Key == key);
}
