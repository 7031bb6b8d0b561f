using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>报告报送: what the user owes and by when, who below has not filed, and the reports in scope.</summary>
public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? StationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? RegionCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Paged<ReportListItem> Result { get; private set; } = new([], 0, 1, 20);
    public DeadlinesDto? Deadlines { get; private set; }

    public Dictionary<string, string?> Filters => new()
    {
        ["kind"] = Kind, ["period"] = Period, ["stationId"] = StationId?.ToString(), ["status"] = Status,
    };

    public PagerModel Pager => PagerModel.For(Result, "/Reports/Index", Filters);

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    /// <summary>起草: starts the report (kind, period and writer come from the due list) and opens it.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        try
        {
            var dto = await CreateReport.Handle(db, profiles, drafts, clock, User, new ReportInput(Kind, Period, StationId, StationId is null ? RegionCode : null), ct);
            return RedirectToPage("/Reports/Details", new { id = dto.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "", GetType());
        }
        catch (Exception ex) when (ex is ConflictException or BusinessRuleException)
        {
            ModelState.AddModelError("", ex.Message);
        }
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        var scope = User.Scope();
        Deadlines = await ReportDeadlines.Handle(db, profiles, clock, User, ct);
        try
        {
            Result = await ListReports.Handle(db, profiles, clock, scope, new ListReports.Query(Kind, Period, StationId, null, Status), new PageRequest(PageNumber ?? 1, 20), ct);
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "", GetType());
        }
    }

    public static StatusKind StatusOf(string status, bool overdue) => overdue ? StatusKind.Severe : status switch
    {
        "accepted" => StatusKind.Ok,
        "submitted" => StatusKind.Normal,
        _ => StatusKind.Behind,
    };
}
