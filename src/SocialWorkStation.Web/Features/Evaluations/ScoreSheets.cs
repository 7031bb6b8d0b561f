using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

public static class SheetLimits
{
    public const int Note = 1000;
    public const int Evidence = 1000;
    public const int Comments = 4000;
}

public sealed record ScoreInput(string? Code, decimal? Points, string? Note, string? Evidence);

/// <summary>A save of the caller's sheet: the leaves given are set (points null clears a leaf), the others are kept.</summary>
public sealed record SheetInput(int? Version, string? Comments, ScoreInput[]? Scores);

public sealed record VersionInput(int? Version);

/// <summary>One row of a sheet: an indicator at its depth, the facts beside it, and for a leaf the party's points, note and evidence.</summary>
public sealed record SheetIndicatorDto(string Code, string Name, int Depth, decimal Points, bool IsLeaf, string? LooksAt, string[] MethodNames,
    string? Fact, string? FactName, string? FactSummary, string? FactLink, decimal? Scored, string? Note, string? Evidence, IReadOnlyList<Attachments.AttachmentDto> Files);

public sealed record SheetDto(Guid RoundId, string RoundTitle, string RoundStatus, Guid StationId, string StationName, string Party, string PartyName,
    string Status, string StatusName, DateTime? SubmittedAt, string? SubmittedBy, string? Comments, decimal Raw, decimal Total, int Precision,
    int Leaves, IReadOnlyList<string> Unscored, IReadOnlyList<SheetIndicatorDto> Indicators, bool CanEdit, int Version, DateTime? UpdatedAt, string? UpdatedBy);

/// <summary>Where each party stands for each station of a round: not started, draft, submitted.</summary>
public sealed record SheetStatusDto(Guid StationId, string Party, string PartyName, string Status, string StatusName, DateTime? SubmittedAt);

/// <summary>
/// Scoring workspaces (三方评分, docs/requirements/evaluation.md §6). Each scoring party keeps one sheet per station of an
/// open round: points per leaf (0 to the leaf's points, the profile's precision; 400 naming the code), a note and the
/// evidence looked at. A party reads only its own sheet until the round closes; the bureau manager reads all. The
/// evaluator reaches the round's stations only on the round's dates (404). A stale save is 409, a save after
/// submission or after the close is 409, a submission with unscored leaves is 422 listing them.
/// </summary>
public static class ScoreSheets
{
    public static async Task<SheetDto> Get(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid roundId, Guid stationId, string? partyText, CancellationToken ct)
    {
        var (round, station, own) = await Access(db, clock, user, roundId, stationId, track: false, ct);
        var party = own;
        if (!string.IsNullOrWhiteSpace(partyText))
        {
            party = ParseParty(partyText) ?? throw RequestValidationException.For("party", "评分方应为 evaluator、bureau、township 或 station");
            if (!round.PartyList.Contains(party))
            {
                throw new NotFoundException("本轮评估没有该评分方");
            }
            // Before the close each party sees only its own sheet; the bureau manager sees all.
            if (party != own && round.Status != RoundStatus.Closed && !user.Can(Permissions.EvaluationsManage))
            {
                throw new NotFoundException("评估结束前不能查看其他评分方的评分");
            }
        }
        var sheet = await db.Set<EvaluationSheet>().AsNoTracking().Include(s => s.Scores)
            .FirstOrDefaultAsync(s => s.RoundId == roundId && s.StationId == stationId && s.Party == party, ct);
        var facts = round.Status == RoundStatus.Closed && station.FactsJson is { } json
            ? JsonSerializer.Deserialize<StationFact[]>(json, EvaluationJson.Options) ?? []
            : await EvaluationFactSource.For(db, stationId, round.ServiceYear, ct);
        var decimals = profiles.Find(round.ProfileKey)?.Evaluation?.Decimals ?? EvaluationRules.DefaultPrecision.Value;
        var files = await EvaluationEvidences.Files(db, roundId, stationId, party, ct);
        return Dto(round, station, party, sheet, facts, files, decimals, canEdit: party == own && round.Status == RoundStatus.Open && sheet?.SubmittedAt is null);
    }

    public static async Task<SheetDto> Save(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid roundId, Guid stationId, SheetInput input, CancellationToken ct)
    {
        var (round, station, party) = await Access(db, clock, user, roundId, stationId, track: false, ct);
        Frozen(round);
        var tree = round.Tree!.ToTree();
        var decimals = profiles.Find(round.ProfileKey)?.Evaluation?.Decimals ?? EvaluationRules.DefaultPrecision.Value;
        var errors = new Errors();
        if (input.Version is null) errors.Add("version", "请提供读取时的版本号 version（新评分表为 0）");
        errors.MaxLength("comments", input.Comments, SheetLimits.Comments, "总体评价");
        var scores = input.Scores ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            var code = s.Code?.Trim() ?? "";
            if (tree.Find(code) is not { } indicator)
            {
                errors.Add($"scores[{i}].code", $"指标 {code} 不在本轮的指标体系中");
                continue;
            }
            if (!seen.Add(code)) errors.Add($"scores[{i}].code", $"指标 {code} 重复填写");
            if (s.Points is { } points && ScoreSheetRules.PointsProblem(indicator, points, decimals) is { } problem) errors.Add($"scores[{i}].points", problem);
            if (s.Points is null && !indicator.IsLeaf) errors.Add($"scores[{i}].code", $"指标 {IndicatorTreeValidation.Label(indicator)} 不是末级指标，只对末级指标评分");
            errors.MaxLength($"scores[{i}].note", s.Note, SheetLimits.Note, $"指标 {code} 的评分说明");
            errors.MaxLength($"scores[{i}].evidence", s.Evidence, SheetLimits.Evidence, $"指标 {code} 的佐证材料");
        }
        errors.ThrowIfAny();

        var sheet = await db.Set<EvaluationSheet>().Include(s => s.Scores)
            .FirstOrDefaultAsync(s => s.RoundId == roundId && s.StationId == stationId && s.Party == party, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var by = user.Identity?.Name ?? "";
        if (sheet is null)
        {
            if (input.Version != 0)
            {
                throw new ConflictException("该评分表尚未保存过，新评分表的版本号为 0，请刷新后重试。");
            }
            sheet = new EvaluationSheet { RoundId = roundId, StationId = stationId, Party = party };
            db.Add(sheet);
        }
        else
        {
            Versions.Check(db, sheet, input.Version, "评分表");
            if (sheet.SubmittedAt is not null)
            {
                throw new ConflictException("该评分表已提交，不能再修改");
            }
        }
        sheet.Comments = Clean(input.Comments);
        sheet.UpdatedBy = by;
        sheet.UpdatedAt = now;
        foreach (var s in scores)
        {
            var code = s.Code!.Trim();
            var row = sheet.Scores.FirstOrDefault(x => x.IndicatorCode == code);
            if (s.Points is not { } points)
            {
                if (row is not null) sheet.Scores.Remove(row);
                continue;
            }
            if (row is null)
            {
                row = new EvaluationScore { IndicatorCode = code };
                sheet.Scores.Add(row);
            }
            row.Points = points;
            row.Note = Clean(s.Note);
            row.Evidence = Clean(s.Evidence);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves of a new sheet at once: the unique index answers for the second.
            throw new ConflictException("该评分表已被他人同时保存，请刷新后重试。");
        }
        return await Get(db, profiles, clock, user, roundId, stationId, null, ct);
    }

    public static async Task<SheetDto> Submit(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid roundId, Guid stationId, VersionInput input, CancellationToken ct)
    {
        var (round, _, party) = await Access(db, clock, user, roundId, stationId, track: false, ct);
        Frozen(round);
        if (input.Version is null)
        {
            throw RequestValidationException.For("version", "请提供读取时的版本号 version");
        }
        var sheet = await db.Set<EvaluationSheet>().Include(s => s.Scores)
            .FirstOrDefaultAsync(s => s.RoundId == roundId && s.StationId == stationId && s.Party == party, ct);
        var tree = round.Tree!.ToTree();
        if (sheet is null)
        {
            throw new BusinessRuleException($"尚未评分的指标：{string.Join("、", tree.Leaves().Select(IndicatorTreeValidation.Label))}", "scores");
        }
        Versions.Check(db, sheet, input.Version, "评分表");
        if (sheet.SubmittedAt is not null)
        {
            throw new ConflictException("该评分表已提交");
        }
        var unscored = ScoreSheetRules.Unscored(tree, sheet.Scores.Select(s => s.IndicatorCode));
        if (unscored.Count > 0)
        {
            throw new BusinessRuleException($"尚未评分的指标：{string.Join("、", unscored.Select(IndicatorTreeValidation.Label))}", "scores");
        }
        sheet.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        sheet.SubmittedBy = user.Identity?.Name ?? "";
        await db.SaveChangesAsync(ct);
        return await Get(db, profiles, clock, user, roundId, stationId, null, ct);
    }

    /// <summary>Each station's sheets in a round as the caller may know them: all parties for the bureau manager or after the close, else the caller's own.</summary>
    public static async Task<IReadOnlyList<SheetStatusDto>> Statuses(AppDbContext db, ClaimsPrincipal user, EvaluationRound round, CancellationToken ct)
    {
        var own = EvaluationParties.Of(user);
        var all = round.Status == RoundStatus.Closed || user.Can(Permissions.EvaluationsManage);
        var parties = round.PartyList.Where(p => all || p == own).ToList();
        if (parties.Count == 0) return [];
        var sheets = await db.Set<EvaluationSheet>().AsNoTracking().Where(s => s.RoundId == round.Id && parties.Contains(s.Party))
            .Select(s => new { s.StationId, s.Party, s.SubmittedAt }).ToListAsync(ct);
        return round.Stations.SelectMany(st => parties.Select(p =>
        {
            var sheet = sheets.FirstOrDefault(s => s.StationId == st.StationId && s.Party == p);
            var (status, name) = sheet is null ? ("new", "未评分") : sheet.SubmittedAt is null ? ("draft", "评分中") : ("submitted", "已提交");
            return new SheetStatusDto(st.StationId, EvaluationLabels.ToApi(p), EvaluationLabels.Chinese(p), status, name, sheet?.SubmittedAt);
        })).ToList();
    }

    public static EvaluationParty? ParseParty(string? text) =>
        Enum.GetValues<EvaluationParty>().Cast<EvaluationParty?>().FirstOrDefault(p => string.Equals(EvaluationLabels.ToApi(p!.Value), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The round and station as the caller reaches them (404 outside scope, outside the round, for a caller who is not
    /// one of its parties, or for the evaluator outside the round's dates) and the caller's own party.
    /// </summary>
    public static async Task<(EvaluationRound Round, EvaluationRoundStation Station, EvaluationParty Party)> Access(
        AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid roundId, Guid stationId, bool track, CancellationToken ct)
    {
        var scope = user.Scope();
        var round = await GetRound.Load(db, scope, roundId, ct, track);
        var station = round.Stations.FirstOrDefault(s => s.StationId == stationId);
        if (station is null || !StationInScope(scope, station))
        {
            throw new NotFoundException("社工站不在本轮评估中或不在您的权限范围内");
        }
        if (EvaluationParties.Of(user) is not { } party || !round.PartyList.Contains(party))
        {
            throw new NotFoundException("您不是本轮评估的评分方");
        }
        if (party == EvaluationParty.Evaluator && round.Status == RoundStatus.Open)
        {
            var today = ChinaTime.Today(clock);
            if (today < round.StartsOn || today > round.EndsOn)
            {
                throw new NotFoundException($"第三方评估人员只能在评估日期内（{round.StartsOn:yyyy-MM-dd} 至 {round.EndsOn:yyyy-MM-dd}）评分");
            }
        }
        return (round, station, party);
    }

    private static bool StationInScope(UserScope scope, EvaluationRoundStation station) => scope.Kind switch
    {
        ScopeKind.Platform => true,
        ScopeKind.Region => scope.ContainsRegion(station.RegionCode),
        ScopeKind.Station => scope.StationId == station.StationId,
        _ => false,
    };

    private static void Frozen(EvaluationRound round)
    {
        if (round.Status == RoundStatus.Closed)
        {
            throw new ConflictException("本轮评估已结束，评分已冻结，不能再修改");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static SheetDto Dto(EvaluationRound round, EvaluationRoundStation station, EvaluationParty party, EvaluationSheet? sheet, IReadOnlyList<StationFact> facts, Dictionary<string, List<Attachments.AttachmentDto>> files, int decimals, bool canEdit)
    {
        var tree = round.Tree!.ToTree();
        var scores = sheet?.Scores.ToDictionary(s => s.IndicatorCode, StringComparer.Ordinal) ?? [];
        var factsByKey = facts.ToDictionary(f => f.Key);
        var rows = new List<SheetIndicatorDto>();
        void Walk(IEnumerable<Indicator> indicators, int depth)
        {
            foreach (var i in indicators)
            {
                var fact = i.Fact is { } key ? factsByKey.GetValueOrDefault(key) : null;
                var score = scores.GetValueOrDefault(i.Code);
                rows.Add(new SheetIndicatorDto(i.Code, i.Name, depth, i.Points, i.IsLeaf, i.LooksAt, i.Methods.Select(EvaluationMethods.Chinese).ToArray(),
                    i.Fact, i.Fact is { } f ? EvaluationFacts.Chinese(f) : null, fact?.Summary, fact?.Link, score?.Points, score?.Note, score?.Evidence,
                    files.GetValueOrDefault(i.Code) ?? []));
                Walk(i.Children, depth + 1);
            }
        }
        Walk(tree.Indicators, 1);
        var (status, name) = sheet is null ? ("new", "未评分") : sheet.SubmittedAt is null ? ("draft", "评分中") : ("submitted", "已提交");
        return new SheetDto(round.Id, round.Title, EvaluationParties.Status(round.Status), station.StationId, station.StationName, EvaluationLabels.ToApi(party), EvaluationLabels.Chinese(party),
            status, name, sheet?.SubmittedAt, sheet?.SubmittedBy, sheet?.Comments, scores.Values.Sum(s => s.Points), tree.Total, decimals,
            tree.Leaves().Count(), ScoreSheetRules.Unscored(tree, scores.Keys).Select(l => l.Code).ToList(), rows, canEdit,
            sheet?.Version ?? 0, sheet?.UpdatedAt, sheet?.UpdatedBy);
    }
}
