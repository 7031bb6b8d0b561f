using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Audit;
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

        // The form is read inside the handler, not bound, so that authorization answers first (see the workers' import).
        trees.MapPost("/import", async (AppDbContext db, ProfileCatalog profiles, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var form = await HostileInput.ReadFormAsync(http.Request, "file", ImportTree.MaxBytes, ct);
                var file = form?.Files.GetFile("file");
                if (form is null || file is null || file.Length == 0)
                {
                    throw RequestValidationException.For("file", "请选择要导入的指标体系 Excel 文件（.xlsx）");
                }
                if (file.Length > ImportTree.MaxBytes)
                {
                    throw RequestValidationException.For("file", "文件不能超过5MB");
                }
                var input = new TreeImportInput(form["name"].FirstOrDefault(), form["total"].FirstOrDefault(), form["source"].FirstOrDefault(), form["countyCode"].FirstOrDefault());
                await using var stream = file.OpenReadStream();
                try
                {
                    var dto = await ImportTree.Handle(db, profiles, audit, clock, http.User, input, file.FileName, stream, ct);
                    return Results.Created($"/api/v1/evaluation-trees/{dto.Id}", dto);
                }
                catch (ImportTree.ImportFailed failed)
                {
                    throw failed.ToValidation();
                }
            })
            .RequireAuthorization(Permissions.EvaluationsManage)
            .Produces<GetTrees.TreeListItem>(201)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Description = "multipart/form-data：file 为指标体系 .xlsx（表头 编码、上级编码、名称、分值、评估方法、评估内容、数据关联，样例见 " + ImportTree.SamplePath +
                        "）；name 名称（默认取文件名）；total 总分（默认为政策方案默认指标体系的总分，如 100 或 1000）；source 来源；countyCode 县级以上账号指定县",
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
                                    ["name"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Examples = [System.Text.Json.Nodes.JsonValue.Create("海南省社工站评估标准")!] },
                                    ["total"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Examples = [System.Text.Json.Nodes.JsonValue.Create("100")!] },
                                    ["source"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String },
                                    ["countyCode"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Examples = [System.Text.Json.Nodes.JsonValue.Create("469027")!] },
                                },
                            },
                        },
                    },
                };
                return Task.CompletedTask;
            })
            .WithSummary("Load the county's own indicator tree from an .xlsx sheet (multipart: file, name, total, source, countyCode); every error as 400 on field file naming the row and column (第 7 行「分值」…); importing under an existing name stores the next version, rounds keep theirs");

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
        rounds.MapPost("/{id:guid}/close", (Guid id, VersionInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                CloseRound.Handle(db, profiles, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.EvaluationsManage)
            .WithSummary("Close the round (结束评估) once every party submitted every station (422 naming the missing ones): scores frozen, each party scaled to 100 and rounded once, composite by the profile's weights, grade by its bands, rank in the county; 409 when stale or already closed");
        rounds.MapGet("/{id:guid}/sheets", async (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) =>
                await ScoreSheets.Statuses(db, http.User, await GetRound.Load(db, http.User.Scope(), id, ct), ct))
            .WithSummary("Where the sheets stand per station and party (未评分, 评分中, 已提交): the caller's own party before the close, all parties for the bureau manager or after the close");
        rounds.MapGet("/{id:guid}/stations/{stationId:guid}/sheet", (Guid id, Guid stationId, string? party, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ScoreSheets.Get(db, profiles, clock, http.User, id, stationId, party, ct))
            .RequireAuthorization(Permissions.EvaluationsScore)
            .WithSummary("The caller's score sheet for a station (三方评分), every indicator with the platform's facts beside it; ?party= reads another party's sheet only after the close or as the bureau manager (404 otherwise); the evaluator only on the round's dates");
        rounds.MapPut("/{id:guid}/stations/{stationId:guid}/sheet", (Guid id, Guid stationId, SheetInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ScoreSheets.Save(db, profiles, clock, http.User, id, stationId, input, ct))
            .RequireAuthorization(Permissions.EvaluationsScore)
            .WithSummary("Save the caller's points, notes and evidence for leaf indicators (0 to the leaf's points at the profile's precision, 400 naming the code); version 0 for a new sheet, 409 when stale, submitted or the round is closed");
        rounds.MapPost("/{id:guid}/stations/{stationId:guid}/sheet/submit", (Guid id, Guid stationId, VersionInput input, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ScoreSheets.Submit(db, profiles, clock, http.User, id, stationId, input, ct))
            .RequireAuthorization(Permissions.EvaluationsScore)
            .WithSummary("Submit the caller's complete sheet (提交); 422 listing the unscored leaves; the sheet no longer changes");
        rounds.MapPost("/{id:guid}/stations/{stationId:guid}/evidence", async (Guid id, Guid stationId, AppDbContext db, Attachments.AttachmentStore store,
                Microsoft.Extensions.Options.IOptions<Attachments.AttachmentOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                await ScoreSheets.Access(db, clock, http.User, id, stationId, track: false, ct);
                if (!http.Request.HasFormContentType)
                {
                    return Results.Problem(statusCode: 415, title: "请求格式有误", detail: "请以 multipart/form-data 上传：indicatorCode、category、file");
                }
                var form = await HostileInput.ReadFormAsync(http.Request, "file", options.Value.MaxBytes, ct)
                    ?? throw RequestValidationException.For("file", "请以 multipart/form-data 上传");
                var dto = await EvaluationEvidences.Upload(db, store, options.Value, clock, http.User, id, stationId, form["indicatorCode"].FirstOrDefault(),
                    form["category"].FirstOrDefault(), form.Files.GetFile("file") ?? form.Files.FirstOrDefault(), ct);
                return Results.Created($"/api/v1/attachments/{dto.Id}", dto);
            })
            .Produces<Attachments.AttachmentDto>(201)
            .RequireAuthorization(Permissions.EvaluationsScore)
            .WithSummary("Upload an evidence file beside one leaf indicator of the caller's sheet (multipart: indicatorCode, category photo|signInSheet|document, file); only the caller's party sees it until the round closes; 409 after the close");
        rounds.MapGet("/{id:guid}/stations/{stationId:guid}/interviews", (Guid id, Guid stationId, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                EvaluationEvidences.Interviews(db, clock, http.User, id, stationId, ct))
            .RequireAuthorization(Permissions.EvaluationsScore)
            .WithSummary("Questionnaire and interview records with the station's recipients (respondent labels, no names) and the average satisfaction: the caller's party's before the close, all after it or for the bureau manager");
        rounds.MapPost("/{id:guid}/stations/{stationId:guid}/interviews", (Guid id, Guid stationId, InterviewInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                EvaluationEvidences.AddInterview(db, clock, http.User, id, stationId, input, ct))
            .RequireAuthorization(Permissions.EvaluationsScore)
            .WithSummary("Record a questionnaire or interview (method questionnaire, phoneInterview or faceToFaceInterview; date; respondent label, not a name; satisfaction 1–5; note); 409 after the close");
        rounds.MapGet("/{id:guid}/results", (Guid id, AppDbContext db, ProfileCatalog profiles, HttpContext http, CancellationToken ct) =>
                EvaluationResults.Get(db, profiles, http.User, id, ct))
            .WithSummary("A closed round's results: each party's raw and out-of-100 score, composite, grade, whether it passes, rank in the county (422 before the close)");
        rounds.MapGet("/{id:guid}/results/export", async (Guid id, AppDbContext db, ProfileCatalog profiles, AuditLog audit, HttpContext http, CancellationToken ct) =>
            {
                var (bytes, name) = await EvaluationResults.Export(db, profiles, audit, http.User, id, ct);
                return TypedResults.File(bytes, ExcelCells.XlsxContentType, name);
            })
            .Produces(200, contentType: ExcelCells.XlsxContentType)
            .WithSummary("A closed round's results as Excel; the export is audited");
        rounds.MapGet("/{id:guid}/results/report", async (Guid id, AppDbContext db, ProfileCatalog profiles, AuditLog audit, HttpContext http, CancellationToken ct) =>
            {
                var (bytes, name) = await EvaluationReport.Write(db, profiles, audit, http.User, id, ct);
                return TypedResults.File(bytes, EvaluationReport.DocxContentType, name);
            })
            .Produces(200, contentType: EvaluationReport.DocxContentType)
            .WithSummary("A closed round's Word report (.docx): per station the composite, each party's score, grade, rank in the county, each party's comments and the rectification items; contents and page numbers; 422 before the close; the download is audited");
        rounds.MapGet("/{id:guid}/rectifications", (Guid id, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                Rectifications.ForRound(db, clock, http.User, id, ct))
            .WithSummary("The round's rectification items (整改) in the caller's scope: station, indicator, what to fix, owner, due date, status, overdue");
        rounds.MapPost("/{id:guid}/rectifications", async (Guid id, RectificationInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await Rectifications.Raise(db, clock, http.User, id, input, ct);
                return TypedResults.Created($"/api/v1/rectifications/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.RectificationsRaise)
            .WithSummary("Raise a rectification item for a station of the closed round on one indicator: what to fix, the owner (a station head's user name, or none: the station), the due date; 422 before the close");

        var items = api.MapGroup("/rectifications").WithTags("评估整改 Rectification");
        items.MapGet("/", (string? status, bool? overdue, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                Rectifications.List(db, clock, http.User, status, overdue, ct))
            .WithSummary("Rectification items in the caller's scope (status open, reported or closed; overdue=true: due date passed and not closed)");
        items.MapGet("/{id:guid}", (Guid id, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) => Rectifications.Get(db, clock, http.User, id, ct))
            .WithSummary("One rectification item with its whole history and evidence files (404 outside scope)");
        items.MapPost("/{id:guid}/report", (Guid id, RectificationReportInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                Rectifications.Report(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.RectificationsReport)
            .WithSummary("The station head reports what was done (evidence files: POST /api/v1/attachments with ownerType rectification); 409 when stale, already reported or closed");
        items.MapPost("/{id:guid}/review", (Guid id, RectificationReviewInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                Rectifications.Review(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.EvaluationsManage)
            .WithSummary("The bureau re-checks a reported item: passed=true closes it (合格), passed=false returns it with the reason (it stays open, history kept); 409 when stale or not reported");
    }

    public static void AddEvaluations(this IServiceCollection services)
    {
        services.AddScoped<Shared.IHomeQueueSource, RectificationHomeQueue>();
        services.AddScoped<Shared.IHomeQueueSource, EvaluationHomeQueue>();
    }
}
