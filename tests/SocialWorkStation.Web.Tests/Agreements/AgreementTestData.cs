using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Agreements;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Agreements;

/// <summary>Contractors, cycles and agreements of the agreement tests: each test makes its own.</summary>
public static class AgreementTestData
{
    public static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>A contractor organisation created through the API by the given client (a bureau or the administrator).</summary>
    public static async Task<string> Contractor(HttpClient client, string region, string? legalForm, string? authority, string name = "测试社会工作服务中心")
    {
        var response = await client.PostJson("/api/v1/organisations", new
        {
            name = name + Suffix(), kind = "contractor", regionCode = region, legalForm, registeringAuthority = authority, creditCode = "52469030MJ" + Random.Shared.Next(10000000, 99999999),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var json = await response.ReadJson();
        Assert.Equal(legalForm, json.GetProperty("legalForm").GetString());
        Assert.Equal(authority, json.GetProperty("registeringAuthority").GetString());
        return json.GetProperty("id").GetString()!;
    }

    public static async Task<System.Text.Json.JsonElement> Cycle(HttpClient bureau, object body)
    {
        var response = await bureau.PostJson("/api/v1/programme-cycles", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    /// <summary>A cycle and its first agreement written straight to the database (for the authorization matrix).</summary>
    public static async Task<(Guid Cycle, Guid Agreement)> AddDirect(TestApp app, Guid station, string countyCode, string profileKey, Guid contractorId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = new ProgrammeCycle
        {
            CountyCode = countyCode, ProfileKey = profileKey, BuyerName = "测试民政局", ContractorId = contractorId, StartDate = app.Today.AddMonths(-2), Years = 3,
            CreatedBy = "test", CreatedAt = app.Clock.GetUtcNow().UtcDateTime, Stations = [new ProgrammeCycleStation { StationId = station }],
        };
        var agreement = new Agreement
        {
            CycleId = cycle.Id, YearNumber = 1, SignedOn = app.Today.AddMonths(-2), TermStart = app.Today.AddMonths(-2), TermEnd = app.Today.AddMonths(10), Amount = 212000m,
            CreatedBy = "test", CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(cycle);
        db.Add(agreement);
        await db.SaveChangesAsync();
        return (cycle.Id, agreement.Id);
    }
}

public static class HandoverTestData
{
    /// <summary>A hand-over row written straight to the database (for the authorization matrix): the station keeps its contractor.</summary>
    public static async Task<Guid> AddDirect(TestApp app, Guid station, Guid outgoing, Guid incoming)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var p = await db.Platforms.FindAsync(station);
        var h = new StationHandover
        {
            StationId = station, StationName = p!.Name, RegionCode = p.RegionCode, OutgoingOrganisationId = outgoing, OutgoingName = "矩阵移交方",
            IncomingOrganisationId = incoming, IncomingName = "矩阵接收方", HandoverDay = app.Today, RecordedBy = "test", RecordedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(h);
        await db.SaveChangesAsync();
        return h.Id;
    }
}

public static class PlanTestData
{
    /// <summary>A draft plan written straight to the database (for the authorization matrix).</summary>
    public static async Task<Guid> AddDirect(TestApp app, string countyCode, int year)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var plan = new ImplementationPlan
        {
            CountyCode = countyCode, Year = year, ProfileKey = "hunan", FiledWithCode = countyCode[..4] + "00", CreatedBy = "test", CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }
}
