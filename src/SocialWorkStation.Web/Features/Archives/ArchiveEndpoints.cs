using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Archives;

/// <summary>The station's archives (docs/requirements/books.md §1).</summary>
public static class ArchiveEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var s = api.MapGroup("/stations/{id:guid}/archives").WithTags("档案 Archives").RequireAuthorization(Permissions.ArchivesRead);
        s.MapGet("/", (Guid id, string? category, int? year, string? status, string? q, int? page, int? pageSize, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ArchiveUseCases.List(db, http.User, clock, profiles, id, category, year, status, q, PageRequest.From(page, pageSize), ct))
            .WithSummary("The station's archive catalogue (404 outside scope): filter by category, year, status (inStock, onLoan, overdue, destroyed, retentionEnded) and words of the title or number");
        s.MapPost("/", async (Guid id, ArchiveInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await ArchiveUseCases.Create(db, http.User, clock, profiles, id, input, ct);
                return TypedResults.Created($"/api/v1/archives/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.ArchivesWrite)
            .WithSummary("Register an archive entry; the platform gives its number (档号 station code-category code-year-sequence); retention not below the profile's (422 naming the clause)");
        s.MapGet("/archivist", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => ArchiveUseCases.GetArchivist(db, http.User, id, ct))
            .WithSummary("The station's designated archivist (指定专人), version 0 when none is designated");
        s.MapPut("/archivist", (Guid id, ArchivistInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ArchiveUseCases.SetArchivist(db, http.User, clock, id, input, ct))
            .RequireAuthorization(Permissions.ArchivesManage)
            .WithSummary("Designate the archivist: an active account of this station; send the version you read (0 for the first; 409 when stale)");

        var g = api.MapGroup("/archives").WithTags("档案 Archives").RequireAuthorization(Permissions.ArchivesRead);
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) => ArchiveUseCases.Get(db, http.User, clock, id, ct))
            .WithSummary("One archive entry with its loans, electronic copies and, once destroyed, the destruction record (404 outside scope)");
        g.MapPut("/{id:guid}", (Guid id, ArchiveUpdateInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ArchiveUseCases.Update(db, http.User, clock, profiles, id, input, ct))
            .RequireAuthorization(Permissions.ArchivesWrite)
            .WithSummary("Change title, copies, paper location, retention or note; send the version you read (409 when stale)");
        g.MapPost("/{id:guid}/loans", (Guid id, LoanInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ArchiveUseCases.Lend(db, http.User, clock, id, input, ct))
            .RequireAuthorization(Permissions.ArchivesWrite)
            .WithSummary("Lend the archive (借阅) until a due day (on time on that day, overdue after); 422 while on loan, destroyed, or when the caller is not the designated archivist");
        g.MapPost("/{id:guid}/loans/{loanId:guid}/return", (Guid id, Guid loanId, ReturnInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ArchiveUseCases.Return(db, http.User, clock, id, loanId, input, ct))
            .RequireAuthorization(Permissions.ArchivesWrite)
            .WithSummary("Record the return of a loan; send the archive's version (409 when stale)");
        g.MapPost("/{id:guid}/destroy", (Guid id, DestroyInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ArchiveUseCases.Destroy(db, http.User, clock, id, input, ct))
            .RequireAuthorization(Permissions.ArchivesDestroy)
            .WithSummary("Destroy on the county bureau's approval once retention has ended (422 naming the clause up to and including its last day); the entry stays, marked destroyed");
    }
}
