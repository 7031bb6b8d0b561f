using System.Net;
using SocialWorkStation.Web.Tests.Agreements;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Budgets;

/// <summary>Renewal from the final grade (docs/requirements/agreements.md §11), on both databases.</summary>
public sealed class RenewalApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_passing_grade_renews_within_the_cycle_a_failing_one_and_the_last_year_do_not(string db)
    {
        var app = TestApp.For(db);
        var ledong = await Evaluations.EvaluationTestData.Account(app, "BureauOfficer", "469027");
        var contractor = await AgreementTestData.Contractor(ledong, "469027", "socialServiceOrganisation", "civilAffairs");
        var cycle = await AgreementTestData.Cycle(ledong, new { countyCode = "469027", profileKey = "hainan-ledong", buyerName = "乐东黎族自治县民政局", contractorId = contractor, startDate = "2025-03-01" });
        var first = await (await ledong.PostJson($"/api/v1/programme-cycles/{cycle.GetProperty("id").GetString()}/agreements",
            new { signedOn = "2025-03-01", termStart = "2025-03-01", termEnd = "2026-02-28", amount = 212000.01m })).ReadJson();
        var id = first.GetProperty("id").GetString();

        // No grade yet: no proposal, renewal refused naming the clause.
        Assert.Equal(JsonValueKindNull, (await ledong.GetJson($"/api/v1/agreements/{id}/renewal")).GetProperty("decision").ValueKind);
        var early = await ledong.PostJson($"/api/v1/agreements/{id}/renew", new { signedOn = "2026-03-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("七、（二）5. 结果运用", (await early.ReadJson()).GetProperty("detail").GetString());

        // 不合格: procure anew, renewal 422.
        var graded = await (await ledong.PutJson($"/api/v1/agreements/{id}/final-grade", new { grade = "fail", evaluationReport = "乐民评〔2026〕1号", version = first.GetProperty("version").GetInt32() })).ReadJson();
        Assert.Equal("procureAnew", graded.GetProperty("decision").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ledong.PostJson($"/api/v1/agreements/{id}/renew", new { signedOn = "2026-03-01" })).StatusCode);
        // A stale grade: 409. 合格: renew; the second year copies amount and term a year on.
        Assert.Equal(HttpStatusCode.Conflict, (await ledong.PutJson($"/api/v1/agreements/{id}/final-grade", new { grade = "pass", evaluationReport = "x", version = first.GetProperty("version").GetInt32() })).StatusCode);
        graded = await (await ledong.PutJson($"/api/v1/agreements/{id}/final-grade", new { grade = "pass", evaluationReport = "乐民评〔2026〕1号", version = graded.GetProperty("version").GetInt32() })).ReadJson();
        Assert.Equal("renew", graded.GetProperty("decision").GetString());
        var renewed = await ledong.PostJson($"/api/v1/agreements/{id}/renew", new { signedOn = "2026-03-01" });
        Assert.True(renewed.StatusCode == HttpStatusCode.Created, await renewed.Content.ReadAsStringAsync());
        var second = await renewed.ReadJson();
        Assert.Equal(2, second.GetProperty("yearNumber").GetInt32());
        Assert.Equal(212000.01m, second.GetProperty("amount").GetDecimal());
        Assert.Equal("2026-03-01", second.GetProperty("termStart").GetString());
        // Renewing the same year twice: 409.
        Assert.Equal(HttpStatusCode.Conflict, (await ledong.PostJson($"/api/v1/agreements/{id}/renew", new { signedOn = "2026-03-01" })).StatusCode);

        // Year 2 优秀 renews into year 3; year 3 is the cycle's last: the cycle ends, renewal 422.
        var g2 = await (await ledong.PutJson($"/api/v1/agreements/{second.GetProperty("id").GetString()}/final-grade", new { grade = "excellent", evaluationReport = "乐民评〔2027〕1号", version = second.GetProperty("version").GetInt32() })).ReadJson();
        Assert.Equal("renew", g2.GetProperty("decision").GetString());
        var third = await (await ledong.PostJson($"/api/v1/agreements/{second.GetProperty("id").GetString()}/renew", new { signedOn = "2027-03-01" })).ReadJson();
        var g3 = await (await ledong.PutJson($"/api/v1/agreements/{third.GetProperty("id").GetString()}/final-grade", new { grade = "good", evaluationReport = "乐民评〔2028〕1号", version = third.GetProperty("version").GetInt32() })).ReadJson();
        Assert.Equal("cycleEnded", g3.GetProperty("decision").GetString());
        var fourth = await ledong.PostJson($"/api/v1/agreements/{third.GetProperty("id").GetString()}/renew", new { signedOn = "2028-03-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fourth.StatusCode);
        Assert.Equal("yearNumber", (await fourth.ReadJson()).GetProperty("field").GetString());

        // Another county's bureau: 404; a bad grade: 400 naming the field.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("bureau")).GetAsync($"/api/v1/agreements/{id}/renewal")).StatusCode);
        var bad = await ledong.PutJson($"/api/v1/agreements/{id}/final-grade", new { grade = "A", evaluationReport = "x", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("grade", await bad.Content.ReadAsStringAsync());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
