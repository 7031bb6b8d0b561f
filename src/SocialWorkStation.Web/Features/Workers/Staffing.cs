using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>
/// The workers of a set of platforms and the villages of their townships, loaded in a fixed number of queries
/// (workers, certificates, trainings, contact villages, villages) however many platforms and workers there are.
/// </summary>
public sealed class Staffing
{
    private readonly Dictionary<Guid, List<Worker>> _workers;
    private readonly Dictionary<string, List<VillageFacts>> _villages;

    private Staffing(Dictionary<Guid, List<Worker>> workers, Dictionary<string, List<VillageFacts>> villages)
    {
        _workers = workers;
        _villages = villages;
    }

    public IReadOnlyList<Worker> WorkersOf(Guid platformId) => _workers.GetValueOrDefault(platformId) ?? [];

    public IReadOnlyList<VillageFacts> VillagesOf(string townshipCode) => _villages.GetValueOrDefault(townshipCode) ?? [];

    /// <param name="workers">The workers to load, already filtered to the platforms (and the caller's scope).</param>
    public static async Task<Staffing> Load(AppDbContext db, ProfileCatalog profiles, IReadOnlyCollection<Platform> platforms, IQueryable<Worker> workers, CancellationToken ct)
    {
        var list = await workers.AsNoTracking()
            .Include(w => w.Certificates).Include(w => w.Trainings).Include(w => w.ContactVillages)
            .AsSplitQuery()
            .ToListAsync(ct);
        // Villages only for the townships whose profile asks for a contact worker in every village (Wenzhou).
        var townships = platforms
            .Where(p => p.Kind == PlatformKind.Station && profiles.Find(p.ProfileKey)?.Staff?.VillageContacts is { Value: true })
            .Select(p => p.RegionCode).Distinct().ToList();
        var villages = townships.Count == 0
            ? []
            : await db.Regions.AsNoTracking()
                .Where(r => r.Level == RegionLevel.Village && r.ParentCode != null && townships.Contains(r.ParentCode))
                .OrderBy(r => r.Code)
                .Select(r => new { r.Code, r.Name, r.ParentCode })
                .ToListAsync(ct);
        return new Staffing(
            list.GroupBy(w => w.PlatformId).ToDictionary(g => g.Key, g => g.ToList()),
            villages.GroupBy(v => v.ParentCode!).ToDictionary(g => g.Key, g => g.Select(v => new VillageFacts(v.Code, v.Name)).ToList()));
    }

    /// <summary>The staffing findings of one platform on a date.</summary>
    public IReadOnlyList<Finding> Check(PolicyProfile profile, Platform p, DateOnly date) =>
        StaffCheck.Station(profile, new StationStaffFacts(p.Kind, p.RequiredStaff,
            WorkersOf(p.Id).Select(w => w.ToFacts(p.Kind)).ToList(), VillagesOf(p.RegionCode)), date);
}
