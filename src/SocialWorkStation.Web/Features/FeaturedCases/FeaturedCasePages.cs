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

namespace SocialWorkStation.Web.Features.FeaturedCases;

public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Paged<FeaturedCaseDto> Result { get; private set; } = new([], 0, 1, 20);
    public ProgressDto? Progress { get; private set; }
    public PagerModel Pager => PagerModel.For(Result, "/FeaturedCases/Index", new Dictionary<string, string?> { ["q"] = Q });

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await FeaturedCaseUseCases.List(db, User.Scope(), null, null, Q, new PageRequest(PageNumber ?? 1, 20), ct);
        if (User.Scope().Kind == ScopeKind.Station)
        {
            Progress = await FeaturedCaseUseCases.Progress(db, profiles, clock, User.Scope(), null, null, ct);
        }
    }
}

public sealed class DetailsModel(AppDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock) : RecordPageModel(db, store, options, clock)
{
    protected override string OwnerType => FeaturedCaseUseCases.OwnerType;
    public FeaturedCaseDto Case { get; private set; } = null!;
    public AttachmentsPanel Attachments { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Case = await FeaturedCaseUseCases.Get(Db, User.Scope(), id, ct);
        Attachments = Panel(id, Case.Attachments);
    }

    /// <summary>The bureau approves the text it read for the station's public page, or withdraws it (docs/requirements/public.md §1).</summary>
    public async Task<IActionResult> OnPostPublishAsync(Guid id, int? version, bool publish, CancellationToken ct)
    {
        if (!User.Can(Permissions.PublicApprove)) return Forbid();
        try
        {
            await Public.DisclosureUseCases.Publish(Db, Clock, User, id, new Public.PublishInput(version), publish, ct);
            TempData["Message"] = publish ? "已同意公开，案例显示在站点公开页面上。" : "已撤回公开。";
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException)
        {
            TempData["Message"] = "案例已被修改，请阅读最新内容后再决定是否公开。";
        }
        return RedirectToPage(new { id });
    }
}

[Authorize(Policy = Permissions.ServicesRecord)]
public sealed class EditModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    [BindProperty] public CaseForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    public ConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Input = id is { } e ? CaseForm.From(await FeaturedCaseUseCases.Get(db, User.Scope(), e, ct)) : new CaseForm { WrittenOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd"), Authors = User.DisplayName() };
        StationOptions = await RecordChoices.Stations(db, User.Scope(), ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        try
        {
            var saved = id is { } e ? await FeaturedCaseUseCases.Update(db, clock, User, e, Input.ToInput(), ct) : await FeaturedCaseUseCases.Create(db, clock, User, Input.ToInput(), ct);
            TempData["Message"] = $"已保存案例“{saved.Title}”。";
            return RedirectToPage("/FeaturedCases/Details", new { id = saved.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(CaseForm));
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
        {
            db.ChangeTracker.Clear();
            var current = await FeaturedCaseUseCases.Get(db, User.Scope(), id!.Value, ct);
            Conflict = StaleSave(Input, CaseForm.From(current), current.Version, CaseForm.Labels, v => Input.Version = v);
        }
        StationOptions = await RecordChoices.Stations(db, User.Scope(), ct);
        return Page();
    }
}

public sealed class CaseForm
{
    public Guid? StationId { get; set; }
    public string? Title { get; set; }
    public string? Domain { get; set; }
    public string? WrittenOn { get; set; }
    public string? Authors { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public int? Version { get; set; }

    public static readonly IReadOnlyList<(string, string)> Labels =
    [
        (nameof(Title), "标题"), (nameof(Domain), "服务领域"), (nameof(WrittenOn), "成稿日期"), (nameof(Authors), "撰写人"),
        (nameof(Summary), "摘要"), (nameof(Body), "正文"),
    ];

    public FeaturedCaseInput ToInput() => new(StationId, Title, string.IsNullOrEmpty(Domain) ? null : Domain, WrittenOn, Authors, Summary, Body, Version);

    public static CaseForm From(FeaturedCaseDto c) => new()
    {
        StationId = c.StationId, Title = c.Title, Domain = c.Domain, WrittenOn = c.WrittenOn, Authors = c.Authors, Summary = c.Summary, Body = c.Body, Version = c.Version,
    };
}
