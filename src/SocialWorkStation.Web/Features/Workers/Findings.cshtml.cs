using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>
/// Every staffing finding of the stations a user may see (a county for a bureau), filterable by rule, severity and
/// result, exportable to Excel; the same handler as GET /api/v1/workers/findings.
/// </summary>
public sealed class FindingsModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, AuditLog audit) : AppPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public string? Severity { get; set; }
    /// <summary>"failed" (default), "passed" or "all".</summary>
    [BindProperty(SupportsGet = true)] public string? Result { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Station { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public StaffFindingsPage? Findings { get; private set; }
    public IReadOnlyList<StationDto> Stations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Stations = await IndexModel.StationOptions(db, User.Scope(), ct);
        if (Query() is { } query)
        {
            try
            {
                Findings = await StaffFindings.Handle(db, profiles, User.Scope(), query, PageRequest.From(PageNumber is < 1 ? 1 : PageNumber, PageSize), ct);
            }
            catch (RequestValidationException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                {
                    foreach (var m in messages) ModelState.AddModelError(field == "rule" ? nameof(Rule) : field == "severity" ? nameof(Severity) : "", m);
                }
            }
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (Query() is not { } query)
        {
            await OnGetAsync(ct);
            return Page();
        }
        var bytes = await StaffFindings.Export(db, profiles, audit, User.Scope(), query, ct);
        return File(bytes, WorkerEndpoints.XlsxType, $"人员检查结果-{query.Date:yyyyMMdd}.xlsx");
    }

    private StaffFindings.Query? Query()
    {
        var date = ChinaTime.Today(clock);
        if (!string.IsNullOrWhiteSpace(Date) && !DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            ModelState.AddModelError(nameof(Date), "日期格式应为 YYYY-MM-DD");
            return null;
        }
        Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        bool? passed = Result switch { "all" => null, "passed" => true, _ => false };
        return new StaffFindings.Query(date, string.IsNullOrEmpty(Rule) ? null : Rule, string.IsNullOrEmpty(Severity) ? null : Severity, passed, Station);
    }

    public IDictionary<string, string> Filters() => new Dictionary<string, string?>
    {
        ["date"] = Date, ["rule"] = Rule, ["severity"] = Severity, ["result"] = Result, ["station"] = Station?.ToString(),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!);

    public PagerModel Pager => new(Findings?.Page ?? 1, Findings?.PageCount ?? 1, Findings?.Total ?? 0, "/Workers/Findings",
        Filters().ToDictionary(kv => kv.Key, kv => (string?)kv.Value));
}
