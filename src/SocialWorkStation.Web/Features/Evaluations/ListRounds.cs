using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>The rounds a user may see, newest service year first.</summary>
public static class ListRounds
{
    public sealed record Query(int? ServiceYear = null, string? Kind = null, string? Status = null, Guid? StationId = null);

    public static async Task<Paged<RoundListItem>> Handle(AppDbContext db, UserScope scope, Query query, PageRequest page, CancellationToken ct)
    {
        var q = db.Set<EvaluationRound>().AsNoTracking().Include(r => r.Stations).VisibleTo(scope);
        if (query.ServiceYear is { } year) q = q.Where(r => r.ServiceYear == year);
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            var kind = EvaluationLabels.ParseKind(query.Kind) ?? throw RequestValidationException.For("kind", "评估轮次应为 midTerm、final、quarterlyInspection 或 selfEvaluation");
            q = q.Where(r => r.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            var status = query.Status switch
            {
                "open" => RoundStatus.Open,
                "closed" => RoundStatus.Closed,
                _ => throw RequestValidationException.For("status", "状态应为 open 或 closed"),
            };
            q = q.Where(r => r.Status == status);
        }
        if (query.StationId is { } station) q = q.Where(r => r.Stations.Any(s => s.StationId == station));
        var result = await q.OrderByDescending(r => r.ServiceYear).ThenByDescending(r => r.StartsOn).ThenBy(r => r.Id).ToPageAsync(page, ct);
        return new Paged<RoundListItem>(result.Items.Select(RoundDtos.Item).ToList(), result.Total, result.Page, result.PageSize);
    }
}

/// <summary>One round (404 outside the caller's scope); scores and grades only once it is closed.</summary>
public static class GetRound
{
    public static async Task<RoundDto> Handle(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var round = await Load(db, user.Scope(), id, ct);
        return RoundDtos.Dto(round, profiles.Find(round.ProfileKey), user);
    }

    public static async Task<EvaluationRound> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool track = false)
    {
        var q = db.Set<EvaluationRound>().Include(r => r.Stations).Include(r => r.Tree).VisibleTo(scope);
        if (!track) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("评估轮次不存在或不在您的权限范围内");
    }
}

/// <summary>Indicator trees: the county's stored versions, one in full, and a profile's default tree.</summary>
public static class GetTrees
{
    public sealed record TreeListItem(Guid Id, string CountyCode, string ProfileKey, string Name, int Version, decimal Total, bool IsDefault, string Source, DateTime CreatedAt, string CreatedBy);

    public static async Task<IReadOnlyList<TreeListItem>> List(AppDbContext db, UserScope scope, CancellationToken ct) =>
        (await db.Set<EvaluationTree>().AsNoTracking().VisibleTo(scope, db.Platforms).OrderBy(t => t.CountyCode).ThenBy(t => t.Name).ThenByDescending(t => t.TreeVersion).ToListAsync(ct))
        .Select(t => new TreeListItem(t.Id, t.CountyCode, t.ProfileKey, t.Name, t.TreeVersion, t.Total, t.IsDefault, t.Source, t.CreatedAt, t.CreatedBy)).ToList();

    public static async Task<TreeDto> One(AppDbContext db, UserScope scope, Guid id, CancellationToken ct)
    {
        var row = await db.Set<EvaluationTree>().AsNoTracking().VisibleTo(scope, db.Platforms).FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException("指标体系不存在或不在您的权限范围内");
        return TreeDto.From(row.ToTree(), row.ProfileKey, row);
    }

    public static TreeDto Default(ProfileCatalog profiles, string? profileKey)
    {
        var profile = profiles.Find(profileKey) ?? throw RequestValidationException.For("profileKey", "政策方案不存在");
        var rules = profile.Evaluation ?? throw new NotFoundException($"{profile.ShortName}未设置评估规则");
        return TreeDto.From(rules.DefaultTree, profile.Key, null);
    }
}
