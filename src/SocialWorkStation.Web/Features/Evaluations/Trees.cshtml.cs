using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>评估指标体系: one stored tree version, or the default tree of each profile in the user's scope, and the county's versions.</summary>
public sealed class TreesModel(AppDbContext db, ProfileCatalog profiles) : AppPageModel
{
    public TreeDto? Tree { get; private set; }
    public List<TreeDto> Defaults { get; private set; } = [];
    public IReadOnlyList<GetTrees.TreeListItem> Stored { get; private set; } = [];

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        var scope = User.Scope();
        if (id is { } treeId)
        {
            Tree = await GetTrees.One(db, scope, treeId, ct);
            return;
        }
        Stored = await GetTrees.List(db, scope, ct);
        var keys = await db.Platforms.AsNoTracking().VisibleTo(scope).Select(p => p.ProfileKey).Distinct().ToListAsync(ct);
        Defaults = keys.Select(profiles.Find).Where(p => p?.Evaluation is not null).Select(p => GetTrees.Default(profiles, p!.Key)).ToList();
    }
}
