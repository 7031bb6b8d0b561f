using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Features.Evaluations;
using SocialWorkStation.Web.Tests.Agreements;
using SocialWorkStation.Web.Tests.Evaluations;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Budgets;

/// <summary>Renewal from the evaluation's final grade first, the bureau's otherwise (agreements.md §11), on the API and the agreement page, on both databases.</summary>
public sealed class RenewalPageTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_closed_final_evaluation_decides_before_the_entered_grade_on_the_api_and_the_page(string db)
    {
        var app = TestApp.For(db);
        var ledongName = await EvaluationTestData.AccountName(app, "BureauOfficer", "469027");
        var ledong = await app.ClientFor(ledongName);
        var contractor = await AgreementTestData.Contractor(ledong, "469027", "socialServiceOrganisation", "civilAffairs");
        var station = await EvaluationTestData.NewStation(app, "乐东续签站" + AgreementTestData.Suffix(), "469027105", "hainan-ledong");
        var year = app.Today.Year;
        var cycle = await AgreementTestData.Cycle(ledong, new { countyCode = "469027", profileKey = "hainan-ledong", buyerName = "乐东黎族自治县民政局", contractorId = contractor, startDate = $"{year}-01-01", stationIds = new[] { station } });
        var first = await (await ledong.PostJson($"/api/v1/programme-cycles/{cycle.GetProperty("id").GetString()}/agreements",
            new { signedOn = $"{year}-01-01", termStart = $"{year}-01-01", termEnd = $"{year}-12-31", amount = 300000m })).ReadJson();
        var id = first.GetProperty("id").GetString();

        var none = await ledong.GetJson($"/api/v1/agreements/{id}/renewal");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, none.GetProperty("gradeSource").ValueKind);
        var entered = await (await ledong.PutJson($"/api/v1/agreements/{id}/final-grade", new { grade = "pass", evaluationReport = "乐民评1号", version = first.GetProperty("version").GetInt32() })).ReadJson();
        Assert.Equal("entered", entered.GetProperty("gradeSource").GetString());
        Assert.Equal("renew", entered.GetProperty("decision").GetString());

        var browser = await app.BrowserFor(ledongName);
        var page = await browser.GetStringAsync($"/Agreements/Agreement/{id}");
        Assert.Contains("民政局登记", page);
        Assert.Contains(">续签</button>", page);

        // The final round of the year closes with 不合格 for the station: it decides, whatever the bureau entered.
        var round = await EvaluationTestData.AddRoundDirect(app, Guid.Parse(station), "469027105", "hainan-ledong", RoundKind.Final);
        await app.WithDb(async d =>
        {
            var r = await d.Set<EvaluationRound>().Include(x => x.Stations).FirstAsync(x => x.Id == round);
            r.Status = RoundStatus.Closed;
            r.ClosedAt = DateTime.UtcNow;
            r.Stations[0].Grade = "不合格";
            r.Stations[0].Composite = 55m;
            return await d.SaveChangesAsync();
        });
        var renewal = await ledong.GetJson($"/api/v1/agreements/{id}/renewal");
        Assert.Equal("evaluation", renewal.GetProperty("gradeSource").GetString());
        Assert.Equal("fail", renewal.GetProperty("grade").GetString());
        Assert.Equal("pass", renewal.GetProperty("enteredGrade").GetString());
        Assert.Equal("procureAnew", renewal.GetProperty("decision").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ledong.PostJson($"/api/v1/agreements/{id}/renew", new { signedOn = $"{year}-12-31" })).StatusCode);
        page = await browser.GetStringAsync($"/Agreements/Agreement/{id}");
        Assert.Contains("来自平台评估", page);
        Assert.Contains("不予续签", page);
        Assert.DoesNotContain(">续签</button>", page);

        // Good instead: the page's 续签 button signs next year's agreement through the same handler as the API.
        await app.WithDb(async d =>
        {
            (await d.Set<EvaluationRoundStation>().FirstAsync(x => x.RoundId == round)).Grade = "良好";
            return await d.SaveChangesAsync();
        });
        page = await browser.GetStringAsync($"/Agreements/Agreement/{id}");
        Assert.Contains("良好", page);
        var renewed = await browser.PostAsync($"/Agreements/Agreement/{id}?handler=Renew", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestApp.FormToken(page), ["Renew.SignedOn"] = $"{year}-12-31",
        }));
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        var cycleNow = await ledong.GetJson($"/api/v1/programme-cycles/{cycle.GetProperty("id").GetString()}");
        Assert.Equal(2, cycleNow.GetProperty("agreements").GetArrayLength());
    }
}
