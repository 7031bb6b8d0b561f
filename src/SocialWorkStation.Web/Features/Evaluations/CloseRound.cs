using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>
/// Closes a round (结束评估, docs/requirements/evaluation.md §7): the county bureau, once every party submitted every
/// station's sheet (422 naming each missing station and party). Each party's raw points are scaled to 100 and rounded
/// once, the composite follows the profile's weights, the grade its bands, the rank is within the county
/// (<see cref="RoundClosing"/>); the results and the platform facts are frozen with the round. A stale version or a
/// round already closed is 409.
/// </summary>
public static class CloseRound
{
    public static async Task<RoundDto> Handle(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, VersionInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var round = await GetRound.Load(db, scope, id, ct, track: true);
        if (input.Version is null)
        {
            throw RequestValidationException.For("version", "请提供读取时的版本号 version");
        }
        if (!scope.ContainsRegion(round.CountyCode))
        {
            throw new BusinessRuleException("只有该县（市、区）及以上的民政部门可以结束评估", "countyCode");
        }
        Versions.Check(db, round, input.Version, "评估轮次");
        if (round.Status == RoundStatus.Closed)
        {
            throw new ConflictException("本轮评估已经结束");
        }
        var profile = profiles.Find(round.ProfileKey);
        var rules = profile?.Evaluation ?? throw new BusinessRuleException($"政策方案 {round.ProfileKey} 未设置评估规则", "profileKey");
        var sheets = await db.Set<EvaluationSheet>().AsNoTracking().Where(s => s.RoundId == id)
            .Select(s => new { s.StationId, s.Party, s.SubmittedAt, Raw = s.Scores.Sum(x => (decimal?)x.Points) ?? 0m })
            .ToListAsync(ct);
        var stations = round.Stations.OrderBy(s => s.RegionCode).ThenBy(s => s.StationName).ToList();
        var missing = RoundClosing.Missing(stations, round.PartyList,
            (st, p) => sheets.Any(s => s.StationId == st.StationId && s.Party == p && s.SubmittedAt is not null));
        if (missing.Count > 0)
        {
            throw new BusinessRuleException("以下评分尚未提交，不能结束评估：" + string.Join("；", missing.GroupBy(m => m.Station)
                .Select(g => $"{g.Key.StationName}（{string.Join("、", g.Select(m => EvaluationLabels.Chinese(m.Party)))}）")), "parties");
        }
        var raw = stations.Select(st => new StationRaw<EvaluationRoundStation>(st, round.PartyList.ToDictionary(p => p,
            p => sheets.First(s => s.StationId == st.StationId && s.Party == p).Raw))).ToList();
        foreach (var r in RoundClosing.Results(rules, round.Tree!.Total, raw))
        {
            r.Station.Composite = r.Result.Composite;
            r.Station.Grade = r.Result.Grade;
            r.Station.Rank = r.Rank;
            r.Station.ResultJson = JsonSerializer.Serialize(r.Result.Parties, EvaluationJson.Options);
            r.Station.FactsJson = JsonSerializer.Serialize(await EvaluationFactSource.For(db, r.Station.StationId, round.ServiceYear, ct), EvaluationJson.Options);
        }
        round.Status = RoundStatus.Closed;
        round.ClosedAt = clock.GetUtcNow().UtcDateTime;
        round.ClosedBy = user.Identity?.Name ?? "";
        // One SaveChanges: the round, its stations' results and the audit rows are written in one transaction.
        await db.SaveChangesAsync(ct);
        return RoundDtos.Dto(round, profile, user);
    }
}
