using Microsoft.EntityFrameworkCore;
using QRCoder;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Public;

public static class PublicEndpoints
{
    /// <summary>The staff API of the public pages (under /api/v1, signed in, scoped like every station record).</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/stations").WithTags("信息公开 Public disclosure");
        g.MapGet("/{id:guid}/disclosure", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) =>
                DisclosureUseCases.Get(db, http.User.Scope(), id, ct))
            .WithSummary("What the station and its contractor publish on the station's public page, with the page's and the QR code's paths");
        g.MapPut("/{id:guid}/disclosure", (Guid id, StationDisclosureInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                DisclosureUseCases.SaveStation(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.PublicWrite)
            .WithSummary("Write the station's service directory, service guide and the day its service list was filed; send the version you read once one exists (409 when stale)");
        g.MapPut("/{id:guid}/contractor-disclosure", (Guid id, ContractorDisclosureInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                DisclosureUseCases.SaveContractor(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.PublicContractor)
            .WithSummary("Write the disclosure of the station's contractor (Hunan: basic facts, qualifications, annual financial report, project experience); 422 when the station has no contractor");

        var cases = api.MapGroup("/featured-cases").WithTags("信息公开 Public disclosure");
        cases.MapPost("/{id:guid}/publish", (Guid id, PublishInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                DisclosureUseCases.Publish(db, clock, http.User, id, input, true, ct))
            .RequireAuthorization(Permissions.PublicApprove)
            .WithSummary("The bureau approves a featured case for the station's public page; send the version you read (409 when the text changed since)");
        cases.MapPost("/{id:guid}/unpublish", (Guid id, PublishInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                DisclosureUseCases.Publish(db, clock, http.User, id, input, false, ct))
            .RequireAuthorization(Permissions.PublicApprove)
            .WithSummary("Withdraw a featured case from the public page");
    }

    /// <summary>
    /// The one anonymous endpoint outside Razor Pages: a station's QR code for its door sign, pointing at its public page.
    /// Drawn here as SVG (QRCoder), no outside service. It reveals no more than the page itself: that the station exists.
    /// </summary>
    public static void MapAnonymous(IEndpointRouteBuilder app)
    {
        app.MapGet("/public/stations/{id:guid}/qr.svg", async (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) =>
            {
                if (!await db.Platforms.AnyAsync(p => p.Id == id, ct))
                {
                    return Results.NotFound();
                }
                var url = $"{http.Request.Scheme}://{http.Request.Host}{DisclosureUseCases.PublicPath(id)}";
                http.Response.Headers.CacheControl = "public, max-age=86400";
                return Results.Text(QrSvg(url), "image/svg+xml; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    public static string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
