using System.Net;
using System.Security.Claims;
using System.Text.Json;
using SocialWorkStation.Domain.Archives;
using SocialWorkStation.Web.Features.Archives;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Archives;

public static class ArchiveTestData
{
    public static async Task<JsonElement> Create(HttpClient client, Guid station, int year, string title, string carrier = "paper", string? paperLocation = "档案柜1号", int? retentionYears = null, string category = "service")
    {
        var response = await client.PostJson($"/api/v1/stations/{station}/archives", new { category, year, title, carrier, paperLocation, retentionYears });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    /// <summary>An archive written straight to the database (another county's, for scope and the authorization matrix), with one open loan.</summary>
    public static async Task<(Guid Archive, Guid Loan)> AddDirect(TestApp app, Guid station, int year = 2020)
    {
        return await app.WithDb(async db =>
        {
            var a = new ArchiveFile
            {
                StationId = station, Category = ArchiveCategory.Financial, Year = year, Sequence = Random.Shared.Next(1, 9999), Title = "直写档案",
                Carrier = ArchiveCarrier.Paper, PaperLocation = "柜", RetentionYears = 3, RetentionSource = "test", FiledOn = app.Today, FiledBy = "test",
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            a.Code = "T-" + a.Id.ToString("N");
            var loan = new ArchiveLoan { Id = Guid.CreateVersion7(), Borrower = "借阅人", Purpose = "查阅", BorrowedOn = app.Today, DueOn = app.Today.AddDays(7), LentBy = "test" };
            a.Loans.Add(loan);
            db.Add(a);
            await db.SaveChangesAsync();
            return (a.Id, loan.Id);
        });
    }

    /// <summary>A signed-in principal as the API sees it, for calling a handler with a clock of the test's own.</summary>
    public static ClaimsPrincipal Principal(string userName, string role) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role),
        new Claim(Features.Accounts.UserScope.KindClaim, nameof(Features.Accounts.ScopeKind.Platform)),
    ], "test"));
}
