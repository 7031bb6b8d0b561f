using System.Security.Claims;
using System.Text.Json;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Web.Features.Accounts;

namespace SocialWorkStation.Web.Features.Evaluations;

public sealed record RoundInput(string? Kind, int? ServiceYear, DateOnly? StartsOn, DateOnly? EndsOn, Guid[]? StationIds, Guid? TreeId, string? CountyCode, string? Title);

public sealed record RoundListItem(Guid Id, string Title, string Kind, string KindName, int ServiceYear, string CountyCode, DateOnly StartsOn, DateOnly EndsOn, string Status, string StatusName, int StationCount);

public sealed record PartyDto(string Party, string Name, decimal? Weight);

public sealed record PartyScoreDto(string Party, string Name, decimal Raw, decimal OutOf100);

public sealed record RoundStationDto(Guid StationId, string Name, string RegionCode, decimal? Composite, string? Grade, int? Rank, IReadOnlyList<PartyScoreDto>? Scores);

public sealed record TreeSummary(Guid Id, string Name, int Version, decimal Total, bool IsDefault);

/// <summary>
/// A round as its reader may see it. <see cref="MyParty"/> is the caller's scoring party; <see cref="Stations"/> carry
/// scores only after the close. <see cref="Scoring"/> says whether the profile gives a composite and grade or raw scores.
/// </summary>
public sealed record RoundDto(
    Guid Id, string Title, string Kind, string KindName, int ServiceYear, string CountyCode, string ProfileKey, string ProfileName,
    DateOnly StartsOn, DateOnly EndsOn, string Status, string StatusName, TreeSummary Tree, IReadOnlyList<PartyDto> Parties,
    string Scoring, IReadOnlyList<string> GradeBands, int Precision, long Seed, IReadOnlyList<RoundStationDto> Stations,
    DateTime? ClosedAt, string? ClosedBy, int Version, string? MyParty);

public sealed record IndicatorDto(string Code, string Name, decimal Points, string? LooksAt, string[] Methods, string[] MethodNames, string? Fact, string? FactName, string? Source, IReadOnlyList<IndicatorDto> Children)
{
    public static IndicatorDto From(Indicator i) => new(i.Code, i.Name, i.Points, i.LooksAt,
        i.Methods.Select(EvaluationMethods.ToApi).ToArray(), i.Methods.Select(EvaluationMethods.Chinese).ToArray(),
        i.Fact, i.Fact is { } f ? EvaluationFacts.Chinese(f) : null, i.Source, i.Children.Select(From).ToList());
}

public sealed record TreeDto(Guid? Id, string? CountyCode, string ProfileKey, string Name, int? Version, decimal Total, string Source, string? Interpretation, bool IsDefault,
    int IndicatorCount, int LeafCount, IReadOnlyList<IndicatorDto> Indicators, DateTime? CreatedAt)
{
    public static TreeDto From(IndicatorTree t, string profileKey, EvaluationTree? row) => new(row?.Id, row?.CountyCode, profileKey, t.Name, row?.TreeVersion, t.Total, t.Source,
        t.Interpretation, row?.IsDefault ?? true, t.All().Count(), t.Leaves().Count(), t.Indicators.Select(IndicatorDto.From).ToList(), row?.CreatedAt);
}

public static class EvaluationParties
{
    /// <summary>The party a user scores for: the evaluator, the bureau officer, the township officer; the station head in a self-evaluation.</summary>
    public static EvaluationParty? Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Evaluator) ? EvaluationParty.Evaluator
        : user.IsInRole(Roles.BureauOfficer) ? EvaluationParty.Bureau
        : user.IsInRole(Roles.TownshipOfficer) ? EvaluationParty.Township
        : user.IsInRole(Roles.StationHead) ? EvaluationParty.Station
        : null;

    public static string Status(RoundStatus s) => s == RoundStatus.Closed ? "closed" : "open";

    public static string StatusName(RoundStatus s) => s == RoundStatus.Closed ? "已结束" : "评分中";
}

public static class RoundDtos
{
    public static RoundListItem Item(EvaluationRound r) => new(r.Id, r.Title, EvaluationLabels.ToApi(r.Kind), EvaluationLabels.Chinese(r.Kind), r.ServiceYear, r.CountyCode,
        r.StartsOn, r.EndsOn, EvaluationParties.Status(r.Status), EvaluationParties.StatusName(r.Status), r.Stations.Count);

    public static RoundDto Dto(EvaluationRound r, PolicyProfile? profile, ClaimsPrincipal user)
    {
        var rules = profile?.Evaluation;
        var weights = rules?.Weights?.Value.ToDictionary(w => w.Party, w => w.Weight) ?? [];
        var parties = r.PartyList.Select(p => new PartyDto(EvaluationLabels.ToApi(p), EvaluationLabels.Chinese(p), weights.TryGetValue(p, out var w) ? w : null)).ToList();
        var closed = r.Status == RoundStatus.Closed;
        var scoring = rules?.Weights is not null && r.PartyList.Count > 1
            ? "composite"
            : r.PartyList.Count == 1 ? "single" : "raw";
        var stations = r.Stations.OrderBy(s => s.Rank ?? int.MaxValue).ThenBy(s => s.RegionCode).Select(s => new RoundStationDto(s.StationId, s.StationName, s.RegionCode,
            closed ? s.Composite : null, closed ? s.Grade : null, closed ? s.Rank : null,
            closed && s.ResultJson is { } json ? JsonSerializer.Deserialize<PartyScore[]>(json, EvaluationJson.Options)!
                .Select(p => new PartyScoreDto(EvaluationLabels.ToApi(p.Party), EvaluationLabels.Chinese(p.Party), p.Raw, p.OutOf100)).ToList() : null)).ToList();
        var tree = r.Tree!;
        var my = EvaluationParties.Of(user) is { } party && r.PartyList.Contains(party) ? EvaluationLabels.ToApi(party) : null;
        return new RoundDto(r.Id, r.Title, EvaluationLabels.ToApi(r.Kind), EvaluationLabels.Chinese(r.Kind), r.ServiceYear, r.CountyCode, r.ProfileKey, profile?.ShortName ?? r.ProfileKey,
            r.StartsOn, r.EndsOn, EvaluationParties.Status(r.Status), EvaluationParties.StatusName(r.Status),
            new TreeSummary(tree.Id, tree.Name, tree.TreeVersion, tree.Total, tree.IsDefault), parties, scoring,
            rules?.Grades?.Value.Select(EvaluationEntries.Describe).ToList() ?? [], rules?.Decimals ?? EvaluationRules.DefaultPrecision.Value, r.Seed, stations,
            r.ClosedAt, r.ClosedBy, r.Version, my);
    }
}
