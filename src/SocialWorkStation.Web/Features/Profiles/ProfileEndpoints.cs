using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Profiles;

public sealed record ProfileSummary(string Key, string Name, string ShortName, string Region, string? RegionCode, string Source);

public sealed record ProfileDetail(string Key, string Name, string ShortName, string Region, string? RegionCode, string Source, PolicyProfile Rules, IReadOnlyList<ProfileEntry> Entries);

public static class ProfileEndpoints
{
    public static ProfileSummary Summary(PolicyProfile p) =>
        new(p.Key, p.Name, p.ShortName, p.Region, p.RegionCode, p.Document.Title);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/profiles").WithTags("政策方案 Profiles");
        g.MapGet("/", (ProfileCatalog catalog) => catalog.All.Select(Summary).ToList())
            .WithSummary("List the policy profiles");
        g.MapGet("/{key}", (string key, ProfileCatalog catalog) =>
            {
                var p = catalog.Find(key) ?? throw new NotFoundException("政策方案不存在");
                return new ProfileDetail(p.Key, p.Name, p.ShortName, p.Region, p.RegionCode, p.Document.Title, p, p.Entries().ToList());
            })
            .WithSummary("One profile with every rule it holds, each with its source clause");
    }
}
