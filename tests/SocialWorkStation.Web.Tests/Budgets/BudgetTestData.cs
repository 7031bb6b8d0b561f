using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Budgets;
using SocialWorkStation.Web.Tests.Agreements;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Budgets;

/// <summary>Agreements with budgets for the budget tests: each test makes its own.</summary>
public static class BudgetTestData
{
    /// <summary>A cycle of the profile covering the station, its first agreement signed through the API; the agreement's id.</summary>
    public static async Task<string> Agreement(HttpClient bureau, string profileKey, string contractor, string station, string countyCode = "469030")
    {
        var cycle = await AgreementTestData.Cycle(bureau, new { countyCode, profileKey, contractorId = contractor, startDate = "2026-01-01", stationIds = new[] { station } });
        var url = $"/api/v1/programme-cycles/{cycle.GetProperty("id").GetString()}/agreements";
        // Qiongzhong's term runs one year from signing and is computed; the others name it.
        var response = profileKey == "hainan-qiongzhong"
            ? await bureau.PostJson(url, new { signedOn = "2026-01-05", amount = 212000m })
            : await bureau.PostJson(url, new { signedOn = "2026-01-05", termStart = "2026-01-05", termEnd = "2027-01-04", amount = 212000m });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJson()).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> Budget(HttpClient bureau, string agreement, string station, params object[] lines)
    {
        var response = await bureau.PostJson($"/api/v1/agreements/{agreement}/budgets", new { stationId = station, lines });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJson();
    }

    public static string Line(JsonElement budget, string category, string? source = null) =>
        budget.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("category").GetString() == category
            && (source is null || l.GetProperty("fundingSource").GetString() == source)).GetProperty("id").GetString()!;

    public static async Task<JsonElement> Spend(HttpClient client, string line, decimal amount, string date, string payee = "某某文具店", string purpose = "购买活动物资")
    {
        var response = await client.PostJson("/api/v1/spending", new { budgetLineId = line, date, amount, payee, purpose });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJson();
    }

    public static async Task<JsonElement> Step(HttpClient bureau, JsonElement entry, string action)
    {
        var response = await bureau.PostJson($"/api/v1/spending/{entry.GetProperty("id").GetString()}/steps", new { action, version = entry.GetProperty("version").GetInt32() });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJson();
    }

    /// <summary>A budget with one line and one recorded spending entry written straight to the database (for the authorization matrix).</summary>
    public static async Task<(Guid Budget, Guid Spending)> AddDirect(TestApp app, Guid agreement, Guid station)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var budget = new Budget { AgreementId = agreement, StationId = station, CreatedBy = "test", CreatedAt = DateTime.UtcNow };
        var line = new BudgetLine { BudgetId = budget.Id, Category = "operations", FundingSource = FundingSource.FiscalBudget, Amount = 50000m };
        budget.Lines.Add(line);
        var entry = new SpendingEntry { BudgetLineId = line.Id, StationId = station, Date = app.Today, Amount = 10m, Payee = "矩阵", Purpose = "矩阵", RecordedBy = "test", RecordedAt = DateTime.UtcNow };
        db.Add(budget);
        db.Add(entry);
        await db.SaveChangesAsync();
        return (budget.Id, entry.Id);
    }
}
