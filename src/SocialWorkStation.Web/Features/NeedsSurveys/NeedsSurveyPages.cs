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

namespace SocialWorkStation.Web.Features.NeedsSurveys;

/// <summary>The needs list (需求清单) by village, and the surveys behind it.</summary>
public sealed class IndexModel(AppDbContext db) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    public Paged<NeedDto> Needs { get; private set; } = new([], 0, 1, 100);
    public Paged<NeedsSurveyDto> Surveys { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<(string Code, string Name)> VillageOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Needs = await NeedsSurveyUseCases.Needs(db, User.Scope(), null, Village, string.IsNullOrEmpty(Status) ? null : Status, new PageRequest(1, 200), ct);
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "", GetType());
        }
        Surveys = await NeedsSurveyUseCases.List(db, User.Scope(), null, Village, new PageRequest(1, 50), ct);
        VillageOptions = await RecordChoices.Villages(db, User.Scope(), null, ct);
    }
}

public sealed class DetailsModel(AppDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock) : RecordPageModel(db, store, options, clock)
{
    protected override string OwnerType => NeedsSurveyUseCases.OwnerType;
    public NeedsSurveyDto Survey { get; private set; } = null!;
    public AttachmentsPanel Attachments { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Survey = await NeedsSurveyUseCases.Get(Db, User.Scope(), id, ct);
        Attachments = Panel(id, Survey.Attachments);
    }
}

[Authorize(Policy = Permissions.ServicesRecord)]
public sealed class EditModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    /// <summary>Blank rows offered for new needs; rows left blank are ignored.</summary>
    public const int BlankRows = 3;

    [BindProperty] public SurveyForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> VillageOptions { get; private set; } = [];
    public IReadOnlyList<ActivityDto> ActivityOptions { get; private set; } = [];
    public ConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Input = id is { } e ? SurveyForm.From(await NeedsSurveyUseCases.Get(db, User.Scope(), e, ct)) : new SurveyForm { ConductedOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd") };
        await PrepareAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        try
        {
            var saved = id is { } e ? await NeedsSurveyUseCases.Update(db, clock, User, e, Input.ToInput(), ct) : await NeedsSurveyUseCases.Create(db, clock, User, Input.ToInput(), ct);
            TempData["Message"] = $"已保存需求调研“{saved.Title}”（{saved.Needs.Count} 项需求）。";
            return RedirectToPage("/NeedsSurveys/Details", new { id = saved.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(SurveyForm));
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
        {
            db.ChangeTracker.Clear();
            var current = await NeedsSurveyUseCases.Get(db, User.Scope(), id!.Value, ct);
            Conflict = StaleSave(Input, SurveyForm.From(current), current.Version, SurveyForm.Labels, v => Input.Version = v);
        }
        await PrepareAsync(ct);
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        StationOptions = await RecordChoices.Stations(db, User.Scope(), ct);
        VillageOptions = await RecordChoices.Villages(db, User.Scope(), Input.StationId ?? StationOptions.FirstOrDefault()?.Id, ct);
        ActivityOptions = (await ActivityUseCases.List(db, profiles, User.Scope(), new ActivityUseCases.Query(Input.StationId), new PageRequest(1, 100), ct)).Items;
        while (Input.Needs.Count(n => n.Id is null && string.IsNullOrWhiteSpace(n.Description)) < BlankRows)
        {
            Input.Needs.Add(new NeedRow());
        }
    }
}

public sealed class SurveyForm
{
    public Guid? StationId { get; set; }
    public string? VillageCode { get; set; }
    public string? Title { get; set; }
    public string? ConductedOn { get; set; }
    public string? Method { get; set; }
    public int? Respondents { get; set; }
    public string? Summary { get; set; }
    public List<NeedRow> Needs { get; set; } = [];
    public int? Version { get; set; }

    public static readonly IReadOnlyList<(string, string)> Labels =
    [
        (nameof(VillageCode), "村（社区）"), (nameof(Title), "名称"), (nameof(ConductedOn), "调研日期"), (nameof(Method), "方式"),
        (nameof(Respondents), "受访人数"), (nameof(Summary), "小结"), (nameof(NeedList), "需求"),
    ];

    public IEnumerable<string> NeedList => Needs.Where(n => !string.IsNullOrWhiteSpace(n.Description)).Select(n => $"{n.Description}（{NeedNames.StatusChinese(NeedNames.Status(n.Status) ?? NeedStatus.Open)}）");

    public NeedsSurveyInput ToInput() => new(StationId, VillageCode, Title, ConductedOn, Method, Respondents, Summary,
        Needs.Where(n => !string.IsNullOrWhiteSpace(n.Description))
            .Select(n => new NeedInput(n.Id, n.Description, string.IsNullOrEmpty(n.Domain) ? null : n.Domain, n.Priority, n.AffectedCount, n.Status, n.ActivityIds)).ToList(),
        Version);

    public static SurveyForm From(NeedsSurveyDto s) => new()
    {
        StationId = s.StationId, VillageCode = s.VillageCode, Title = s.Title, ConductedOn = s.ConductedOn, Method = s.Method, Respondents = s.Respondents,
        Summary = s.Summary, Version = s.Version,
        Needs = s.Needs.Select(n => new NeedRow
        {
            Id = n.Id, Description = n.Description, Domain = n.Domain, Priority = n.Priority, AffectedCount = n.AffectedCount, Status = n.Status,
            ActivityIds = n.Activities.Select(a => a.Id).ToList(),
        }).ToList(),
    };
}

public sealed class NeedRow
{
    public Guid? Id { get; set; }
    public string? Description { get; set; }
    public string? Domain { get; set; }
    public string? Priority { get; set; } = "medium";
    public int? AffectedCount { get; set; }
    public string? Status { get; set; } = "open";
    public List<Guid> ActivityIds { get; set; } = [];
}
