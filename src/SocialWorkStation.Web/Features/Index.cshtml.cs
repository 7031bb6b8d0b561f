using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features;

/// <summary>Home: a welcome that fits the role, with the user's scope and the way into their areas.</summary>
public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, IEnumerable<IHomeQueueSource> queueSources) : AppPageModel
{
    /// <summary>What this person must do now, from every feature that registered a <see cref="IHomeQueueSource"/>.</summary>
    public List<HomeQueueSection> Queue { get; } = [];

    public string ScopeText { get; private set; } = "";
    public StationDto? OwnStation { get; private set; }
    public ComplianceDto? OwnCompliance { get; private set; }
    public int? StationCount { get; private set; }
    /// <summary>The 今日 section of a station worker's phone (visits due and overdue).</summary>
    public Visits.DueVisits.Result? Today { get; private set; }
    /// <summary>Station heads and contractor managers: the standards their stations are behind on this year (issue 6's notice).</summary>
    public Progress.ProgressReportDto? Behind { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var source in queueSources.OrderBy(q => q.Order))
        {
            if (await source.GetAsync(User, ct) is { Items.Count: > 0 } section)
            {
                Queue.Add(section);
            }
        }
        ScopeText = await ScopeDisplay.DescribeAsync(db, User, ct);
        var scope = User.Scope();
        if (scope is { Kind: ScopeKind.Station, StationId: { } id })
        {
            OwnStation = await GetStation.Handle(db, scope, id, ct);
            OwnCompliance = await CheckStation.Handle(db, profiles, scope, id, ChinaTime.Today(clock), ct);
            if (User.Can(Permissions.VisitsWrite))
            {
                Today = await Visits.DueVisits.Handle(db, profiles, clock, scope, new Visits.DueVisits.Query(id), ct);
            }
        }
        else if (scope.Kind is ScopeKind.Region or ScopeKind.Platform && !User.IsInRole(Roles.Auditor))
        {
            StationCount = (await ListStations.Handle(db, scope, new ListStations.Query(), new PageRequest(1, 1), ct)).Total;
        }
        // Issue 6's notice, and issue 18's queue for the township and the bureau: the standards their stations are behind on.
        if ((User.IsInRole(Roles.StationHead) || User.IsInRole(Roles.ContractorManager) || User.IsInRole(Roles.TownshipOfficer) || User.IsInRole(Roles.BureauOfficer))
            && scope.Kind is ScopeKind.Station or ScopeKind.Region)
        {
            var report = await Progress.GetProgress.Handle(db, profiles, clock, scope, new Progress.GetProgress.Query(), ct);
            Behind = report.BehindTotal > 0 ? report : null;
        }
    }
}
