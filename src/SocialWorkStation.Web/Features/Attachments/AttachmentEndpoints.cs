using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;

namespace SocialWorkStation.Web.Features.Attachments;

public static class AttachmentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/attachments").WithTags("附件 Attachments");
        g.MapGet("/", (string? ownerType, Guid? ownerId, AppDbContext db, HttpContext http, CancellationToken ct) =>
                AttachmentUseCases.List(db, http.User, ownerType, ownerId, ct))
            .WithSummary("The attachments of one record (ownerType: activity, featuredCase, needsSurvey, resource, visit, groupSession)");
        g.MapGet("/{id:guid}", async (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) =>
                AttachmentDto.From(await AttachmentUseCases.Load(db, http.User, id, ct)))
            .WithSummary("One attachment's metadata (404 outside the owner record's scope)");
        g.MapGet("/{id:guid}/content", async (Guid id, AppDbContext db, AttachmentStore store, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, max-age=3600";
                // A stored file is never a page: should a browser render one anyway, it runs nothing and loads nothing.
                http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
                return await AttachmentUseCases.Download(db, store, http.User, id, ct);
            })
            .WithSummary("The file itself; images inline, every document (PDF, Word, Excel) as a download (Content-Disposition: attachment)");
        g.MapPost("/", async (AppDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock, IAntiforgery antiforgery,
                HttpContext http, CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType)
                {
                    return Results.Problem(statusCode: 415, title: "请求格式有误", detail: "请以 multipart/form-data 上传：ownerType、ownerId、category、file");
                }
                var form = await Infrastructure.HostileInput.ReadFormAsync(http.Request, "file", options.Value.MaxBytes, ct)
                    ?? throw Infrastructure.RequestValidationException.For("file", "请以 multipart/form-data 上传");
                // A browser session (cookie) must carry the antiforgery token; bearer clients cannot be forged cross-site.
                if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    && !await antiforgery.IsRequestValidAsync(http))
                {
                    return Results.Problem(statusCode: 400, title: "请求已过期", detail: "页面已过期，请刷新后重新上传。");
                }
                var input = new AttachmentUpload(form["ownerType"].FirstOrDefault(),
                    Guid.TryParse(form["ownerId"].FirstOrDefault(), out var ownerId) ? ownerId : null,
                    form["category"].FirstOrDefault(), form.Files.GetFile("file") ?? form.Files.FirstOrDefault());
                try
                {
                    var dto = await AttachmentUseCases.Upload(db, store, options.Value, clock, http.User, input, ct);
                    return Results.Created($"/api/v1/attachments/{dto.Id}", dto);
                }
                catch (AttachmentUseCases.Forbidden)
                {
                    return Results.Forbid();
                }
            })
            // Described by hand: an Accepts() declaration would make routing answer 415 before authorization.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["multipart/form-data"] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Required = new HashSet<string> { "ownerType", "ownerId", "file" },
                                Properties = new Dictionary<string, IOpenApiSchema>
                                {
                                    ["ownerType"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "activity, featuredCase, needsSurvey, resource, visit, groupSession" },
                                    ["ownerId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                                    ["category"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "photo (default), signInSheet, document" },
                                    ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                                },
                            },
                        },
                    },
                };
                return Task.CompletedTask;
            })
            .Produces<AttachmentDto>(201)
            .RequireAuthorization(Permissions.AttachmentsWrite)
            .WithSummary("Upload a file to a record (multipart: ownerType, ownerId, category photo|signInSheet|document, file). Type is decided from the content; images are scaled for phones and lose their EXIF data");
        g.MapDelete("/{id:guid}", async (Guid id, AppDbContext db, AttachmentStore store, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                try
                {
                    await AttachmentUseCases.Delete(db, store, clock, http.User, id, ct);
                    return Results.NoContent();
                }
                catch (AttachmentUseCases.Forbidden)
                {
                    return Results.Forbid();
                }
            })
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Remove an attachment: the file is deleted, the row keeps who removed it");
    }
}
