using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>
/// Starts a round (docs/requirements/evaluation.md §3): a kind the stations' profile asks for, a service year, the
/// evaluator's dates and the stations (all stations of the county when none are named). The tree is fixed now: the
/// county's loaded tree when one is named, else the profile's default tree stored as a version for the county. A
/// station is in at most one round of each kind per service year (409), except the quarterly inspection.
/// </summary>
public static class CreateRound
{
    public static async Task<RoundDto> Handle(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, RoundInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var errors = new Errors();
        var kind = EvaluationLabels.ParseKind(input.Kind);
        if (kind is null) errors.Add("kind", "评估轮次应为 midTerm（中期）、final（末期）、quarterlyInspection（季度督查考核）或 selfEvaluation（站点自评）");
        if (input.ServiceYear is not (>= 2000 and <= 2100)) errors.Add("serviceYear", "请填写服务年度（如 2026）");
        if (input.StartsOn is null) errors.Add("startsOn", "请填写评估开始日期");
        if (input.EndsOn is null) errors.Add("endsOn", "请填写评估结束日期");
        if (input.StartsOn is { } s0 && input.EndsOn is { } e0 && e0 < s0) errors.Add("endsOn", "结束日期不能早于开始日期");
        if (input.Title is { Length: > 200 }) errors.Add("title", "名称不能超过200个字");
        errors.ThrowIfAny();

        List<Platform> stations;
        if (input.StationIds is { Length: > 0 } ids)
        {
            var distinct = ids.Distinct().ToList();
            stations = await db.Platforms.AsNoTracking().VisibleTo(scope).Where(p => distinct.Contains(p.Id) && p.Kind == PlatformKind.Station).ToListAsync(ct);
            if (stations.Count != distinct.Count)
            {
                throw new NotFoundException("社工站不存在或不在您的权限范围内");
            }
        }
        else
        {
            var county = input.CountyCode ?? (scope.Level == RegionLevel.County ? scope.RegionCode : null);
            if (string.IsNullOrWhiteSpace(county))
            {
                throw RequestValidationException.For("countyCode", "请指定县（市、区）行政区划代码或参评社工站");
            }
            if (!scope.ContainsRegion(county))
            {
                throw new NotFoundException("地区不存在或不在您的权限范围内");
            }
            stations = await db.Platforms.AsNoTracking().Where(p => p.Kind == PlatformKind.Station && p.RegionCode.StartsWith(county)).ToListAsync(ct);
            if (stations.Count == 0)
            {
                throw new BusinessRuleException("该县（市、区）还没有社工站", "countyCode");
            }
        }
        var counties = stations.Select(p => p.RegionCode[..Math.Min(6, p.RegionCode.Length)]).Distinct().ToList();
        if (counties.Count != 1)
        {
            throw new BusinessRuleException("一轮评估只能包含同一县（市、区）的社工站，排名在县内进行", "stationIds");
        }
        var profileKeys = stations.Select(p => p.ProfileKey).Distinct().ToList();
        if (profileKeys.Count != 1 || profiles.Find(profileKeys[0]) is not { } profile)
        {
            throw new BusinessRuleException("参评社工站应适用同一政策方案", "stationIds");
        }
        var rules = profile.Evaluation ?? throw new BusinessRuleException($"{profile.ShortName}未设置评估规则", "stationIds");
        if (!rules.Rounds.Value.Contains(kind!.Value))
        {
            throw new BusinessRuleException(
                $"{profile.ShortName}未规定{EvaluationLabels.Chinese(kind.Value)}（规定的评估轮次：{string.Join("、", rules.Rounds.Value.Select(EvaluationLabels.Chinese))}；{rules.Rounds.Source}）", "kind");
        }
        var year = input.ServiceYear!.Value;
        if (kind != RoundKind.QuarterlyInspection)
        {
            var stationIds = stations.Select(p => p.Id).ToList();
            var clash = await db.Set<EvaluationRound>().AsNoTracking()
                .Where(r => r.Kind == kind && r.ServiceYear == year)
                .SelectMany(r => r.Stations.Where(x => stationIds.Contains(x.StationId)).Select(x => x.StationName))
                .FirstOrDefaultAsync(ct);
            if (clash is not null)
            {
                throw new ConflictException($"{clash}已在{year}年度的{EvaluationLabels.Chinese(kind.Value)}中");
            }
        }
        var countyCode = counties[0];
        var now = clock.GetUtcNow().UtcDateTime;
        var by = user.Identity?.Name ?? "";
        var tree = await TreeFor(db, countyCode, profile, input.TreeId, by, now, ct);
        var countyName = await db.Regions.Where(r => r.Code == countyCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? countyCode;
        var round = new EvaluationRound
        {
            CountyCode = countyCode, ProfileKey = profile.Key, Kind = kind.Value, ServiceYear = year,
            Title = string.IsNullOrWhiteSpace(input.Title) ? $"{countyName}{year}年度社工站{EvaluationLabels.Chinese(kind.Value)}" : input.Title.Trim(),
            StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn!.Value, TreeId = tree.Id, Tree = tree,
            Parties = string.Join(",", rules.PartiesFor(kind.Value).Select(EvaluationLabels.ToApi)),
            Seed = RandomNumberGenerator.GetInt32(1, int.MaxValue) * 1_000_000L + RandomNumberGenerator.GetInt32(0, 1_000_000),
            CreatedBy = by, CreatedAt = now,
            Stations = stations.OrderBy(p => p.RegionCode).Select(p => new EvaluationRoundStation { StationId = p.Id, StationName = p.Name, RegionCode = p.RegionCode }).ToList(),
        };
        db.Add(round);
        await db.SaveChangesAsync(ct);
        return RoundDtos.Dto(round, profile, user);
    }

    /// <summary>The tree a new round fixes: a loaded tree of the county, or the profile's default stored as the county's next version when it changed.</summary>
    public static async Task<EvaluationTree> TreeFor(AppDbContext db, string countyCode, PolicyProfile profile, Guid? treeId, string by, DateTime now, CancellationToken ct)
    {
        if (treeId is { } id)
        {
            return await db.Set<EvaluationTree>().FirstOrDefaultAsync(t => t.Id == id && t.CountyCode == countyCode, ct)
                ?? throw new NotFoundException("指标体系不存在或不属于该县（市、区）");
        }
        var def = profile.Evaluation!.DefaultTree;
        var json = EvaluationTree.Serialize(def);
        var latest = await db.Set<EvaluationTree>().Where(t => t.CountyCode == countyCode && t.Name == def.Name)
            .OrderByDescending(t => t.TreeVersion).FirstOrDefaultAsync(ct);
        if (latest is not null && latest.IndicatorsJson == json && latest.Total == def.Total)
        {
            return latest;
        }
        var row = new EvaluationTree
        {
            CountyCode = countyCode, ProfileKey = profile.Key, Name = def.Name, TreeVersion = (latest?.TreeVersion ?? 0) + 1, Total = def.Total,
            Source = def.Source, Interpretation = def.Interpretation, IndicatorsJson = json, IsDefault = true, CreatedBy = by, CreatedAt = now,
        };
        db.Add(row);
        return row;
    }
}
