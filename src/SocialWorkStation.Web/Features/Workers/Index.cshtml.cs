using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>The worker register: filters above, a table (cards on phones) with a compliance badge per worker, paging below.</summary>
public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Station { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    /// <summary>"active" (default), "left" or "all".</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Paged<WorkerDto> Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<StationDto> Stations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = User.Scope();
        Stations = await StationOptions(db, scope, ct);
        bool? active = Status switch { "left" => false, "all" => null, _ => true };
        try
        {
            Result = await ListWorkers.Handle(db, profiles, clock, scope,
                new ListWorkers.Query(Station, Q, string.IsNullOrEmpty(Role) ? null : Role, active),
                PageRequest.From(PageNumber is < 1 ? 1 : PageNumber, PageSize), ct);
        }
        catch (RequestValidationException ex)
        {
            foreach (var m in ex.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError("", m);
            }
        }
    }

    public PagerModel Pager => PagerModel.For(Result, "/Workers/Index", new Dictionary<string, string?>
    {
        ["q"] = Q, ["station"] = Station?.ToString(), ["role"] = Role, ["status"] = Status,
    });

    /// <summary>The platforms a worker may belong to, for the station pickers of the worker pages.</summary>
    public static async Task<IReadOnlyList<StationDto>> StationOptions(AppDbContext db, UserScope scope, CancellationToken ct) =>
        (await ListStations.Handle(db, scope, new ListStations.Query(), new PageRequest(1, PageRequest.MaxPageSize), ct)).Items;
}
