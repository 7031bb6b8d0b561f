using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

public static class RecipientEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/recipients").WithTags("服务对象 Recipients");
        g.MapGet("/", (AppDbContext db, RecipientProtector protector, TimeProvider clock, HttpContext http, string? q, string? villageCode, string? category,
                    string? riskLevel, Guid? workerId, string? status, Guid? stationId, bool? duplicates, int? page, int? pageSize, CancellationToken ct) =>
            {
                // A whole ID number never travels in a URL, where proxies and request logs keep it (docs/security.md "Data protection").
                if (LogScrubbing.Scrub(q ?? "") != (q ?? ""))
                {
                    throw RequestValidationException.For("q", "完整身份证号码不能放在网址中，请用 POST /api/v1/recipients/search 在请求体中查找");
                }
                return ListRecipients.Handle(db, protector, clock, http.User.Scope(),
                    new ListRecipients.Query(q, villageCode, category, riskLevel, workerId, status, stationId, duplicates), PageRequest.From(page, pageSize), ct);
            })
            .WithSummary("Search recipients inside the caller's scope, masked, paged")
            .WithDescription("q: name (Chinese prefix), pinyin initials or full pinyin (zs, zhangsan), the last 4 characters of the ID number. A whole ID number is refused here (400): send it to POST /api/v1/recipients/search. Filters: villageCode (prefix), category, riskLevel, workerId, status, stationId, duplicates=true.");
        g.MapPost("/search", (RecipientSearch search, AppDbContext db, RecipientProtector protector, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ListRecipients.Handle(db, protector, clock, http.User.Scope(),
                    new ListRecipients.Query(search.Q, search.VillageCode, search.Category, search.RiskLevel, search.WorkerId, search.Status, search.StationId, search.Duplicates),
                    PageRequest.From(search.Page, search.PageSize), ct))
            .WithSummary("The same search with the terms in the body: the way to search by a whole ID number, which never goes in a URL");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                GetRecipient.Handle(db, protector, audit, clock, http.User, id, ct))
            .WithSummary("One recipient, masked; the view is written to the audit trail (404 outside the caller's scope)");
        g.MapPost("/", async (RecipientInput input, AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await SaveRecipient.Create(db, protector, audit, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/recipients/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.RecipientsWrite)
            .WithSummary("Register a recipient (409 when the ID number is already registered in that station)");
        g.MapPut("/{id:guid}", (Guid id, RecipientInput input, AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                SaveRecipient.Update(db, protector, audit, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.RecipientsWrite)
            .WithSummary("Update a recipient; send the version you read (409 when stale); masked values sent back are kept");
        g.MapPost("/{id:guid}/reveal", (Guid id, RevealInput input, AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                GetRecipient.Reveal(db, protector, audit, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.RecipientsReveal)
            .WithSummary("The recipient in full; needs a reason, which is written to the audit trail with the reveal");
        g.MapGet("/{id:guid}/access", (Guid id, AppDbContext db, HttpContext http, int? page, int? pageSize, CancellationToken ct) =>
                GetRecipient.Access(db, http.User.Scope(), id, PageRequest.From(page, pageSize), ct))
            .WithSummary("Who viewed, revealed, exported or changed this recipient, newest first");
        g.MapPost("/export", (ExportRecipients.Input input, AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ExportRecipients.Handle(db, protector, audit, clock, http.User, input, ct))
            .RequireAuthorization(Permissions.RecipientsExport)
            .WithSummary("The filtered list as an Excel file, masked unless reveal is true (needs the reveal permission and a reason); audited per recipient")
            .Produces(200, contentType: ExportRecipients.ContentType);
    
        var imports = api.MapGroup("/recipient-imports").WithTags("服务对象名单导入 Roster imports").RequireAuthorization(Permissions.RecipientsImport);
        imports.MapGet("/", (AppDbContext db, HttpContext http, int? page, int? pageSize, CancellationToken ct) =>
                ImportRoster.List(db, http.User.Scope(), PageRequest.From(page, pageSize), ct))
            .WithSummary("Roster imports of the stations in the caller's scope, newest first");
        imports.MapPost("/", async (HttpRequest request, Guid? stationId, string? category, string? fileName, AppDbContext db, RecipientProtector protector,
                    AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                // The file is the request body itself (not a form), so a cross-site form cannot post one.
                var type = request.ContentType?.Split(';')[0].Trim();
                if (type is not (ImportRoster.XlsxType or "application/octet-stream"))
                {
                    throw RequestValidationException.For("file", "请以 Excel 文件（.xlsx）作为请求体上传，Content-Type 为 " + ImportRoster.XlsxType);
                }
                var dto = await ImportRoster.Upload(db, protector, audit, clock, http.User, stationId, category, fileName, request.Body, ct);
                return TypedResults.Created($"/api/v1/recipient-imports/{dto.Id}", dto);
            })
            .WithSummary("Upload a roster (.xlsx as the request body) for a station and category; answers the columns and a suggested mapping")
            .WithDescription("Body: the .xlsx file itself, Content-Type " + ImportRoster.XlsxType + ". Query: stationId (optional for station staff), category (e.g. dibao, tekunDispersed), fileName. Then PUT the mapping, poll GET until status is checked, review problems and diff, and POST confirm.");
        imports.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) =>
                ImportRoster.Get(db, http.User.Scope(), id, ct))
            .WithSummary("An import's status, progress (percent), problems by row and column, and the diff (new, changed, unchanged, left)");
        imports.MapPut("/{id:guid}/mapping", (Guid id, MappingInput input, AppDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ImportRoster.SetMapping(db, audit, clock, http.User.Scope(), id, input, ct))
            .WithSummary("Which column holds which field (name and idNumber required; phone, address, village optional); remembered for the station; starts the check");
        imports.MapPost("/{id:guid}/confirm", (Guid id, AppDbContext db, AuditLog audit, HttpContext http, CancellationToken ct) =>
                ImportRoster.Confirm(db, audit, http.User.Scope(), id, ct))
            .WithSummary("Confirm a checked import without problems; a background job writes it in one transaction");
    }
}

/// <summary>The search terms of GET /api/v1/recipients, sent in a body so a whole ID number stays out of URLs and request logs.</summary>
public sealed record RecipientSearch(string? Q, string? VillageCode = null, string? Category = null, string? RiskLevel = null, Guid? WorkerId = null,
    string? Status = null, Guid? StationId = null, bool? Duplicates = null, int? Page = null, int? PageSize = null);
