using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>评估: the rounds in scope and, for the bureau, the form that starts one.</summary>
public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public int? ServiceYear { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    [BindProperty] public RoundForm Input { get; set; } = new();

    public sealed class RoundForm
    {
        public string? Kind { get; set; }
        public int? ServiceYear { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public List<Guid> StationIds { get; set; } = [];
        public string? Title { get; set; }
        /// <summary>A tree the county loaded from Excel; empty: the profile's default tree.</summary>
        public Guid? TreeId { get; set; }
    }

    public Paged<RoundListItem> Result { get; private set; } = new([], 0, 1, 20);
    public List<(Guid Id, string Name)> Stations { get; private set; } = [];
    public List<RoundKind> Kinds { get; private set; } = [];
    /// <summary>The trees the counties in scope loaded (not the defaults), newest version first.</summary>
    public IReadOnlyList<GetTrees.TreeListItem> LoadedTrees { get; private set; } = [];

    public PagerModel Pager => PagerModel.For(Result, "/Evaluations/Index", new Dictionary<string, string?> { ["serviceYear"] = ServiceYear?.ToString() });

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        Input.ServiceYear = today.Year;
        Input.StartsOn = today;
        Input.EndsOn = today.AddDays(30);
        await Load(ct);
        Input.StationIds = Stations.Select(s => s.Id).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.EvaluationsManage))
        {
            return Forbid();
        }
        try
        {
            var dto = await CreateRound.Handle(db, profiles, clock, User,
                new RoundInput(Input.Kind, Input.ServiceYear, Input.StartsOn, Input.EndsOn, Input.StationIds.ToArray(), Input.TreeId, null, Input.Title), ct);
            return RedirectToPage("/Evaluations/Round", new { id = dto.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "Input", typeof(RoundForm));
        }
        catch (BusinessRuleException ex)
        {
            ShowError(ex, "Input", typeof(RoundForm));
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException)
        {
            ModelState.AddModelError("", ex.Message);
        }
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        var scope = User.Scope();
        Result = await ListRounds.Handle(db, scope, new ListRounds.Query(ServiceYear), new PageRequest(PageNumber ?? 1, 20), ct);
        if (User.Can(Permissions.EvaluationsManage))
        {
            var stations = await db.Platforms.AsNoTracking().VisibleTo(scope).Where(p => p.Kind == PlatformKind.Station)
                .OrderBy(p => p.RegionCode).Select(p => new { p.Id, p.Name, p.ProfileKey }).Take(200).ToListAsync(ct);
            Stations = stations.Select(s => (s.Id, s.Name)).ToList();
            Kinds = stations.Select(s => s.ProfileKey).Distinct().Select(profiles.Find).OfType<Domain.Profiles.PolicyProfile>()
                .SelectMany(p => p.Evaluation?.Rounds.Value ?? []).Distinct().ToList();
            LoadedTrees = (await GetTrees.List(db, scope, ct)).Where(t => !t.IsDefault).ToList();
        }
    }
}
