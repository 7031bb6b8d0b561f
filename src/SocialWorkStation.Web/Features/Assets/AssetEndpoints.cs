using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Assets;

/// <summary>The fixed-asset register (固定资产台账, docs/requirements/books.md §2).</summary>
public static class AssetEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var s = api.MapGroup("/stations/{id:guid}").WithTags("固定资产 Fixed assets").RequireAuthorization(Permissions.AssetsRead);
        s.MapGet("/assets", (Guid id, string? status, int? page, int? pageSize, AppDbContext db, HttpContext http, CancellationToken ct) =>
                AssetUseCases.List(db, http.User, id, status, PageRequest.From(page, pageSize), ct))
            .WithSummary("The station's fixed-asset register (404 outside scope); status inUse or disposed (disposed ones stay in the register)");
        s.MapPost("/assets", async (Guid id, AssetInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await AssetUseCases.Create(db, http.User, clock, id, input, ct);
                return TypedResults.Created($"/api/v1/assets/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.AssetsWrite)
            .WithSummary("Register an asset: name, category, original value in yuan (2 decimals), acquired date, funding source, location, custodian");
        s.MapGet("/asset-checks", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => AssetUseCases.Checks(db, http.User, id, ct))
            .WithSummary("The station's check-ups (盘点), newest first, with each asset's result");
        s.MapPost("/asset-checks", async (Guid id, AssetCheckInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await AssetUseCases.Check(db, http.User, clock, id, input, ct);
                return TypedResults.Created($"/api/v1/asset-checks/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.AssetsWrite)
            .WithSummary("Record a check-up: a date, who counted and each asset found, missing or damaged (assets of this station in the register that day)");

        var g = api.MapGroup("/assets").WithTags("固定资产 Fixed assets").RequireAuthorization(Permissions.AssetsRead);
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => AssetUseCases.Get(db, http.User, id, ct))
            .WithSummary("One asset with its last check-up result (404 outside scope)");
        g.MapPut("/{id:guid}", (Guid id, AssetInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) => AssetUseCases.Update(db, http.User, clock, id, input, ct))
            .RequireAuthorization(Permissions.AssetsWrite)
            .WithSummary("Correct an asset's entry; send the version you read (409 when stale); 422 once disposed");
        g.MapPost("/{id:guid}/dispose", (Guid id, DisposeInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) => AssetUseCases.Dispose(db, http.User, clock, id, input, ct))
            .RequireAuthorization(Permissions.AssetsWrite)
            .WithSummary("Dispose of an asset (reason, approval, date); it stays in the register marked 已处置; send the version you read (409 when stale)");

        api.MapGroup("/asset-checks").WithTags("固定资产 Fixed assets").RequireAuthorization(Permissions.AssetsRead)
            .MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => AssetUseCases.GetCheck(db, http.User, id, ct))
            .WithSummary("One check-up with each asset's result (404 outside scope)");
    }
}
