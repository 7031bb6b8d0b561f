using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

public static class WorkerEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/workers").WithTags("驻站社工 Workers");
        g.MapGet("/", (AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, Guid? stationId, string? q, string? role, bool? active, int? page, int? pageSize, CancellationToken ct) =>
                ListWorkers.Handle(db, profiles, clock, http.User.Scope(), new ListWorkers.Query(stationId, q, role, active), PageRequest.From(page, pageSize), ct))
            .WithSummary("Workers inside the caller's scope, paged, each with today's compliance badge; ID numbers masked");
        g.MapPost("/", async (WorkerInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await SaveWorker.Create(db, profiles, clock, http.User.Scope(), input, ct);
                return TypedResults.Created($"/api/v1/workers/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.WorkersManage)
            .WithSummary("Register a worker at a station");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                GetWorker.Handle(db, profiles, clock, http.User.Scope(), id, ct))
            .WithSummary("One worker (404 outside the caller's scope); ID number masked");
        g.MapPut("/{id:guid}", (Guid id, WorkerInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                SaveWorker.Update(db, profiles, clock, http.User.Scope(), id, input, ct))
            .RequireAuthorization(Permissions.WorkersManage)
            .WithSummary("Update a worker; send the version you read (409 when stale); a masked idNumber keeps the stored one");
        g.MapGet("/{id:guid}/compliance", (Guid id, string? date, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                GetWorker.Compliance(db, profiles, http.User.Scope(), id, CheckStation.ParseDate(date, clock), ct))
            .WithSummary("The worker checked against the station's profile on a date (default today)");
        g.MapPost("/{id:guid}/reveal", (Guid id, RevealInput input, AppDbContext db, AuditLog audit, HttpContext http, CancellationToken ct) =>
                GetWorker.Reveal(db, audit, http.User.Scope(), id, input, ct))
            .RequireAuthorization(Permissions.WorkersReveal)
            .WithSummary("The full ID number; a reason is required and written to the audit trail");
        g.MapPost("/hiring-check", (WorkerInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                SaveWorker.HiringCheck(db, profiles, clock, http.User.Scope(), input, ct))
            .RequireAuthorization(Permissions.WorkersManage)
            .WithSummary("Check a candidate against the chosen station's profile on the planned hire date; nothing is saved");
        g.MapGet("/findings", (AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, string? date, string? rule, string? severity, bool? passed, Guid? stationId, string? regionCode, int? page, int? pageSize, CancellationToken ct) =>
                StaffFindings.Handle(db, profiles, http.User.Scope(), new StaffFindings.Query(CheckStation.ParseDate(date, clock), rule, severity, passed, stationId, regionCode), PageRequest.From(page, pageSize), ct))
            .WithSummary("Every staffing finding of the stations in the caller's scope (a county for a bureau), filterable by rule, severity and result");
        g.MapGet("/findings/export", async (AppDbContext db, ProfileCatalog profiles, AuditLog audit, TimeProvider clock, HttpContext http, string? date, string? rule, string? severity, bool? passed, Guid? stationId, string? regionCode, CancellationToken ct) =>
            {
                var query = new StaffFindings.Query(CheckStation.ParseDate(date, clock), rule, severity, passed, stationId, regionCode);
                var bytes = await StaffFindings.Export(db, profiles, audit, http.User.Scope(), query, ct);
                return TypedResults.File(bytes, XlsxType, $"人员检查结果-{query.Date:yyyyMMdd}.xlsx");
            })
            .WithSummary("The same findings as an Excel workbook (.xlsx); the export is audited");
        g.MapGet("/import/template", () => TypedResults.File(ImportWorkers.Template(), XlsxType, "驻站社工导入模板.xlsx"))
            .RequireAuthorization(Permissions.WorkersManage)
            .WithSummary("The Excel template for importing workers");
        // The form is read inside the handler, not bound as a parameter: a bound IFormFile makes routing answer 415
        // to a wrong content type before authorization has run, and every refusal must come from authorization first.
        // No antiforgery token is asked: API clients send a bearer token, and the SameSite=Lax session cookie is not
        // sent with a cross-site POST; the import page posts through its own handler, which checks the token.
        g.MapPost("/import", async (Guid? stationId, AppDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var file = (await HostileInput.ReadFormAsync(http.Request, "file", ImportWorkers.MaxBytes, ct))?.Files.GetFile("file");
                if (file is null || file.Length == 0)
                {
                    throw RequestValidationException.For("file", "请选择要导入的 Excel 文件（.xlsx）");
                }
                if (file.Length > ImportWorkers.MaxBytes)
                {
                    throw RequestValidationException.For("file", "文件不能超过5MB");
                }
                await using var stream = file.OpenReadStream();
                var result = await ImportWorkers.Handle(db, audit, clock, http.User.Scope(), stationId, stream, ct);
                if (result.Succeeded)
                {
                    return Results.Ok(new { imported = result.Imported });
                }
                var problem = new ValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["file"] = [$"文件中有{result.Errors.Count}处错误，未导入任何数据；请按 importErrors 逐项修改后重新导入"],
                })
                {
                    Status = 400,
                    Title = "导入失败，未保存任何数据",
                };
                problem.Extensions["importErrors"] = result.Errors;
                return Results.Problem(problem);
            })
            .RequireAuthorization(Permissions.WorkersManage)
            // The body is described here because it is read by hand (see above), not bound.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Description = "multipart/form-data，字段 file 为按模板填写的 .xlsx 文件",
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        ["multipart/form-data"] = new()
                        {
                            Schema = new Microsoft.OpenApi.OpenApiSchema
                            {
                                Type = Microsoft.OpenApi.JsonSchemaType.Object,
                                Required = new HashSet<string> { "file" },
                                Properties = new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>
                                {
                                    ["file"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" },
                                },
                            },
                        },
                    },
                };
                return Task.CompletedTask;
            })
            .WithSummary("Import workers into a station from the template (multipart field 'file', query stationId): all rows or none");
    }
}
