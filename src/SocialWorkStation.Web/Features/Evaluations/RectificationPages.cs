using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>One rectification item: what to fix, the history, the evidence files; the station head's report, the bureau's re-check.</summary>
public sealed class RectificationModel(AppDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock) : RecordPageModel(db, store, options, clock)
{
    protected override string OwnerType => Rectifications.OwnerType;
    public RectificationDto Item { get; private set; } = null!;
    public AttachmentsPanel Attachments { get; private set; } = null!;

    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? ReportText { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct);

    public Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct) =>
        Act(id, Permissions.RectificationsReport, () => Rectifications.Report(Db, Clock, User, id, new RectificationReportInput(Version, ReportText), ct), "已报告整改情况，等待复核。", ct);

    public Task<IActionResult> OnPostPassAsync(Guid id, CancellationToken ct) =>
        Act(id, Permissions.EvaluationsManage, () => Rectifications.Review(Db, Clock, User, id, new RectificationReviewInput(Version, true, Comment), ct), "复核合格，整改事项已关闭。", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        Act(id, Permissions.EvaluationsManage, () => Rectifications.Review(Db, Clock, User, id, new RectificationReviewInput(Version, false, Comment), ct), "已退回，整改事项仍待整改。", ct);

    private async Task<IActionResult> Act(Guid id, string permission, Func<Task<RectificationDto>> action, string done, CancellationToken ct)
    {
        if (!User.Can(permission))
        {
            return Forbid();
        }
        try
        {
            await action();
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        catch (RequestValidationException ex)
        {
            ModelState.AddModelError("", string.Join("；", ex.Errors.SelectMany(e => e.Value)));
        }
        catch (Exception ex) when (ex is BusinessRuleException or ConflictException)
        {
            ModelState.AddModelError("", ex.Message);
        }
        Db.ChangeTracker.Clear();
        await Load(id, ct);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Item = await Rectifications.Get(Db, Clock, User, id, ct);
        Attachments = Panel(id, Item.Attachments, "整改佐证材料") with { CanWrite = User.Can(Permissions.RectificationsReport) && Item.Status != "closed" };
    }
}

/// <summary>Rectification items in the caller's scope, open ones first by due date; overdue ones marked.</summary>
public sealed class RectificationsModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    public IReadOnlyList<RectificationDto> Items { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await Rectifications.List(db, clock, User, null, Overdue ? true : null, ct);
}
