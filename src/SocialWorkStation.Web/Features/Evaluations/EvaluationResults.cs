using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

public sealed record ResultRowDto(Guid StationId, string StationName, string RegionCode, IReadOnlyList<PartyScoreDto> Scores, decimal? Composite, string? Grade, bool? Passes, int? Rank);

/// <summary>A closed round's results: per station each party's raw points and score out of 100, the composite, grade and rank in the county.</summary>
public sealed record ResultsDto(Guid RoundId, string Title, string Kind, int ServiceYear, string CountyCode, string Scoring, IReadOnlyList<PartyDto> Parties,
    IReadOnlyList<string> GradeBands, int Precision, decimal TreeTotal, DateTime? ClosedAt, string? ClosedBy, IReadOnlyList<ResultRowDto> Stations);

/// <summary>
/// Results of a closed round (docs/requirements/evaluation.md §7): as JSON, as an Excel sheet, and the final grade of a
/// station for a service year, which the agreements' renewal reads.
/// </summary>
public static class EvaluationResults
{
    public static async Task<ResultsDto> Get(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var round = await GetRound.Load(db, user.Scope(), id, ct);
        if (round.Status != RoundStatus.Closed)
        {
            throw new BusinessRuleException("本轮评估尚未结束，结束评估后才有结果", "status");
        }
        var profile = profiles.Find(round.ProfileKey);
        var dto = RoundDtos.Dto(round, profile, user);
        var rows = round.Stations.OrderBy(s => s.Rank ?? int.MaxValue).ThenBy(s => s.RegionCode).ThenBy(s => s.StationName).Select(s => new ResultRowDto(
            s.StationId, s.StationName, s.RegionCode,
            (s.ResultJson is { } json ? JsonSerializer.Deserialize<PartyScore[]>(json, EvaluationJson.Options)! : [])
                .Select(p => new PartyScoreDto(EvaluationLabels.ToApi(p.Party), EvaluationLabels.Chinese(p.Party), p.Raw, p.OutOf100)).ToList(),
            s.Composite, s.Grade, profile?.Evaluation?.Passes(s.Grade), s.Rank)).ToList();
        return new ResultsDto(round.Id, round.Title, dto.Kind, round.ServiceYear, round.CountyCode, dto.Scoring, dto.Parties, dto.GradeBands, dto.Precision,
            round.Tree!.Total, round.ClosedAt, round.ClosedBy, rows);
    }

    /// <summary>The results as an Excel sheet (one row per station); typed text through ExcelCells.Safe; the export is audited.</summary>
    public static async Task<(byte[] Bytes, string FileName)> Export(AppDbContext db, ProfileCatalog profiles, AuditLog audit, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var r = await Get(db, profiles, user, id, ct);
        var n = 0;
        var sheet = r.Stations.Select(s =>
        {
            var row = new Dictionary<string, object?>
            {
                ["序号"] = ++n,
                ["社工站"] = ExcelCells.Safe(s.StationName),
                ["行政区划代码"] = s.RegionCode,
            };
            foreach (var p in r.Parties)
            {
                var score = s.Scores.FirstOrDefault(x => x.Party == p.Party);
                row[$"{p.Name}原始得分（满分{r.TreeTotal:0.##}）"] = score?.Raw;
                row[$"{p.Name}得分（百分制）"] = score?.OutOf100;
            }
            row["综合得分"] = s.Composite;
            row["等级"] = ExcelCells.Safe(s.Grade);
            row["县内排名"] = s.Rank;
            return row;
        }).ToList();
        audit.Add("export", nameof(EvaluationRound), r.RoundId.ToString(), $"导出评估结果 {r.Title}，{r.Stations.Count} 个社工站");
        await db.SaveChangesAsync(ct);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "评估结果", cancellationToken: ct);
        return (stream.ToArray(), $"评估结果-{r.ServiceYear}-{r.Kind}-{r.RoundId.ToString("N")[..8]}.xlsx");
    }

    /// <summary>
    /// The grade a station got in the closed final round (末期评估) of a service year, or null when there is none or its
    /// profile names no grades. For the renewal decision of the programme cycle (agreements.md): 合格及以上 may renew.
    /// </summary>
    public static Task<string?> FinalGrade(AppDbContext db, Guid stationId, int serviceYear, CancellationToken ct = default) =>
        db.Set<EvaluationRoundStation>().AsNoTracking()
            .Where(s => s.StationId == stationId && db.Set<EvaluationRound>().Any(r => r.Id == s.RoundId && r.Kind == RoundKind.Final && r.ServiceYear == serviceYear && r.Status == RoundStatus.Closed))
            .Select(s => s.Grade)
            .FirstOrDefaultAsync(ct);
}
