using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;
using Workers_ = SocialWorkStation.Web.Features.Workers;

namespace SocialWorkStation.Web.Features.Stations;

/// <summary>One station: its facts, rooms and equipment, and how it measures up to its policy profile today.</summary>
public sealed class DetailsModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    public StationDto Station { get; private set; } = null!;
    public IReadOnlyList<Region> RegionPath { get; private set; } = [];
    public ComplianceDto Compliance { get; private set; } = null!;
    public PolicyProfile? Profile { get; private set; }
    public string? ParentName { get; private set; }
    /// <summary>The workers at work today, with their badges (the staffing panel).</summary>
    public IReadOnlyList<Workers_.WorkerDto> Workers { get; private set; } = [];
    public int WorkerTotal { get; private set; }

    /// <summary>The findings about the name and premises; the rest are about staffing.</summary>
    public static readonly IReadOnlySet<string> PremisesRules = new HashSet<string> { "signage", "floorArea", "rooms", "equipment", "fireSafety" };

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = User.Scope();
        Station = await GetStation.Handle(db, scope, id, ct);
        RegionPath = await GetRegion.Path(db, Station.RegionCode, ct);
        Compliance = await CheckStation.Handle(db, profiles, scope, id, ChinaTime.Today(clock), ct);
        Profile = profiles.Find(Station.ProfileKey);
        var staff = await Workers_.ListWorkers.Handle(db, profiles, clock, scope, new Workers_.ListWorkers.Query(StationId: id, Active: true), new PageRequest(1, 100), ct);
        Workers = staff.Items;
        WorkerTotal = staff.Total;
        if (Station.ParentId is { } parent)
        {
            try
            {
                ParentName = (await GetStation.Handle(db, scope, parent, ct)).Name;
            }
            catch (NotFoundException)
            {
                ParentName = null; // the station above lies outside the user's scope: not shown
            }
        }
    }

    public static StatusKind FindingStatus(FindingDto f) =>
        f.Passed ? StatusKind.Ok : f.Severity == "error" ? StatusKind.Severe : StatusKind.Behind;

    public static string FindingWord(FindingDto f) =>
        f.Passed ? "符合" : f.Severity == "error" ? "不符合" : "需完善";

    public static string SeverityWord(string severity) => severity == "error" ? "必须达到" : "建议达到";

    public static string RuleWord(string rule) => rule switch
    {
        "signage" => "站点名称（标牌）",
        "floorArea" => "办公面积",
        "rooms" => "功能室",
        "equipment" => "办公设备",
        "fireSafety" => "消防设施",
        _ => Domain.Staff.StaffNames.Rules.GetValueOrDefault(rule, rule),
    };
}
