using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Reports;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Profiles;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>A table of a report: its title, column headings and rows of cells (numbers as invariant text).</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// One section of a drafted report. <see cref="Figures"/> holds its numbers by key ("visits.home": 12), which a
/// higher level's report sums when it rolls up the filed reports below it.
/// </summary>
public sealed record ReportSection(string Key, string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables,
    IReadOnlyDictionary<string, decimal> Figures, bool Narrative = false, bool Pending = false);

/// <summary>Everything a report says: frozen as JSON at submission, rendered to Word and Excel.</summary>
public sealed record ReportContent(string Title, string Writer, string Receivers, string PeriodLabel, string From, string To, string DueOn,
    string AsOf, bool Empty, IReadOnlyList<ReportSection> Sections)
{
    public decimal Figure(string key) => Sections.Sum(s => s.Figures.GetValueOrDefault(key));
}

/// <summary>What a section builder knows: the kind and period, whose report it is, and the platforms it counts.</summary>
public sealed class ReportDraftContext(AppDbContext db, ProfileCatalog profiles, PolicyProfile profile, ReportKindRule kind, ReportPeriod period,
    Guid? stationId, string regionCode, string writerName)
{
    public AppDbContext Db { get; } = db;
    public ProfileCatalog Profiles { get; } = profiles;
    public PolicyProfile Profile { get; } = profile;
    public ReportKindRule Kind { get; } = kind;
    public ReportPeriod Period { get; } = period;
    public Guid? StationId { get; } = stationId;
    public string RegionCode { get; } = regionCode;
    public string WriterName { get; } = writerName;
    public DateOnly From => Period.From;
    public DateOnly To => Period.To;

    /// <summary>"本月", "本季度", "本期": how the text names the period.</summary>
    public string ThisPeriod => Period.Frequency switch
    {
        ReportFrequency.Monthly => "本月",
        ReportFrequency.Quarterly => "本季度",
        _ => "本期",
    };

    /// <summary>The platforms whose records count: the station with its village rooms, or every platform in the region.</summary>
    public IQueryable<Guid> PlatformIds => StationId is { } id
        ? Db.Platforms.Where(p => p.Id == id || p.ParentId == id).Select(p => p.Id)
        : Db.Platforms.Where(p => p.RegionCode.StartsWith(Domain.Regions.RegionScope.Prefix(RegionCode, Domain.Regions.RegionScope.LevelOf(RegionCode)!.Value))).Select(p => p.Id);
}

/// <summary>
/// Builds one section of a draft from the records. Each feature adds its own by registering a builder in DI
/// (services.AddScoped&lt;IReportSection, …&gt;()) under a key the profiles' report kinds list; a key without a
/// builder (funds, evaluation, until issues 10 and 11 register theirs) is drafted as a placeholder that says so.
/// </summary>
public interface IReportSection
{
    string Key { get; }
    string Title { get; }

    Task<ReportSection> BuildAsync(ReportDraftContext ctx, CancellationToken ct);
}

/// <summary>Small helpers shared by the section builders.</summary>
public static class Sections
{
    public static string N(decimal v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A share as ui.md writes it: 67%.</summary>
    public static string Percent(decimal share) => N(Math.Round(share * 100m, 0, MidpointRounding.AwayFromZero)) + "%";

    public static ReportTable Counts(string title, params (string Label, string Unit, decimal Value)[] rows) =>
        new(title, ["项目", "单位", "数量"], rows.Select(r => (IReadOnlyList<string>)[r.Label, r.Unit, N(r.Value)]).ToList());

    public static Dictionary<string, decimal> Figures(string prefix, params (string Key, decimal Value)[] values) =>
        values.ToDictionary(v => prefix + "." + v.Key, v => v.Value);

    public static async Task<int> CountAsync<T>(IQueryable<T> q, CancellationToken ct) => await q.CountAsync(ct);
}
