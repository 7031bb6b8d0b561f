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

namespace SocialWorkStation.Web.Features.Resources;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>Only what went to this recipient (from the recipient's page).</summary>
    [BindProperty(SupportsGet = true)] public Guid? RecipientId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Paged<ResourceDto> Result { get; private set; } = new([], 0, 1, 20);
    public ResourceSummaryDto? Summary { get; private set; }
    /// <summary>The filtered recipient's name, masked, when they are inside the scope.</summary>
    public string? RecipientName { get; private set; }
    public PagerModel Pager => PagerModel.For(Result, "/Resources/Index",
        new Dictionary<string, string?> { ["q"] = Q, ["kind"] = Kind, ["year"] = Year?.ToString(), ["recipientId"] = RecipientId?.ToString() });

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await ResourceUseCases.List(db, User.Scope(), null, string.IsNullOrEmpty(Kind) ? null : Kind, Year, Q, new PageRequest(PageNumber ?? 1, 20), ct, RecipientId);
        if (RecipientId is { } who)
        {
            var name = await db.Recipients.AsNoTracking().VisibleTo(db, User.Scope()).Where(r => r.Id == who).Select(r => r.Name).FirstOrDefaultAsync(ct);
            RecipientName = name is null ? null : SocialWorkStation.Domain.Names.Masking.Name(name);
        }
        if (User.Scope().Kind == ScopeKind.Station)
        {
            Summary = await ResourceUseCases.Summary(db, clock, User.Scope(), null, Year, ct);
        }
    }
}

public sealed class DetailsModel(AppDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock) : RecordPageModel(db, store, options, clock)
{
    protected override string OwnerType => ResourceUseCases.OwnerType;
    public ResourceDto Resource { get; private set; } = null!;
    public AttachmentsPanel Attachments { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Resource = await ResourceUseCases.Get(Db, User.Scope(), id, ct);
        Attachments = Panel(id, Resource.Attachments);
    }
}

[Authorize(Policy = Permissions.ServicesRecord)]
public sealed class EditModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty] public ResourceForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    public IReadOnlyList<ActivityDto> ActivityOptions { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> VillageOptions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, string Note)> RecipientOptions { get; private set; } = [];
    public ConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(Guid? id, Guid? recipientId, CancellationToken ct)
    {
        Id = id;
        Input = id is { } e
            ? ResourceForm.From(await ResourceUseCases.Get(db, User.Scope(), e, ct))
            : new ResourceForm
            {
                ReceivedOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd"),
                // From a recipient's page: the resource goes to them.
                RecipientId = recipientId, Destination = recipientId is null ? "station" : "recipient",
            };
        await PrepareAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        try
        {
            var saved = id is { } e ? await ResourceUseCases.Update(db, clock, User, e, Input.ToInput(), ct) : await ResourceUseCases.Create(db, clock, User, Input.ToInput(), ct);
            TempData["Message"] = $"已保存{saved.DonorName}的{ResourceNames.KindChinese(ResourceNames.Kind(saved.Kind)!.Value)}记录。";
            return RedirectToPage("/Resources/Details", new { id = saved.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(ResourceForm));
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
        {
            db.ChangeTracker.Clear();
            var current = await ResourceUseCases.Get(db, User.Scope(), id!.Value, ct);
            Conflict = StaleSave(Input, ResourceForm.From(current), current.Version, ResourceForm.Labels, v => Input.Version = v);
        }
        await PrepareAsync(ct);
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        var scope = User.Scope();
        StationOptions = await RecordChoices.Stations(db, scope, ct);
        var stationId = Input.StationId ?? scope.StationId ?? StationOptions.FirstOrDefault()?.Id;
        ActivityOptions = (await ActivityUseCases.List(db, profiles, scope, new ActivityUseCases.Query(), new PageRequest(1, 100), ct)).Items;
        VillageOptions = await RecordChoices.Villages(db, scope, stationId, ct);
        RecipientOptions = await RecordChoices.Recipients(db, scope, stationId, Input.RecipientId, ct);
    }
}

public sealed class ResourceForm
{
    public Guid? StationId { get; set; }
    public string? DonorName { get; set; }
    public string? DonorKind { get; set; }
    public string? Kind { get; set; } = "goods";
    public string? Description { get; set; }
    public decimal? Amount { get; set; }
    public decimal? Quantity { get; set; }
    public string? Unit { get; set; }
    public decimal? EstimatedValue { get; set; }
    public string? ReceivedOn { get; set; }
    /// <summary>station, village, activity or recipient: which of the fields below says where it went.</summary>
    public string? Destination { get; set; } = "station";
    public string? VillageCode { get; set; }
    public Guid? ActivityId { get; set; }
    public Guid? RecipientId { get; set; }
    public string? Use { get; set; }
    public int? Version { get; set; }

    public static readonly IReadOnlyList<(string, string)> Labels =
    [
        (nameof(DonorName), "捐赠方/合作方"), (nameof(DonorKind), "类型"), (nameof(Kind), "资源类型"), (nameof(Description), "内容"),
        (nameof(Amount), "金额（元）"), (nameof(Quantity), "数量"), (nameof(Unit), "单位"), (nameof(EstimatedValue), "估算价值（元）"),
        (nameof(ReceivedOn), "接收日期"), (nameof(Destination), "去向"), (nameof(VillageCode), "村（社区）"), (nameof(ActivityId), "用于活动"),
        (nameof(RecipientId), "受助服务对象"), (nameof(Use), "使用情况"),
    ];

    public ResourceInput ToInput() => new(StationId, DonorName, DonorKind, null, Kind, Description, Kind == "money" ? Amount : null,
        Kind == "goods" ? Quantity : null, Unit, Kind == "money" ? null : EstimatedValue, ReceivedOn, Destination, ActivityId, Use, Version, VillageCode, RecipientId);

    public static ResourceForm From(ResourceDto r) => new()
    {
        StationId = r.StationId, DonorName = r.DonorName, DonorKind = r.DonorKind, Kind = r.Kind, Description = r.Description, Amount = r.Amount,
        Quantity = r.Quantity, Unit = r.Unit, EstimatedValue = r.EstimatedValue, ReceivedOn = r.ReceivedOn, Destination = r.Destination,
        VillageCode = r.VillageCode, ActivityId = r.ActivityId, RecipientId = r.RecipientId, Use = r.Use, Version = r.Version,
    };
}
