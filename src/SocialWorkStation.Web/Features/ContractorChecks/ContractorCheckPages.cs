using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.ContractorChecks;

public static class CheckChoices
{
    /// <summary>The township stations one may record a check for or filter by; empty for a station-scoped user (their station is implied).</summary>
    public static async Task<IReadOnlyList<StationDto>> Stations(AppDbContext db, UserScope scope, CancellationToken ct) =>
        (await RecordChoices.Stations(db, scope, ct)).Where(s => s.Kind == "station").ToList();
}

public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    public const int CoveragePageSize = 50;

    [BindProperty(SupportsGet = true)] public Guid? StationId { get; set; }
    /// <summary>YYYY-MM, as the month input sends it.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Paged<ContractorCheckDto> Result { get; private set; } = new([], 0, 1, 20);
    public Paged<StationCheckCoverageDto>? Coverage { get; private set; }
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    /// <summary>The year the coverage is shown for: the one asked, else the month's, else this year.</summary>
    public int CoverageYear { get; private set; }

    public Dictionary<string, string?> Filters => new()
    {
        ["stationId"] = StationId?.ToString(), ["month"] = Month, ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public PagerModel Pager => PagerModel.For(Result, "/ContractorChecks/Index", Filters);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = User.Scope();
        StationOptions = await CheckChoices.Stations(db, scope, ct);
        CoverageYear = Year ?? (Month is { Length: >= 4 } m && int.TryParse(m[..4], out var y) ? y : ChinaTime.Today(clock).Year);
        try
        {
            Result = await ContractorCheckUseCases.List(db, scope, new ContractorCheckUseCases.Query(StationId, Month, Year), new PageRequest(PageNumber ?? 1, 20), ct);
            Coverage = await ContractorCheckUseCases.Coverage(db, profiles, clock, scope, StationId, CoverageYear, new PageRequest(1, CoveragePageSize), ct);
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "", GetType());
        }
    }
}

public sealed class DetailsModel(AppDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock) : RecordPageModel(db, store, options, clock)
{
    protected override string OwnerType => ContractorCheckUseCases.OwnerType;
    public ContractorCheckDto Check { get; private set; } = null!;
    public AttachmentsPanel Attachments { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Check = await ContractorCheckUseCases.Get(Db, User.Scope(), id, ct);
        Attachments = Panel(id, Check.Attachments);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, int? version, CancellationToken ct)
    {
        if (!User.Can(Permissions.ContractorChecksWrite))
        {
            return Forbid();
        }
        try
        {
            await ContractorCheckUseCases.Delete(Db, Store, Clock, User, id, version, ct);
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException or RequestValidationException)
        {
            TempData["Message"] = ex is ConflictException ? ex.Message : "该检查记录已被他人修改，未删除。请查看最新内容后再决定。";
            return RedirectToPage(new { id });
        }
        TempData["Message"] = "已删除检查记录。";
        return RedirectToPage("/ContractorChecks/Index");
    }
}

[Authorize(Policy = Permissions.ContractorChecksWrite)]
public sealed class EditModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    [BindProperty] public CheckForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public string? StationName { get; private set; }
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    public ConflictView? Conflict { get; private set; }

    /// <summary>A new check may name its station in the address (from a station's row in the coverage table).</summary>
    public async Task OnGetAsync(Guid? id, Guid? stationId, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var check = await ContractorCheckUseCases.Get(db, User.Scope(), existing, ct);
            Input = CheckForm.From(check);
            StationName = check.StationName;
        }
        else
        {
            Input = new CheckForm { StationId = stationId, CheckedOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd"), CheckedBy = User.DisplayName() };
        }
        StationOptions = await CheckChoices.Stations(db, User.Scope(), ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        try
        {
            var saved = id is { } existing
                ? await ContractorCheckUseCases.Update(db, clock, User, existing, Input.ToInput(), ct)
                : await ContractorCheckUseCases.Create(db, clock, User, Input.ToInput(), ct);
            TempData["Message"] = $"已保存{saved.StationName} {saved.CheckedOn} 的检查记录。";
            return RedirectToPage("/ContractorChecks/Details", new { id = saved.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(CheckForm));
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
        {
            db.ChangeTracker.Clear();
            var current = await ContractorCheckUseCases.Get(db, User.Scope(), id!.Value, ct);
            Conflict = StaleSave(Input, CheckForm.From(current), current.Version, CheckForm.Labels, v => Input.Version = v);
        }
        if (id is { } e)
        {
            StationName = (await ContractorCheckUseCases.Get(db, User.Scope(), e, ct)).StationName;
        }
        StationOptions = await CheckChoices.Stations(db, User.Scope(), ct);
        return Page();
    }
}

public sealed class CheckForm
{
    public Guid? StationId { get; set; }
    public string? CheckedOn { get; set; }
    public string? CheckedBy { get; set; }
    public string? Findings { get; set; }
    public string? Guidance { get; set; }
    public string? FollowUp { get; set; }
    public int? Version { get; set; }

    public static readonly IReadOnlyList<(string, string)> Labels =
    [
        (nameof(CheckedOn), "检查日期"), (nameof(CheckedBy), "检查人"), (nameof(Findings), "检查内容与发现"),
        (nameof(Guidance), "指导意见"), (nameof(FollowUp), "跟进事项"),
    ];

    public ContractorCheckInput ToInput() => new(StationId, CheckedOn, CheckedBy, Findings, Guidance, FollowUp, Version);

    public static CheckForm From(ContractorCheckDto c) => new()
    {
        StationId = c.StationId, CheckedOn = c.CheckedOn, CheckedBy = c.CheckedBy, Findings = c.Findings, Guidance = c.Guidance, FollowUp = c.FollowUp, Version = c.Version,
    };
}
