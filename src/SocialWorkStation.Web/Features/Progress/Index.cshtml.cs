using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Domain.Progress;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Progress;

/// <summary>The standards dashboard: any scope, any period, drill-down from province to worker, Excel export.</summary>
public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, AuditLog audit) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? StationId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? WorkerId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public ProgressReportDto? Report { get; private set; }
    public int Year { get; private set; }

    /// <summary>The numbers the charts draw, embedded as JSON (no inline script: wwwroot/js/progress-charts.js reads it).</summary>
    public string ChartJson => Report is null ? "{}" : JsonSerializer.Serialize(new
    {
        standards = Report.Standards.Select(s => new { s.Label, share = s.Share, expected = s.ExpectedShare, s.Status }),
        trend = new
        {
            months = Report.Trend.Select(t => $"{t.Month % 100}月"),
            series = Report.Trend.FirstOrDefault()?.Done.Keys
                .Where(k => Report.Standards.Any(s => s.Key == k))
                .Select(k => new { name = StandardCatalog.Find(k)?.Label ?? k, data = Report.Trend.Select(t => t.Done[k]) }) ?? [],
        },
        ranking = Report.Children
            .Select(c => new { c.Name, share = c.Standards.Count == 0 ? 0 : c.Standards.Average(s => Math.Min(1m, s.Share)), c.Status })
            .OrderBy(c => c.share),
    }, JsonSerializerOptions.Web);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Report = await GetProgress.Handle(db, profiles, clock, User.Scope(), Query, ct);
            Year = int.Parse(Report.Period[..4], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (RequestValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var m in messages)
                {
                    ModelState.AddModelError(field, m);
                }
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var (content, name) = await ExportProgress.Handle(db, profiles, clock, audit, User.Scope(), Query, ct);
        return File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private GetProgress.Query Query => new(Region, StationId, WorkerId, Period);

    /// <summary>The same scope with another period (the period picker's links).</summary>
    public Dictionary<string, string> Route(string? period = null) => new()
    {
        ["region"] = Region ?? "", ["stationId"] = StationId?.ToString() ?? "", ["workerId"] = WorkerId?.ToString() ?? "", ["period"] = period ?? Period ?? "",
    };

    public static StatusKind Kind(string status) => status switch
    {
        "met" => StatusKind.Ok,
        "onTrack" => StatusKind.Normal,
        "behind" => StatusKind.Behind,
        _ => StatusKind.Severe,
    };
}
