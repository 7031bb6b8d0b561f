using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>One report: its drafted or frozen content, the narrative the author writes, and the workflow's buttons.</summary>
public sealed class DetailsModel(AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock) : AppPageModel
{
    public ReportDto Report { get; private set; } = null!;

    [BindProperty] public string? Highlights { get; set; }
    [BindProperty] public string? Problems { get; set; }
    [BindProperty] public string? NextPlan { get; set; }
    [BindProperty] public string? Comments { get; set; }
    [BindProperty] public int? Version { get; set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Notice = done switch
        {
            "saved" => "已保存。",
            "submitted" => "已报送，等待接收单位审核。",
            "returned" => "已退回，撰写单位修改后可重新报送。",
            "accepted" => "已接收，报告已锁定。",
            _ => null,
        };
        await Load(id, ct);
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct) =>
        Run(id, "saved", () => SaveReportText.Handle(db, profiles, drafts, clock, User, id, new ReportTextInput(Highlights, Problems, NextPlan, Version), ct), ct);

    /// <summary>保存并报送: saves the narrative, then files the report with its figures frozen.</summary>
    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) =>
        Run(id, "submitted", async () =>
        {
            var saved = await SaveReportText.Handle(db, profiles, drafts, clock, User, id, new ReportTextInput(Highlights, Problems, NextPlan, Version), ct);
            return await SubmitReport.Handle(db, profiles, drafts, clock, User, id, new ReportActionInput(saved.Version, null), ct);
        }, ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        Run(id, "returned", () => ReviewReport.Return(db, profiles, drafts, clock, User, id, new ReportActionInput(Version, Comments), ct), ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        Run(id, "accepted", () => ReviewReport.Accept(db, profiles, drafts, clock, User, id, new ReportActionInput(Version, Comments), ct), ct);

    public async Task<IActionResult> OnPostCorrectAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var next = await CorrectReport.Handle(db, profiles, drafts, clock, User, id, new ReportActionInput(Version, Comments), ct);
            return RedirectToPage("/Reports/Details", new { id = next.Id });
        }
        catch (Exception ex) when (ex is ConflictException or BusinessRuleException)
        {
            ModelState.AddModelError("", ex.Message);
        }
        await Load(id, ct);
        return Page();
    }

    private async Task<IActionResult> Run(Guid id, string done, Func<Task<ReportDto>> action, CancellationToken ct)
    {
        try
        {
            await action();
            return RedirectToPage("/Reports/Details", new { id, done });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "", GetType());
        }
        catch (Exception ex) when (ex is ConflictException or BusinessRuleException)
        {
            ModelState.AddModelError("", ex.Message);
        }
        var typed = (Highlights, Problems, NextPlan, Comments);
        await Load(id, ct);
        (Highlights, Problems, NextPlan, Comments) = typed;
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Report = await GetReport.Handle(db, profiles, drafts, clock, User, id, ct);
        Highlights = Report.Highlights;
        Problems = Report.Problems;
        NextPlan = Report.NextPlan;
        Version = Report.Version;
    }
}
