using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>Evaluation API (docs/requirements/evaluation.md): indicator trees, rounds, score sheets, results.</summary>
public static class EvaluationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var trees = api.MapGroup("/evaluation-trees").WithTags("评估指标体系 Evaluation trees");
        trees.MapGet("/", (AppDbContext db, HttpContext http, CancellationToken ct) => GetTrees.List(db, http.User.Scope(), ct))
            .WithSummary("The indicator trees stored for the caller's county: each version, the profile defaults as first used and the trees loaded from Excel");
        trees.MapGet("/default", (string? profileKey, ProfileCatalog profiles) => GetTrees.Default(profiles, profileKey))
            .WithSummary("A profile's default indicator tree (平台默认 where its document gives none), grouped under MZ/T 059-2014's four areas");
        trees.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => GetTrees.One(db, http.User.Scope(), id, ct))
            .WithSummary("One stored tree version in full: indicators at any depth with points, what is looked at, method and linked platform facts");

        var rounds = api.MapGroup("/evaluation-rounds").WithTags("评估轮次 Evaluation rounds");
        rounds.MapGet("/", (int? serviceYear, string? kind, string? status, Guid? stationId, int? page, int? pageSize, AppDbContext db, HttpContext http, CancellationToken ct) =>
                ListRounds.Handle(db, http.User.Scope(), new ListRounds.Query(serviceYear, kind, status, stationId), PageRequest.From(page, pageSize), ct))
            .WithSummary("Rounds inside the caller's scope, newest service year first; kind midTerm, final, quarterlyInspection or selfEvaluation; status open or closed");
        rounds.MapGet("/{id:guid}", (Guid id, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                GetRound.Handle(db, profiles, http.User, id, ct))
            .WithSummary("One round: stations, dates, the tree version it keeps, the parties and weights; composites, grades and ranks once closed (404 outside scope)");
        rounds.MapPost("/", async (RoundInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await CreateRound.Handle(db, profiles, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/evaluation-rounds/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.EvaluationsManage)
            .WithSummary("Start a round of a kind the profile asks for: service year, the evaluator's dates, the stations (default: all of the county) and optionally a loaded tree; 409 when a station is already in that kind of round that year");
    }

    public static void AddEvaluations(this IServiceCollection services)
    {
    }
}
