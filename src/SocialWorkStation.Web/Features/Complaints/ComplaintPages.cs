using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Complaints;

[Authorize(Policy = Permissions.ComplaintsRead)]
public sealed class IndexModel(AppDbContext db, RecipientProtector protector, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Paged<ComplaintDto> Result { get; private set; } = new([], 0, 1, 20);
    public PagerModel Pager => PagerModel.For(Result, "/Complaints/Index", new Dictionary<string, string?> { ["status"] = Status });

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Status is not (null or "" or "open" or "overdue" or "answered")) Status = null;
        Result = await ComplaintUseCases.List(db, protector, clock, User, null, Status, new PageRequest(PageNumber ?? 1, 20), ct);
    }
}

[Authorize(Policy = Permissions.ComplaintsRead)]
public sealed class DetailsModel(AppDbContext db, RecipientProtector protector, TimeProvider clock) : AppPageModel
{
    public ComplaintDto Complaint { get; private set; } = null!;
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? Satisfaction { get; set; }
    [BindProperty] public int? Version { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Complaint = await ComplaintUseCases.Get(db, protector, clock, User, id, ct);
        Answer = Complaint.Answer;
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct) =>
        Save(id, "已保存答复。", () => ComplaintUseCases.AnswerIt(db, protector, clock, User, id, new AnswerInput(Answer, Version), ct), nameof(Answer), ct);

    public Task<IActionResult> OnPostSatisfactionAsync(Guid id, CancellationToken ct) =>
        Save(id, "已记录满意度。", () => ComplaintUseCases.Rate(db, protector, clock, User, id, new SatisfactionInput(Satisfaction, Version), ct), nameof(Satisfaction), ct);

    private async Task<IActionResult> Save(Guid id, string done, Func<Task<ComplaintDto>> save, string field, CancellationToken ct)
    {
        if (!User.Can(Permissions.ComplaintsHandle)) return Forbid();
        try
        {
            await save();
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        catch (RequestValidationException ex)
        {
            foreach (var m in ex.Errors.Values.SelectMany(v => v)) ModelState.AddModelError(field, m);
        }
        catch (BusinessRuleException ex)
        {
            ModelState.AddModelError(field, ex.Message);
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "该投诉建议已被他人修改，请查看最新内容后再保存。");
        }
        Complaint = await ComplaintUseCases.Get(db, protector, clock, User, id, ct);
        return Page();
    }
}

public sealed class ComplaintEntryForm
{
    public Guid? StationId { get; set; }
    public string? Kind { get; set; } = "complaint";
    public string? Channel { get; set; } = "phone";
    public string? Text { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? ReceivedOn { get; set; }
}

[Authorize(Policy = Permissions.ComplaintsHandle)]
public sealed class CreateModel(AppDbContext db, RecipientProtector protector, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty] public ComplaintEntryForm Input { get; set; } = new();
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.ReceivedOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd");
        StationOptions = await RecordChoices.Stations(db, User.Scope(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var dto = await ComplaintUseCases.Enter(db, protector, profiles, clock, User,
                new StaffComplaintInput(Input.StationId, Input.Kind, Input.Channel, Input.Text, Input.Name, Input.Phone, Input.ReceivedOn), ct);
            TempData["Message"] = $"已登记。请告知来电（来信）人查询码：{dto.TrackingNumber}（只显示这一次）";
            return RedirectToPage("/Complaints/Details", new { id = dto.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(ComplaintEntryForm));
        }
        StationOptions = await RecordChoices.Stations(db, User.Scope(), ct);
        return Page();
    }
}
